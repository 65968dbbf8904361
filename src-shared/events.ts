/** Push events sent from the core to every connected client. */
export type PushEvent =
  | {
      type: 'progress';
      jobId: string;
      title: string;
      done: number;
      total: number;
      message?: string;
      finished?: boolean;
      /** Job-specific figures (the timetable generation: placed, hard, teacherGaps, …). */
      details?: Record<string, number | string | null>;
    }
  | { type: 'dataChanged'; entity: string; recordId?: string };

export type PushListener = (event: PushEvent) => void;
