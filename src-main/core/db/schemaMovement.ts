import type { Generated } from 'kysely';

/** Movement book (issue 6, migrations 0040–0042). */
export interface MovementOrderSeriesTable {
  orderType: string;
  suffix: string;
  version: number;
  updatedAt: string;
}

export interface MovementCounterTable {
  key: string;
  lastNumber: number;
}

export interface MovementOrderTable {
  id: string;
  academicYearId: string;
  orderType: string;
  number: number | null;
  numberText: string | null;
  orderDate: string;
  title: string;
  basis: string | null;
  signatoryPosition: string | null;
  signatoryName: string | null;
  /** draft | signed | cancelled */
  status: string;
  signedAt: string | null;
  signedBy: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  printedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  /** office | portal (a historical order read from the portal's movement-book export; 0042). */
  source: Generated<string>;
}

export interface MovementOrderItemTable {
  id: string;
  orderId: string;
  ordinal: number;
  pupilId: string;
  createdPupil: number;
  fromClassId: string | null;
  toClassId: string | null;
  effectiveDate: string;
  enrollKind: string | null;
  originSchool: string | null;
  originDocument: string | null;
  destinationKind: string | null;
  destinationSchool: string | null;
  reason: string | null;
  note: string | null;
  /** JSON array of subgroup ids. */
  subgroupIds: string;
  nameGenitive: string;
  nameDative: string;
  nameAccusative: string;
  namesEdited: number;
}

export interface MovementEffectTable {
  id: string;
  orderId: string;
  itemId: string | null;
  seq: number;
  kind: string;
  targetId: string;
  data: string;
  revertedAt: string | null;
}

export interface AlphabetBookEntryTable {
  id: string;
  number: number;
  personalFileNumber: string;
  pupilId: string;
  assignedOn: string;
  orderItemId: string | null;
  /** active | annulled */
  status: string;
  annulledAt: string | null;
  annulReason: string | null;
}

export interface DocumentTemplateTable {
  key: string;
  fileName: string;
  contentBase64: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The movement book's tables, merged into `Database` in schema.ts. */
export interface MovementTables {
  movementOrderSeries: MovementOrderSeriesTable;
  movementCounter: MovementCounterTable;
  movementOrder: MovementOrderTable;
  movementOrderItem: MovementOrderItemTable;
  movementEffect: MovementEffectTable;
  alphabetBookEntry: AlphabetBookEntryTable;
  documentTemplate: DocumentTemplateTable;
}
