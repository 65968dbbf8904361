import { DEFAULT_LOAD_SETTINGS, type LoadSettings } from '../../../../src-shared/domain/curriculum/rates';
import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/** Staff as the load sees them: names, position, the rate of their teaching positions, their subjects. */
export interface LoadStaff {
  id: string;
  fullName: string;
  shortName: string;
  position: string | null;
  teaches: boolean;
  dismissed: boolean;
  ownRate: number;
  qualifiedSubjectIds: string[];
}

const TEACHING_POSITION = /учител|преподават/i;
const PEDAGOGICAL = /учител|преподават|педагог|воспитател/i;

export async function loadStaff(db: Executor, on = schoolToday()): Promise<Map<string, LoadStaff>> {
  const [staff, positions, subjects] = await Promise.all([
    db.selectFrom('staff').select(['id', 'lastName', 'firstName', 'middleName', 'position', 'dismissalDate']).execute(),
    db.selectFrom('staffPosition').select(['staffId', 'position', 'rate', 'startDate', 'endDate']).execute(),
    db.selectFrom('staffSubject').select(['staffId', 'subjectId']).execute(),
  ]);
  const out = new Map<string, LoadStaff>();
  for (const s of staff) {
    const current = positions.filter((p) => p.staffId === s.id && (!p.startDate || p.startDate <= on) && (!p.endDate || p.endDate > on));
    const teachingRate = current.filter((p) => TEACHING_POSITION.test(p.position)).reduce((sum, p) => sum + Number(p.rate ?? 0), 0);
    const names = [s.position ?? '', ...current.map((p) => p.position)];
    out.set(s.id, {
      id: s.id,
      fullName: fullName(s),
      shortName: shortName(s),
      position: s.position,
      teaches: names.some((n) => PEDAGOGICAL.test(n)),
      dismissed: Boolean(s.dismissalDate && s.dismissalDate <= on),
      ownRate: teachingRate > 0 ? Math.round(teachingRate * 100) / 100 : 1,
      qualifiedSubjectIds: subjects.filter((q) => q.staffId === s.id).map((q) => q.subjectId),
    });
  }
  return out;
}

export function sortStaff(list: LoadStaff[]): LoadStaff[] {
  return list.sort((a, b) => compareRu(a.fullName, b.fullName));
}

const SETTINGS_KEY = 'curriculum.loadSettings';

export async function readLoadSettings(db: Executor): Promise<LoadSettings> {
  const row = await db.selectFrom('appSetting').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_LOAD_SETTINGS };
  try {
    const v = JSON.parse(row.value) as Partial<LoadSettings>;
    return {
      hoursPerRate: typeof v.hoursPerRate === 'number' && v.hoursPerRate > 0 ? v.hoursPerRate : DEFAULT_LOAD_SETTINGS.hoursPerRate,
      maxRates: typeof v.maxRates === 'number' && v.maxRates > 0 ? v.maxRates : DEFAULT_LOAD_SETTINGS.maxRates,
    };
  } catch {
    return { ...DEFAULT_LOAD_SETTINGS };
  }
}

export async function writeLoadSettings(db: Executor, settings: LoadSettings, at: string): Promise<void> {
  await db.deleteFrom('appSetting').where('key', '=', SETTINGS_KEY).execute();
  await db.insertInto('appSetting').values({ key: SETTINGS_KEY, value: JSON.stringify(settings), updatedAt: at }).execute();
}
