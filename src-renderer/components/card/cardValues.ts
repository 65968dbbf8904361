import type { ErrorIssue } from '../../../src-shared/errors';
import { sameValue } from './threeWayMerge';

/** Form values ↔ contract input of a card: what changed (an update is a patch) and where a problem sits. */
export type NamePath = (string | number)[];

export interface FieldProblem {
  name: NamePath;
  message: string;
}

/** `documents.0.number` → ['documents', 0, 'number'], the form's path of a field. */
export function pathOf(dotted: string): NamePath {
  return dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Keys of `keys` whose value in the form differs from the base it was loaded from. */
export function changedFields(values: Record<string, unknown>, base: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((k) => k in values && !sameValue(values[k], base[k]));
}

/** The named values, an empty text sent as null (the contract's «no value»). */
export function pickValues(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k] === '' ? null : values[k]]));
}

/** The server's issues (`поле «X»: …`) as field errors. */
export function serverProblems(issues: ErrorIssue[] | undefined): FieldProblem[] {
  return (issues ?? []).map((i) => ({ name: pathOf(i.path), message: i.message.replace(/^поле «[^»]*»: /, '') }));
}
