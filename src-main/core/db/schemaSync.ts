/** Tables of the portal exchange (migration 0060), kept apart from schema.ts. */
export interface PortalExchangeTable {
  id: string;
  direction: 'pull' | 'push';
  status: string;
  title: string;
  summary: string;
  createdAt: string;
  createdBy: string | null;
  finishedAt: string | null;
  finishedBy: string | null;
  version: number;
}

export interface PortalExchangeFileTable {
  id: string;
  exchangeId: string;
  ordinal: number;
  fileName: string;
  formatId: string | null;
  size: number;
  sha256: string;
  rows: number;
  contentBase64: string;
}

export interface PortalExchangeItemTable {
  exchangeId: string;
  personKind: string;
  personId: string;
  action: string;
  label: string;
  confirmedAt: string | null;
}

export interface PortalRefTable {
  entity: string;
  recordId: string;
  portalId: string;
  updatedAt: string;
}

/** What the last pull that named a person saw (migration 0061): `differs` is JSON `{ field: { office, portal, at } }`. */
export interface PortalSeenTable {
  personKind: string;
  personId: string;
  exchangeId: string;
  seenAt: string;
  differs: string;
}

/** A stored preview entry of a pull (migration 0062), paged and filtered on the server. */
export interface PortalExchangeEntryTable {
  exchangeId: string;
  seq: number;
  entity: string;
  action: string;
  warned: number;
  search: string;
  entry: string;
}

export interface SyncTables {
  portalExchange: PortalExchangeTable;
  portalExchangeFile: PortalExchangeFileTable;
  portalExchangeItem: PortalExchangeItemTable;
  portalRef: PortalRefTable;
  portalSeen: PortalSeenTable;
  portalExchangeEntry: PortalExchangeEntryTable;
}
