import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCaller } from '../../../src-main/core/access/index';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { databaseFingerprint } from '../../helpers/fingerprint';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { describeFuzz, fuzzReaders } from '../../fuzz/runFuzz';

/**
 * Fuzzed portal files (issue 19, item 9) through every reader and the pull preview: no crash (each
 * refusal a Russian message) and no write (the database as it was, apart from the previews' own
 * records). The suite runs a short pass; `npm run fuzz` runs ≥ 10 000 files (FUZZ_FILES).
 */
const LONG = Number(process.env.FUZZ_FILES ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? 19);
/** The preview stores its own exchange record and logs it; everything else must stay as it was. */
const PREVIEW_OWN = ['app_session', 'audit_log', 'portal_exchange', 'portal_exchange_file', 'portal_exchange_entry'];

describeEachDb('fuzzed portal files', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, generateSchool({ classesPerGrade: 1, classSize: 8 }));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  // Readers do not depend on the database: the long run reads every file once (SQLite) and
  // previews a share on both databases.
  const files = LONG > 0 ? (kind === 'sqlite' ? LONG : Math.ceil(LONG / 10)) : kind === 'sqlite' ? 300 : 80;
  const previewEvery = LONG > 0 ? 10 : kind === 'sqlite' ? 6 : 4;

  it(`reads ${files} mutated files without a crash and previews every ${previewEvery}th without a write`, { timeout: LONG > 0 ? 4 * 60 * 60_000 : 120_000 }, async () => {
    const before = await databaseFingerprint(t, PREVIEW_OWN);
    const report = await fuzzReaders({
      files,
      seed: SEED + (kind === 'postgres' ? 1000 : 0),
      previewEvery,
      saveDir: path.resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'fuzz'),
      preview: (fileName, bytes) => t.dispatcher.call(systemCaller(), 'exchange.pull.preview', { files: [{ fileName, contentBase64: bytes.toString('base64') }] }),
      progress: LONG > 0 ? (done, r) => done % 1000 === 0 && process.stdout.write(`${kind}: ${done} files, ${r.failures.length} crashes\n`) : undefined,
    });
    process.stdout.write(`[${kind}] ${describeFuzz(report)}\n`);
    expect(report.failures, describeFuzz(report)).toEqual([]);
    expect(report.files).toBe(files);
    expect(await databaseFingerprint(t, PREVIEW_OWN)).toBe(before);
    // Each preview left one record, still a preview: nothing was applied.
    const exchanges = await t.core.db.selectFrom('portalExchange').select(['status']).execute();
    expect(exchanges.length).toBe(report.previewOk);
    expect(new Set(exchanges.map((e) => e.status))).toEqual(report.previewOk ? new Set(['previewed']) : new Set());
  });
});
