import type { z } from 'zod';
import { personCardIssues, type CardIssue } from '../../../src-shared/domain/personCardRules';
import { todayLocal, type PersonKind } from '../../../src-shared/domain/personRules';
import type { ErrorIssue } from '../../../src-shared/errors';

/**
 * Form ↔ contract for the people cards: the fields a user changed (the update is a patch), the same
 * checks the server runs (zod field schemas, then the card rules of `src-shared`), and server issues
 * placed on the fields they name.
 */
export type NamePath = (string | number)[];

export function pathOf(dotted: string): NamePath {
  return dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/** Empty strings and undefined read as null, so an untouched empty field is no change. */
function normal(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)]));
  return v;
}

/** Keys of `fields` whose value differs from `initial`. */
export function changedKeys(fields: Record<string, unknown>, initial: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => k in fields && !same(fields[k], initial[k]));
}

export function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k] === '' ? null : values[k]]));
}

export interface FieldProblem {
  name: NamePath;
  message: string;
}

/**
 * What the server would refuse, found before sending: the contract's field schema on what is sent,
 * then the card rules on the whole card for the fields that changed.
 */
export function checkCard(kind: PersonKind, schema: z.ZodType, payload: Record<string, unknown>, whole: Record<string, unknown>, changed: string[] | 'all', labels: Record<string, string>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    for (const i of parsed.error.issues) out.push({ name: i.path as NamePath, message: i.message });
    return out;
  }
  const data = { ...whole, ...(parsed.data as Record<string, unknown>) };
  const issues: readonly CardIssue[] = personCardIssues(kind, { ...data, birthDate: (data.birthDate as string | null) ?? null, documents: (data.documents as never[]) ?? [] }, changed === 'all' ? 'all' : new Set(changed), todayLocal());
  for (const i of issues) out.push({ name: pathOf(i.path), message: i.message });
  void labels;
  return out;
}

/** «Карточка обучающегося, поле «СНИЛС»: …» for the alert above the form. */
export function summary(record: string, labels: Record<string, string>, problems: FieldProblem[]): string {
  const first = problems[0];
  const label = labels[first.name.join('.')] ?? String(first.name[0] ?? 'данные');
  const more = problems.length > 1 ? ` (и ещё ошибок: ${problems.length - 1})` : '';
  return `${record}, поле «${label}»: ${first.message}${more}. Ничего не сохранено.`;
}

/** The server's issues (`поле «X»: …`) as field errors. */
export function serverProblems(issues: ErrorIssue[] | undefined): FieldProblem[] {
  return (issues ?? []).map((i) => ({ name: pathOf(i.path), message: i.message.replace(/^поле «[^»]*»: /, '') }));
}
