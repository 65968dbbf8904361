/**
 * The three-way merge of a stale save (ARCHITECTURE.md, multi-seat safety). `base` is the record as
 * this form loaded it, `mine` the form now, `theirs` the record as another user saved it meanwhile.
 * Field by field: their change to a field I did not touch is kept, my change to a field they did not
 * touch is kept, and a field we both changed to different values is a conflict the user decides —
 * nothing either of us typed is thrown away without being shown.
 */
export type MergeOutcome = 'same' | 'theirs' | 'mine' | 'conflict';

export interface MergeField {
  key: string;
  label: string;
  outcome: MergeOutcome;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergePlan {
  fields: MergeField[];
  /** Fields where only the other user changed something: their values are taken. */
  taken: MergeField[];
  /** Fields where only I changed something: my values are kept. */
  kept: MergeField[];
  /** Fields both changed to different values: the user picks one of the two. */
  conflicts: MergeField[];
}

export type Pick = 'mine' | 'theirs';

/** Empty strings and undefined read as null, so an untouched empty field is no change. */
export function normalValue(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.map(normalValue);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .map(([k, x]) => [k, normalValue(x)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return v;
}

/** Whether two field values mean the same (key order, '' and undefined against null do not count). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalValue(a)) === JSON.stringify(normalValue(b));
}

export function planMerge(
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  keys: readonly string[],
  labels: Record<string, string> = {},
): MergePlan {
  const fields: MergeField[] = keys.map((key) => {
    const iChanged = !sameValue(mine[key], base[key]);
    const theyChanged = !sameValue(theirs[key], base[key]);
    const outcome: MergeOutcome = !iChanged ? (theyChanged ? 'theirs' : 'same') : !theyChanged || sameValue(mine[key], theirs[key]) ? 'mine' : 'conflict';
    return { key, label: labels[key] ?? key, outcome, base: base[key], mine: mine[key], theirs: theirs[key] };
  });
  return {
    fields,
    taken: fields.filter((f) => f.outcome === 'theirs'),
    kept: fields.filter((f) => f.outcome === 'mine'),
    conflicts: fields.filter((f) => f.outcome === 'conflict'),
  };
}

/**
 * The values to put back into the form: theirs where only they changed, mine where only I did, and
 * the user's pick where both did. Throws when a conflict has no pick — the caller must ask first.
 */
export function applyMerge(plan: MergePlan, picks: Readonly<Record<string, Pick>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of plan.fields) {
    if (f.outcome === 'conflict') {
      const pick = picks[f.key];
      if (!pick) throw new Error(`no choice made for «${f.label}»`);
      out[f.key] = pick === 'mine' ? f.mine : f.theirs;
    } else out[f.key] = f.outcome === 'theirs' ? f.theirs : f.mine;
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A field value as a person reads it in the merge dialog (Russian, dates as дд.мм.гггг). */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(пусто)';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'number') return v.toLocaleString('ru-RU');
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) return `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}`;
    if (v.startsWith('data:image/')) return 'фотография';
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '(пусто)';
    return v.map((item) => (item && typeof item === 'object' ? describeRecord(item as Record<string, unknown>) : describeValue(item))).join('; ');
  }
  return describeRecord(v as Record<string, unknown>);
}

/** A list entry (a document, an address, a position) by its filled-in values, without ids and versions. */
function describeRecord(r: Record<string, unknown>): string {
  const parts = Object.entries(r)
    .filter(([k, x]) => x !== null && x !== undefined && x !== '' && k !== 'id' && k !== 'version' && !k.endsWith('Id') && typeof x !== 'object')
    .map(([, x]) => describeValue(x));
  return parts.length > 0 ? parts.join(' ') : '(пусто)';
}
