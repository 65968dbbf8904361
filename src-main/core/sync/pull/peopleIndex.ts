import { searchKey } from '../../../../src-shared/domain/names';
import { peopleToMatch, portalIdsOf } from '../repo/planReads';
import { canonicalSnils } from '../../../../src-shared/domain/validators';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';


/**
 * Who we already have, held in memory for one pull: the portal id first, then СНИЛС, then the
 * normalised ФИО with the date of birth (the portal's own rule, §1.1). People planned for creation
 * earlier in the same pull are added, so a parent named by two siblings is created once.
 */
export interface KnownPerson {
  id: string;
  label: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  snils: string | null;
  /** Planned in this pull, not yet in the database. */
  planned: boolean;
}

export type MatchResult =
  | { kind: 'none' }
  | { kind: 'match'; person: KnownPerson; by: 'portalId' | 'snils' | 'fio' }
  | { kind: 'ambiguous'; candidates: KnownPerson[]; by: 'snils' | 'fio' };

export interface MatchKey {
  portalId: string | null;
  snils: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  /** The searchKey of the name, when the caller has it already. */
  fio?: string;
}

/** The СНИЛС key of a person or a row: its canonical spelling, or null. */
function snilsKey(s: string | null): string | null {
  return s ? canonicalSnils(s) : null;
}

const NO_MATCH: MatchResult = { kind: 'none' };

function snilsFits(p: KnownPerson, s: string | null): boolean {
  if (!s) return true;
  const own = snilsKey(p.snils);
  return !own || own === s;
}

/**
 * People under one key: most keys name one person, so a bucket is the person itself until a second
 * one arrives (a district's pull adds tens of thousands; a list per key would double the garbage).
 */
type Bucket = KnownPerson | KnownPerson[];

function put(m: Map<string, Bucket>, k: string, p: KnownPerson): void {
  const b = m.get(k);
  if (b === undefined) m.set(k, p);
  else if (Array.isArray(b)) b.push(p);
  else m.set(k, [b, p]);
}

/** Whether a person with this name is the one the key describes: birth date, then СНИЛС. */
function sameBirth(p: KnownPerson, birthDate: string | null): boolean {
  return birthDate === null || p.birthDate === birthDate;
}

export class PeopleIndex {
  private byId = new Map<string, KnownPerson>();
  private byPortal = new Map<string, string>();
  private bySnils = new Map<string, Bucket>();
  /** By the name's search key; the birth date is compared within (people sharing a name are few). */
  private byFio = new Map<string, Bucket>();

  /** `fio`: the person's searchKey when the caller has it already. */
  add(p: KnownPerson, portalId?: string | null, fio?: string): void {
    this.byId.set(p.id, p);
    if (portalId) this.byPortal.set(portalId, p.id);
    const s = snilsKey(p.snils);
    if (s) put(this.bySnils, s, p);
    put(this.byFio, fio ?? searchKey(p.lastName, p.firstName, p.middleName), p);
  }

  setPortalId(portalId: string, id: string): void {
    this.byPortal.set(portalId, id);
  }

  get(id: string): KnownPerson | undefined {
    return this.byId.get(id);
  }

  /** How many people the index holds (stored and planned). */
  get size(): number {
    return this.byId.size;
  }

  all(): KnownPerson[] {
    return [...this.byId.values()];
  }

  match(k: MatchKey): MatchResult {
    if (k.portalId) {
      const id = this.byPortal.get(k.portalId);
      const p = id ? this.byId.get(id) : undefined;
      if (p) return { kind: 'match', person: p, by: 'portalId' };
    }
    const s = snilsKey(k.snils);
    if (s) {
      const same = this.bySnils.get(s);
      if (same !== undefined) return Array.isArray(same) ? { kind: 'ambiguous', candidates: [...same], by: 'snils' } : { kind: 'match', person: same, by: 'snils' };
    }
    const named = this.byFio.get(k.fio ?? searchKey(k.lastName, k.firstName, k.middleName));
    if (named === undefined) return NO_MATCH;
    const birthDate = k.birthDate ?? null;
    if (!Array.isArray(named)) {
      // A card without a birth date (a teacher from ExportCM) is the same person when the name is unique.
      const fits = (sameBirth(named, birthDate) || !named.birthDate) && snilsFits(named, s);
      return fits ? { kind: 'match', person: named, by: 'fio' } : NO_MATCH;
    }
    // A СНИЛС that differs is a different person even with the same name and birthday.
    let fits = named.filter((p) => sameBirth(p, birthDate) && snilsFits(p, s));
    if (fits.length === 0 && birthDate) fits = named.filter((p) => !p.birthDate && snilsFits(p, s));
    if (fits.length === 1) return { kind: 'match', person: fits[0], by: 'fio' };
    if (fits.length > 1) return { kind: 'ambiguous', candidates: fits, by: 'fio' };
    return NO_MATCH;
  }
}


export function personLabel(p: { lastName: string; firstName: string; middleName: string | null; birthDate: string | null }): string {
  const name = p.middleName ? `${p.lastName} ${p.firstName} ${p.middleName}` : p.firstName ? `${p.lastName} ${p.firstName}` : p.lastName;
  return p.birthDate ? `${name}, ${ruDate(p.birthDate)}` : name;
}

/** `YYYY-MM-DD` → `ДД.ММ.ГГГГ`, once per date (birth dates repeat across a school's list). */
const ruDates = new Map<string, string>();

function ruDate(iso: string): string {
  let d = ruDates.get(iso);
  if (d === undefined) {
    if (ruDates.size >= 50_000) ruDates.clear();
    ruDates.set(iso, (d = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`));
  }
  return d;
}

export async function loadPeopleIndex(db: Executor, kind: PersonKind): Promise<PeopleIndex> {
  const rows = await peopleToMatch(db, kind);
  const refs = await portalIdsOf(db, kind);
  const portal = new Map(refs.map((r) => [r.recordId, r.portalId]));
  const index = new PeopleIndex();
  for (const r of rows) index.add({ ...r, label: personLabel(r), planned: false }, portal.get(r.id));
  return index;
}

/** Something a person block's searchKey can be remembered on: a file record has a slot for it. */
interface FioHolder {
  fio?: Record<string, string> | null;
}

const fioCache = new WeakMap<object, Record<string, string>>();

/** The searchKey of a row's person block, computed once by the plan's first pass. */
export function rememberFio(values: object, prefix: string, fio: string): void {
  // A slot on the record rather than a WeakMap entry per row: ephemerons are costly for the GC.
  if ('fio' in values) {
    const h = values as FioHolder;
    (h.fio ??= {})[prefix] = fio;
    return;
  }
  const cur = fioCache.get(values);
  if (cur) cur[prefix] = fio;
  else fioCache.set(values, { [prefix]: fio });
}

export function rememberedFio(values: object, prefix: string): string | undefined {
  if ('fio' in values) return (values as FioHolder).fio?.[prefix];
  return fioCache.get(values)?.[prefix];
}
