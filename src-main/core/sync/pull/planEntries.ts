import type { z } from 'zod';
import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { issueAt, type FileIssue } from '../formats/records';
import type { PeopleState } from './planPeople';
import type { ParsedFile } from './planTypes';

/** Small helpers the set-up planners share: an entry of the preview, a portal id to keep, a domain schema's verdict. */
export function addEntry(st: PeopleState, f: ParsedFile, key: string, e: Partial<PreviewEntry> & Pick<PreviewEntry, 'entity' | 'action' | 'label'>): PreviewEntry {
  const full: PreviewEntry = { key, fileName: f.fileName, row: null, recordId: null, matchedBy: null, changes: [], issues: [], candidates: [], ...e };
  st.entries.push(full);
  return full;
}

export function portalRef(st: PeopleState, key: string, entity: string, id: string, portalId: string): void {
  if (portalId) st.ops.push({ op: 'portalRef', key, entity, id, portalId: `cm:${portalId}` });
}

/** The domain schema's verdict on a record, as Russian messages naming the field. */
export function domainProblems<T extends z.ZodType>(schema: T, value: unknown, labels: Record<string, string>): FileIssue[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => issueAt(1, null, `${labels[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`));
}

