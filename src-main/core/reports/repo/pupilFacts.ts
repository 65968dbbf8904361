import { fullName } from '../../../../src-shared/domain/names';
import { inChunks } from '../../movement/index';
import type { Executor } from '../../foundation/executor';

/**
 * Facts about pupils the movement reports need: name, sex, birth date, and the card flags ОВЗ,
 * boarding (интернат) and home schooling (обучение на дому). The flags are the card's current
 * values: the card keeps no dated history of them.
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

export async function pupilFacts(db: Executor, ids: readonly string[]): Promise<Map<string, PupilFacts>> {
  const rows = await inChunks([...new Set(ids)], (chunk) =>
    db
      .selectFrom('pupil')
      .select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'hasOvz', 'boarding', 'homeSchooling'])
      .where('id', 'in', chunk)
      .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        fullName: fullName(r),
        sex: r.sex,
        birthDate: r.birthDate,
        ovz: Number(r.hasOvz) === 1,
        boarding: Number(r.boarding) === 1,
        homeSchooling: Number(r.homeSchooling) === 1,
      },
    ]),
  );
}

export function pupilDictionary(facts: Map<string, PupilFacts>): Record<string, { fullName: string; sex: string; birthDate: string | null }> {
  const out: Record<string, { fullName: string; sex: string; birthDate: string | null }> = {};
  for (const [id, f] of facts) out[id] = { fullName: f.fullName, sex: f.sex, birthDate: f.birthDate };
  return out;
}
