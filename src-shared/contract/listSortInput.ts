import { z } from './zodRu';
import type { ListSort } from '../domain/listSort';

/** Labels of the `sort` field for a list method's `labels`, so a refusal names it in Russian. */
export const SORT_LABELS: Record<string, string> = { sort: 'Сортировка', 'sort.column': 'Сортировать по', 'sort.direction': 'Направление сортировки' };

/**
 * The `sort` field of a server-paged list's input: one of the list's own columns (the keys its
 * screen shows) and a direction. A column the list cannot sort by is refused with the list's words,
 * not ignored, so a page never silently comes back in another order.
 */
export function listSortInput(columns: readonly string[], what: string) {
  const allowed = new Set(columns);
  return z
    .object({
      column: z
        .string()
        .max(100)
        .refine((c) => allowed.has(c), { error: (issue) => `${what} нельзя упорядочить по столбцу «${String(issue.input)}»: такого столбца нет` }),
      direction: z.enum(['asc', 'desc'], { error: 'направление — «asc» (по возрастанию) или «desc» (по убыванию)' }),
    })
    .optional() satisfies z.ZodType<ListSort | undefined>;
}
