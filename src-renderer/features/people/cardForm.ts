import type { z } from 'zod';
import { personCardIssues, type CardIssue } from '../../../src-shared/domain/personCardRules';
import type { DocumentFields } from '../../../src-shared/domain/documents';
import { todayLocal, type PersonKind } from '../../../src-shared/domain/personRules';
import { pathOf, type FieldProblem, type NamePath } from '../../components/card/cardValues';

/**
 * What the server would refuse from a people card, found before sending: the contract's field schema
 * on what is sent, then the card rules of `src-shared` on the whole card for the fields that changed.
 */
export function checkCard(kind: PersonKind, schema: z.ZodType, payload: Record<string, unknown>, whole: Record<string, unknown>, changed: readonly string[] | 'all'): FieldProblem[] {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ name: i.path as NamePath, message: i.message }));
  const data: Record<string, unknown> = { ...whole, ...(parsed.data as Record<string, unknown>) };
  const documents = Array.isArray(data.documents) ? (data.documents as DocumentFields[]) : [];
  const birthDate = typeof data.birthDate === 'string' ? data.birthDate : null;
  const issues: readonly CardIssue[] = personCardIssues(kind, { ...data, birthDate, documents }, changed === 'all' ? 'all' : new Set(changed), todayLocal());
  return issues.map((i) => ({ name: pathOf(i.path), message: i.message }));
}
