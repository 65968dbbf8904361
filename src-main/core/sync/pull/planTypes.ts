import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import type { DestinationKind, EnrollKind } from '../../../../src-shared/domain/movement/orderTypes';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { FileIssue, FileRecord } from '../formats/records';
import type { ColumnDef } from '../formats/columns';
import type { FormatId } from '../formats/catalog';
import type { ExportCm } from '../formats/exportCm';
import type { NotImported } from './cmFacts';
import type { Sightings } from './planDifferences';
import type { ImportedSignedOrder } from '../../movement/index';

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
  /** Parts of the file the program has no place for, with counts (the preview lists them). */
  notImported: NotImported[];
}

/** What apply does for an entry; ids of records created in the same pull are assigned at planning. */
export type Op =
  /** `parts`: the card's values from the file; apply completes them into a whole card. */
  | { op: 'createPerson'; key: string; kind: PersonKind; id: string; parts: Record<string, unknown>; label: string }
  | { op: 'updatePerson'; key: string; kind: PersonKind; id: string; version: number; patch: Record<string, unknown>; label: string }
  | { op: 'portalRef'; key: string; entity: string; id: string; portalId: string }
  | { op: 'link'; key: string; pupilId: string; parentId: string; relation: string; label: string }
  | { op: 'membership'; key: string; pupilId: string; classId: string; className: string; startDate: string; label: string }
  | { op: 'account'; key: string; kind: PersonKind; personId: string; login: string; accountId: string | null; version: number | null; status: string | null }
  /** A historical order of the portal's movement book: `create` null adds `items` to an order imported before (`id`). */
  | { op: 'movementOrder'; key: string; id: string; create: ImportedOrder | null; items: ImportedOrderItem[]; label: string }
  | SetupOp;

/**
 * A record of the school's set-up that ExportCM brings, as the owning domain would create it (ids of
 * records the same pull creates are planned ids, resolved by apply).
 */
export type SetupOp =
  | { op: 'subject'; key: string; id: string; name: string; shortName: string; sortOrder: number; label: string }
  /** A subject of the shipped starter set (`name` is the starter's), created with its area and SanPiN points. */
  | { op: 'starterSubject'; key: string; id: string; name: string; label: string }
  | { op: 'room'; key: string; id: string; number: string; name: string | null; floor: number | null; capacity: number | null; label: string }
  | { op: 'schoolClass'; key: string; id: string; yearId: string; grade: number; letter: string; name: string; shift: number; weekLength: number | null; label: string }
  | { op: 'bellSchedule'; key: string; id: string; yearId: string; name: string; shift: number; weekdays: number[]; lessons: { number: number; start: string; end: string }[]; label: string }
  | { op: 'subgroup'; key: string; id: string; classId: string; subjectId: string; name: string; ordinal: number; label: string }
  | { op: 'assignment'; key: string; id: string; yearId: string; classId: string; subjectId: string; groupNo: number; staffId: string; label: string }
  | { op: 'qualification'; key: string; staffId: string; subjectId: string; label: string }
  | { op: 'jointGroup'; key: string; id: string; yearId: string; subjectId: string; name: string; slots: { classId: string; groupNo: number }[]; label: string }
  | {
      op: 'curriculumPlan';
      key: string;
      id: string;
      yearId: string;
      grade: number;
      classId: string | null;
      weeksPerYear: number;
      note: string;
      rows: { id: string; subjectId: string; hours: number; groups: number; excluded: boolean; sortOrder: number; doubles?: number }[];
      label: string;
    };

/** An order the portal already signed, kept with its own number and date (planMovementBook). */
export type ImportedOrder = Omit<ImportedSignedOrder, 'id' | 'items'>;

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
  /** Who the files name, and what the portal lacks of them. */
  sightings: Sightings;
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
