import { existsSync, readFileSync } from 'node:fs';
import { exportFet } from '../../src-main/core/timetable/engine/fet/export';
import { importFet } from '../../src-main/core/timetable/engine/fet/import';
import { exportedUnitOf } from '../../src-main/core/timetable/engine/fet/result';
import { generateSchool, type SchoolSize } from '../../src-main/core/timetable/engine/generator/generator';
import type { TimetableInstance, UnitRef } from '../../src-main/core/timetable/engine/model';
import { SANPIN_NAMES } from '../../src-shared/domain/schoolSetup/subjectDictionary';

export interface BenchInstance {
  name: string;
  instance: TimetableInstance;
  /** The .fet text FET runs on (our export, or the original example file). */
  fetXml: string;
  unitOf: (activityId: number) => UnitRef | null;
  /** Budget per run in seconds. */
  budget: number;
  /** Unsupported hard FET constraints (our success is then not comparable). */
  unsupportedHard: number;
}

const EX = '/usr/share/doc/fet-data/examples/FET-5-official';
export const FET_FILES: { name: string; path: string }[] = [
  { name: 'Lom (BG)', path: `${EX}/Bulgaria/Lom_high_school_2007-2008.fet` },
  { name: 'Medgidia Orar_4_6 (RO)', path: `${EX}/Romania/Constantin-Brancusi-School-Medgidia/2019-2020/Orar_4_6.fet` },
  { name: 'Bethlen (HU)', path: `${EX}/Hungary/Bethlen/2008-2009/2-newer/Bethlen-2008-2009.fet` },
  { name: 'Ancona (IT, difficult)', path: `${EX}/Italy/2007/difficult/highschool-Ancona.fet` },
  { name: 'Pireus (GR, difficult)', path: `${EX}/Greece/Pireus-difficult/8th-highschool.fet` },
];

export interface Budgets {
  generated: Record<SchoolSize, number>;
  fet: Record<string, number>;
}

/**
 * Generated schools (seed 1 is the one the weights were tuned on; `schoolSeed` > 1 gives schools
 * the solver has never seen), a generated school that went through a plain .fet export and import
 * (no grades, no points: SanPiN data inferred from the names), and FET's own example files.
 */
export function benchInstances(b: Budgets, only: string[] | null, schoolSeed = 1): BenchInstance[] {
  const out: BenchInstance[] = [];
  const want = (n: string): boolean => !only || only.some((o) => n.toLowerCase().startsWith(o.toLowerCase()));
  const tag = schoolSeed === 1 ? '' : ` #${schoolSeed}`;
  for (const size of ['S', 'M', 'L', 'XL'] as SchoolSize[]) {
    for (const hard of [false, true]) {
      const name = `${size}${hard ? '-hard' : ''}`;
      if (!want(name)) continue;
      const instance = generateSchool({ size, hard, seed: schoolSeed });
      out.push({ name: `${name}${tag}`, instance, fetXml: exportFet(instance).xml, unitOf: exportedUnitOf(instance), budget: b.generated[size], unsupportedHard: 0 });
    }
  }
  if (want('M via .fet')) {
    const xml = exportFet(generateSchool({ size: 'M', seed: schoolSeed })).xml;
    const imp = importFet(xml, 'M via .fet', { names: SANPIN_NAMES });
    out.push({ name: `M via .fet${tag}`, instance: imp.instance, fetXml: xml, unitOf: imp.unitOf, budget: b.generated.M, unsupportedHard: 0 });
  }
  for (const f of FET_FILES) {
    if (!want(f.name) || !existsSync(f.path)) continue;
    const xml = readFileSync(f.path, 'utf8');
    const imp = importFet(xml, f.name, { names: SANPIN_NAMES });
    const unsupportedHard = imp.report.unsupported.reduce((a, u) => a + u.hard, 0);
    out.push({ name: f.name, instance: imp.instance, fetXml: xml, unitOf: imp.unitOf, budget: b.fet[f.name.split(' ')[0]] ?? 30, unsupportedHard });
  }
  return out;
}
