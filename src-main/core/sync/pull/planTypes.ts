import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import type { DestinationKind, EnrollKind, OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { FileIssue, FileRecord } from '../formats/records';
import type { ColumnDef } from '../formats/columns';
import type { FormatId } from '../formats/catalog';
import type { ExportCm } from '../formats/exportCm';

/** A file of a pull after reading: its format, its records (or the ExportCM data) and its problems. */
export interface ParsedFile {
  id: string;
  fileName: string;
  formatId: FormatId | null;
  container: string;
  encoding: string | null;
  columns: readonly ColumnDef[];
  headerRows: string[][];
  records: FileRecord[];
  exportCm: ExportCm | null;
  issues: FileIssue[];
}

/** What apply does for an entry; ids of records created in the same pull are assigned at planning. */
export type Op =
  /** `parts`: the card's values from the file; apply completes them into a whole card. */
  | { op: 'createPerson'; key: string; kind: PersonKind; id: string; parts: Record<string, unknown>; label: string }
  | { op: 'updatePerson'; key: string; kind: PersonKind; id: string; version: number; patch: Record<string, unknown>; label: string }
  | { op: 'portalRef'; key: string; entity: string; id: string; portalId: string }
  | { op: 'link'; key: string; pupilId: string; parentId: string; relation: string; label: string }
  | { op: 'membership'; key: string; pupilId: string; classId: string; startDate: string; label: string }
  | { op: 'account'; key: string; kind: PersonKind; personId: string; login: string; accountId: string | null; version: number | null; status: string | null }
  /** A historical order of the portal's movement book: `create` null adds `items` to an order imported before (`id`). */
  | { op: 'movementOrder'; key: string; id: string; create: ImportedOrder | null; items: ImportedOrderItem[]; label: string }
  | { op: 'insertRow'; key: string; table: 'subject' | 'room' | 'schoolClass' | 'subgroup' | 'bellSchedule' | 'teachingAssignment' | 'curriculumPlan' | 'curriculumRow'; row: Record<string, unknown>; children?: { table: 'bellLesson'; rows: Record<string, unknown>[] }; entity: string; label: string };

/** An order the portal already signed, kept with its own number and date (planMovementBook). */
export interface ImportedOrder {
  yearId: string;
  type: OrderType;
  number: number | null;
  numberText: string;
  orderDate: string;
  title: string;
}

export interface ImportedOrderItem {
  pupilId: string;
  fromClassId: string | null;
  toClassId: string | null;
  effectiveDate: string;
  enrollKind: EnrollKind | null;
  destinationKind: DestinationKind | null;
  reason: string | null;
  /** What the portal wrote: type, subtype, class. */
  note: string | null;
}

export interface Plan {
  entries: PreviewEntry[];
  ops: Op[];
}

export type Decisions = Record<string, string>;

let planned = 0;

/**
 * An id for a record a plan creates. Real UUIDs are drawn only when apply writes the record (a
 * preview of a large file plans tens of thousands of records and keeps none of them).
 */
export function tempId(): string {
  return `~${++planned}`;
}

export function isTempId(id: string): boolean {
  return id.startsWith('~');
}
