/**
 * Writes tests/fixtures/asc/demo-school.xml.gz: the demo school's approved timetable as our aSc
 * export (the fixture the «aSc into an empty school» test imports). Run after a change of the
 * demo or the aSc writer:
 *   npx tsx src-main/cli.ts demo --out /tmp/demo.sqlite3 && npx tsx scripts/asc-demo-fixture.ts /tmp/demo.sqlite3
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApiClient } from '../src-shared/transport';
import { accessHooks, systemCaller } from '../src-main/core/access/index';
import { handlers } from '../src-main/core/api/index';
import { createDispatcher } from '../src-main/core/dispatcher';
import { closeCore, openCore } from '../src-main/core/foundation/context';
import { createInProcessTransport } from '../src-main/core/inProcessTransport';
import { createLogger } from '../src-main/core/foundation/logger';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/asc-demo-fixture.ts <demo.sqlite3>');
const core = await openCore({ db: { kind: 'sqlite', file: path.resolve(file) }, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'asc-fixture-')), logger: createLogger(undefined, 'warn') });
try {
  const client = createApiClient(createInProcessTransport(createDispatcher(core, handlers, accessHooks()), systemCaller('in-process', 'Фикстура aSc')));
  const version = await core.db.selectFrom('timetableVersion').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow();
  const exported = await client.call('timetable.asc.export', { versionId: version.id });
  // Gzipped: half a megabyte of XML is 40 KB in the repository.
  const out = path.join(import.meta.dirname, '../tests/fixtures/asc/demo-school.xml.gz');
  fs.writeFileSync(out, zlib.gzipSync(Buffer.from(exported.contentBase64, 'base64'), { level: 9 }));
  process.stdout.write(`${out}: ${exported.rows} placements\n`);
} finally {
  await closeCore(core);
}
