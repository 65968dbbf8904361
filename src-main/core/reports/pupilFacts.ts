import { fullName } from '../../../src-shared/domain/names';
import type { Executor } from '../audit/auditRepo';
import { inChunks } from '../movement/common';

/**
 * Facts about pupils the movement reports need: name, sex, birth date, and the card flags ОВЗ,
 * boarding and home schooling. The flags belong to the full pupil card (people module); they are
 * read from whatever columns the card has, so the report works before and after those columns land.
 */
export interface PupilFacts {
  id: string;
  fullName: string;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  ovz: boolean;
  boarding: boolean;
  homeSchooling: boolean;
}

const FLAG_COLUMNS = {
  ovz: ['hasOvz', 'ovz', 'isOvz'],
  boarding: ['boarding', 'livesInBoarding', 'isBoarding'],
  homeSchooling: ['homeSchooling', 'homeEducation', 'isHomeSchooled'],
} as const;

function flag(row: Record<string, unknown>, names: readonly string[]): boolean {
  for (const n of names) {
    const v = row[n];
    if (v === 1 || v === true || v === '1') return true;
  }
  return false;
}

export async function pupilFacts(db: Executor, ids: readonly string[]): Promise<Map<string, PupilFacts>> {
  const rows = await inChunks([...new Set(ids)], (chunk) => db.selectFrom('pupil').selectAll().where('id', 'in', chunk).execute());
  return new Map(
    rows.map((r) => {
      const raw = r as unknown as Record<string, unknown>;
      return [
        r.id,
        {
          id: r.id,
          fullName: fullName(r),
          sex: r.sex,
          birthDate: r.birthDate,
          ovz: flag(raw, FLAG_COLUMNS.ovz),
          boarding: flag(raw, FLAG_COLUMNS.boarding),
          homeSchooling: flag(raw, FLAG_COLUMNS.homeSchooling),
        },
      ];
    }),
  );
}

export function pupilDictionary(facts: Map<string, PupilFacts>): Record<string, { fullName: string; sex: string; birthDate: string | null }> {
  const out: Record<string, { fullName: string; sex: string; birthDate: string | null }> = {};
  for (const [id, f] of facts) out[id] = { fullName: f.fullName, sex: f.sex, birthDate: f.birthDate };
  return out;
}
