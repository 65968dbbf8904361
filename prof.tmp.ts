import fs from 'node:fs';
import { handlers } from './src-main/core/api/index';
import { systemCaller } from './src-main/core/access/index';
import { closeCore, openCore } from './src-main/core/foundation/context';
import { createDispatcher } from './src-main/core/dispatcher';
import { createLogger, silentSink } from './src-main/core/foundation/logger';
import { writeDistrict } from './bench/reports/district';
const file = '/tmp/reports-scratch/d20k.sqlite3';
const fresh = !fs.existsSync(file);
const core = await openCore({ db: { kind: 'sqlite', file }, dataDir: '/tmp/reports-scratch', logger: createLogger(silentSink) });
if (fresh) writeDistrict(core.appDb.sqlite as never, 20000);
const d = createDispatcher(core, handlers);
const only = process.argv[2];
const cases: [string, unknown][] = [
  ['reports.school.run', { key: 'pupils-general', params: { date: '2026-10-01' } }],
  ['reports.school.run', { key: 'pupils-year-results', params: {} }],
  ['reports.school.run', { key: 'oo1', params: { date: '2026-09-20' } }],
  ['reports.school.run', { key: 'social-passport-school', params: { date: '2026-10-01' } }],
  ['reports.class.run', { key: 'class-lists', params: { date: '2026-09-01' } }],
  ['reports.occupancy', { date: '2026-10-01' }],
  ['reports.builder.preview', { definition: { entity: 'pupils', columns: ['fullName', 'className', 'parentsPhones'], filters: [{ field: 'socialCategories', op: 'has', value: 'Из многодетных семей' }], date: '2026-10-01', groupBy: ['className'], totals: [], sort: [] } }],
];
for (const [m, input] of cases) {
  if (only && !JSON.stringify(input).includes(only)) continue;
  const cpus: number[] = [];
  let ok = true;
  for (let i = 0; i < 3; i++) {
    core.events.emit({ type: 'dataChanged', entity: 'report' });
    const c0 = process.cpuUsage();
    const env = await d.call(systemCaller(), m, input);
    ok &&= env.ok;
    const cpu = process.cpuUsage(c0);
    cpus.push(Math.round((cpu.user + cpu.system) / 1000));
  }
  console.log(JSON.stringify(input).slice(0, 50), ok, 'cpu ms', cpus.join(' '));
}
await closeCore(core);
