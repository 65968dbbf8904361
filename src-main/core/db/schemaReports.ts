/** Tables of the reports area (migration 0080), merged into `Database` in schema.ts. */
export interface ReportDefinitionTable {
  id: string;
  name: string;
  nameKey: string;
  entity: string;
  /** JSON of the builder's definition (whitelisted field keys, never SQL). */
  definition: string;
  /** JSON array of role ids that may run it from the catalogue. */
  audience: string;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportTemplateTable {
  key: string;
  fileName: string;
  contentBase64: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** Issued certificates, numbered per kind and calendar year (migration 0081). */
export interface CertificateRegisterTable {
  id: string;
  kind: string;
  year: number;
  number: number;
  issuedOn: string;
  personKind: string;
  personId: string;
  personName: string;
  detail: string | null;
  purpose: string | null;
  issuedBy: string | null;
  createdAt: string;
}

export interface ReportTables {
  reportDefinition: ReportDefinitionTable;
  reportTemplate: ReportTemplateTable;
  certificateRegister: CertificateRegisterTable;
}
