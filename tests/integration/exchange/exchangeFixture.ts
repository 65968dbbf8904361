import { newId } from '../../../src-shared/domain/ids';
import { expect } from 'vitest';
import type { PreviewEntry, PullPreview } from '../../../src-shared/contract/exchange';
import type { TestCore } from '../../helpers/testDb';

/** The current academic year 2026/2027 every exchange test pulls into. */
export async function insertCurrentYear(t: TestCore): Promise<void> {
  await t.core.db
    .insertInto('academicYear')
    .values({ id: newId(), name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', isCurrent: 1, isClosed: 0, version: 1, updatedAt: new Date().toISOString() })
    .execute();
}

/** Every entry of a stored preview, page by page (the server sends the first page with the preview). */
export async function allEntries(t: TestCore, exchangeId: string): Promise<PreviewEntry[]> {
  const out: PreviewEntry[] = [];
  for (;;) {
    const page = await t.client.call('exchange.pull.entries', { exchangeId, offset: out.length, limit: 500 });
    out.push(...page.entries);
    if (page.entries.length === 0 || out.length >= page.total) return out;
  }
}

/** A pull's preview with all its entries (tests look at every entry; the browser pages them). */
export async function previewAll(t: TestCore, input: { files: { fileName: string; contentBase64: string }[] }): Promise<PullPreview> {
  const p = await t.client.call('exchange.pull.preview', input);
  const entries = await allEntries(t, p.exchangeId);
  expect(entries).toHaveLength(p.total);
  expect(entries.slice(0, p.entries.length)).toEqual(p.entries);
  return { ...p, entries };
}
