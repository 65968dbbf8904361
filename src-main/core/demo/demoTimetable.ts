import type { ApiClient } from '../../../src-shared/transport';
import type { GenerationStatus } from '../../../src-shared/contract/timetableFields';

/**
 * The demo school's timetable (issue 15), made the way a завуч makes it, through the contract: the
 * load's vacancies are given to part-time teachers hired for them (a load row without a teacher
 * cannot be timetabled), then «Составить» for the first study period with a fixed seed and
 * iteration budget (the same timetable on every machine), then the director's approval from the
 * first day of the year. Deterministic for the same demo school.
 */

/** Part-timers (совместители) the demo hires for its vacancies, in order of need. */
const PART_TIMERS = [
  { lastName: 'Белова', firstName: 'Ирина', middleName: 'Сергеевна', sex: 'Ж' as const, birthDate: '1983-05-14' },
  { lastName: 'Григорьев', firstName: 'Павел', middleName: 'Андреевич', sex: 'М' as const, birthDate: '1979-09-02' },
  { lastName: 'Зайцева', firstName: 'Марина', middleName: 'Олеговна', sex: 'Ж' as const, birthDate: '1990-01-23' },
  { lastName: 'Тихонов', firstName: 'Денис', middleName: 'Викторович', sex: 'М' as const, birthDate: '1986-11-30' },
  { lastName: 'Фролова', firstName: 'Анна', middleName: 'Игоревна', sex: 'Ж' as const, birthDate: '1992-07-08' },
  { lastName: 'Широков', firstName: 'Олег', middleName: 'Петрович', sex: 'М' as const, birthDate: '1975-03-19' },
];

/** A part-timer takes at most this many hours a week. */
const PART_TIME_CAP = 18;

export interface DemoTimetableOptions {
  seed?: number;
  maxIterations?: number;
  /** Polled while the solver runs. */
  onProgress?: (s: GenerationStatus) => void;
}

export interface DemoTimetableResult {
  versionId: string;
  hired: number;
  status: GenerationStatus;
}

export async function buildDemoTimetable(client: ApiClient, opts: DemoTimetableOptions = {}): Promise<DemoTimetableResult> {
  const { years } = await client.call('setup.years.list');
  const year = years.find((y) => y.isCurrent) ?? years[0];
  if (!year) throw new Error('В демонстрационной базе нет учебного года');
  const hired = await fillVacancies(client, year.id, year.startDate);
  const { periods } = await client.call('timetable.versions.list', { yearId: year.id });
  const first = periods[0] ?? null;
  const started = await client.call('timetable.generate.start', {
    target: 'new',
    yearId: year.id,
    studyPeriodId: first?.id ?? null,
    name: `Основное расписание${first ? ` (${first.name})` : ''}`,
    budget: { seconds: 600, seed: opts.seed ?? 1, maxIterations: opts.maxIterations ?? 250_000 },
  });
  let status = await client.call('timetable.generate.status', { jobId: started.jobId });
  while (['preparing', 'running', 'saving'].includes(status.state)) {
    await new Promise((r) => setTimeout(r, 250));
    status = await client.call('timetable.generate.status', { jobId: started.jobId });
    opts.onProgress?.(status);
  }
  if (status.state !== 'done' || !status.versionId) throw new Error(`Расписание демонстрационной школы не составлено: ${status.message ?? status.state}`);
  const version = await client.call('timetable.version.get', { versionId: status.versionId });
  await client.call('timetable.version.approve', { versionId: status.versionId, version: version.meta.version, effectiveFrom: year.startDate });
  return { versionId: status.versionId, hired, status };
}

/** Hires part-timers for the load's vacancies, subject by subject, and gives them the rows. */
export async function fillVacancies(client: ApiClient, yearId: string, from: string): Promise<number> {
  const { rows } = await client.call('load.vacancies', { yearId });
  if (rows.length === 0) return 0;
  const bySubject = new Map<string, typeof rows>();
  for (const r of rows) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
  let next = 0;
  for (const [subjectId, list] of bySubject) {
    let staffId: string | null = null;
    let load = 0;
    for (const r of list) {
      if (!staffId || load + r.hours > PART_TIME_CAP) {
        const person = PART_TIMERS[next++ % PART_TIMERS.length];
        const card = (await client.call('staff.create', {
          ...person,
          positions: [{ position: 'Учитель', kind: 'additional', rate: 0.5, startDate: from, endDate: null, orderNumber: null }],
          allowDuplicate: true,
        })) as { id: string };
        staffId = card.id;
        load = 0;
        await client.call('load.qualifications.save', { staffId, subjectIds: [subjectId] });
      }
      await client.call('load.assign', { yearId, changes: [{ classId: r.classId, subjectId, groupNo: r.groupNo, staffId, version: 0 }] });
      load += r.hours;
    }
  }
  return next;
}
