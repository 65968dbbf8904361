import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { generateSchool } from '../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../src-main/core/demo/writeDemo';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { sqliteFileIn } from '../../src-main/core/foundation/paths';

/** A small demo school written straight into the data folder's SQLite file before `serve` starts. */
export async function seedDemoSchool(dataDir: string, opts: Parameters<typeof generateSchool>[0]): Promise<void> {
  const core = await openCore({ db: { kind: 'sqlite', file: sqliteFileIn(dataDir) }, dataDir, logger: createLogger(silentSink) });
  // The deadline monitor's demo ticks sit around the same day as the movement book.
  await writeDemo(core.db, generateSchool(opts), undefined, { today: opts?.today });
  await closeCore(core);
}
