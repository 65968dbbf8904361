import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessHooks, systemCaller } from '../../src-main/core/access/index';
import { handlers } from '../../src-main/core/api/index';
import { fillVacancies } from '../../src-main/core/demo/demoTimetable';
import { generateSchool } from '../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../src-main/core/demo/writeDemo';
import { createDispatcher } from '../../src-main/core/dispatcher';
import { closeCore, openCore } from '../../src-main/core/foundation/context';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { createInProcessTransport } from '../../src-main/core/inProcessTransport';
import { buildSnapshot, loadSchoolData, toInstance } from '../../src-main/core/timetable/index';
import type { TimetableInstance } from '../../src-main/core/timetable/engine/model';
import { timetableOptions } from '../../src-shared/contract/timetableFields';
import { createApiClient } from '../../src-shared/transport';

/**
 * The demo school (33 classes, two shifts) as the app builds it from its own database: the demo is
 * written into a fresh SQLite file, its vacancies filled as `npm run demo` does, and the instance
 * made by the timetable domain's builder for the first study period with the default switches.
 */
export async function demoSchoolInstance(): Promise<{ instance: TimetableInstance; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-demo-'));
  const core = await openCore({ db: { kind: 'sqlite', file: join(dir, 'demo.sqlite3') }, dataDir: dir, logger: createLogger(silentSink) });
  try {
    await writeDemo(core.db, generateSchool());
    const client = createApiClient(createInProcessTransport(createDispatcher(core, handlers, accessHooks()), systemCaller()));
    const { years } = await client.call('setup.years.list');
    const year = years[0];
    await fillVacancies(client, year.id, year.startDate);
    const { periods } = await client.call('timetable.versions.list', { yearId: year.id });
    const p = periods[0];
    const data = await loadSchoolData(core.db, year.id, p.startDate);
    const built = buildSnapshot(data, timetableOptions.parse({}), { studyPeriodId: p.id, name: p.name, start: p.startDate, end: p.endDate });
    const pre = await client.call('timetable.precheck', { yearId: year.id, studyPeriodId: p.id });
    return {
      instance: toInstance({ grid: built.grid, labels: built.labels, lessons: built.lessons, availability: data.availability, name: 'Демонстрационная школа (из базы)' }),
      errors: pre.items.filter((i) => i.level === 'error').map((i) => i.message),
    };
  } finally {
    await closeCore(core);
    rmSync(dir, { recursive: true, force: true });
  }
}
