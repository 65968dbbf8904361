/** Tables of the deadline monitor (migration 0090), kept apart from schema.ts. Booleans are 0/1. */
export interface DeadlineRuleTable {
  key: string;
  title: string;
  description: string | null;
  role: string;
  anchor: string;
  monthDay: string | null;
  /** The rule's offset in its unit (`offset` is a reserved word in SQL). */
  amount: number;
  unit: string;
  direction: string;
  confirm: string;
  checkKind: string | null;
  section: string;
  source: string;
  reportKey: string | null;
  link: string | null;
  isActive: number;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface DeadlineCompletionTable {
  id: string;
  taskKey: string;
  ruleKey: string;
  /** tick | frozen */
  kind: string;
  title: string;
  subject: string;
  role: string;
  dueDate: string | null;
  doneOn: string;
  doneBy: string | null;
  doneByUserId: string | null;
  note: string | null;
  version: number;
  createdAt: string;
}

export interface DeadlineTables {
  deadlineRule: DeadlineRuleTable;
  deadlineCompletion: DeadlineCompletionTable;
}
