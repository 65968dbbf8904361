import { z } from './zodRu';
import { mutation, query } from './define';
import { version } from './fields';
import { personId } from './peopleFields';
import { duplicateCandidate } from './peopleViews';
import { normaliseName } from '../domain/personRules';

/**
 * Duplicates and merging: a person typed twice (same ФИО and birth date, or the same СНИЛС) is
 * found before a second card is created; two cards of one person are merged into one, keeping every
 * link (parents, children, classes, accounts) and the history of both.
 */
export const personKind = z.enum(['pupil', 'parent', 'staff'], 'вид карточки: обучающийся, родитель или сотрудник');

const duplicateQuery = z.object({
  lastName: z.string().max(100).transform(normaliseName),
  firstName: z.string().max(100).transform(normaliseName),
  middleName: z.string().max(100).nullable().optional(),
  birthDate: z.string().max(10).nullable().optional(),
  snils: z.string().max(20).nullable().optional(),
  /** The card being edited, left out of the answer. */
  excludeId: z.string().max(100).optional(),
});
export type DuplicateQuery = z.input<typeof duplicateQuery>;

export const mergeField = z.object({
  field: z.string(),
  label: z.string(),
  keep: z.unknown(),
  remove: z.unknown(),
  /** Which value the merged card gets when the user does not choose; `both` — lists are joined. */
  result: z.enum(['keep', 'remove', 'same', 'both']),
});

const mergeInput = z.object({
  kind: personKind,
  keepId: personId,
  removeId: personId,
  /** Fields whose value is taken from the card being removed (the rest keep the main card's value or fill its gaps). */
  takeFromRemoved: z.array(z.string().max(60)).max(80).optional(),
});

export const MERGE_LABELS = { kind: 'Вид карточки', keepId: 'Основная карточка', removeId: 'Объединяемая карточка', keepVersion: 'Версия основной карточки', removeVersion: 'Версия объединяемой карточки' };

export const peopleMergeContract = {
  /** Cards that look like the same pupil (ФИО + birth date, or СНИЛС). */
  'people.pupils.duplicates': query({
    summary: 'Поиск дублей обучающегося',
    right: 'pupils.read',
    input: duplicateQuery,
    output: z.array(duplicateCandidate),
  }),
  'people.parents.duplicates': query({
    summary: 'Поиск дублей родителя',
    right: 'parents.read',
    input: duplicateQuery,
    output: z.array(duplicateCandidate),
  }),
  /** What a merge would do: field by field, and how many links move. */
  'people.merge.preview': query({
    summary: 'Предпросмотр объединения карточек',
    right: 'people.merge',
    labels: MERGE_LABELS,
    input: mergeInput,
    output: z.object({
      keepName: z.string(),
      removeName: z.string(),
      keepVersion: version,
      removeVersion: version,
      fields: z.array(mergeField),
      /** «2 связи с родителями», «1 запись о классе» … that move to the main card. */
      moves: z.array(z.string()),
    }),
  }),
  /**
   * Merges the second card into the first: links and history move, empty fields are filled, chosen
   * fields are taken from the second card; the second card is deleted. Both versions are checked.
   */
  'people.merge.apply': mutation({
    summary: 'Объединить две карточки одного человека',
    right: 'people.merge',
    entity: 'person',
    record: 'Объединение карточек',
    labels: MERGE_LABELS,
    input: mergeInput.extend({ keepVersion: version, removeVersion: version }),
    output: z.object({ keepId: z.string(), moved: z.array(z.string()) }),
  }),
};
