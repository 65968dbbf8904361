import { z } from './zodRu';
import { mutation, query } from './define';
import { version } from './fields';
import { exportedFile } from './files';
import { PUPIL_LABELS as PUPIL_CARD_LABELS, PUPIL_SCHEMAS } from './peoplePupilCard';
import { personId } from './peopleFields';
import { historyRow, PUPIL_FLAGS, pupilRow, pupilView } from './peopleViews';
import { parentLinkInput, peopleParentsContract } from './peopleParents';
import { peopleMergeContract } from './peopleMerge';
import { PUPIL_COLUMNS } from './peopleColumns';
import { listSortInput, SORT_LABELS } from './listSortInput';

export * from './peopleViews';
export { PUPIL_SCHEMAS, PUPIL_EMPTY, PUPIL_FIELD_LABELS, type PupilCard, type PupilCardInput } from './peoplePupilCard';

/**
 * Pupils: the personal card (секретарь, классный руководитель — work order section 2), lists with
 * instant search, Excel export. Every method keeps the access layer's row scoping: a caller without
 * «все классы» sees and edits only the pupils of their own classes (`src-main/core/access/scope.ts`).
 */
export const PUPIL_LABELS: Record<string, string> = {
  ...PUPIL_CARD_LABELS,
  classId: 'Класс',
  search: 'Поиск',
  photo: 'Фотография',
  // Fields of history entries that are not card fields.
  parents: 'Родители и законные представители',
  className: 'Класс',
  enrolledOn: 'Дата зачисления',
  mergedFrom: 'Объединена с карточкой',
  moved: 'Перенесено',
};

/** Filters of the pupil list; the same object drives the virtual table and its Excel export. */
export const pupilFilter = z.object({
  classId: personId.optional(),
  search: z.string().max(200, 'не длиннее 200 символов').optional(),
  /** `studying` — in a class today; `notStudying` — without a class today. */
  status: z.enum(['all', 'studying', 'notStudying']).optional(),
  /** Every flag listed must be set on the card (ОВЗ, интернат…). */
  flags: z.array(z.enum(PUPIL_FLAGS)).max(PUPIL_FLAGS.length).optional(),
});
export type PupilFilter = z.output<typeof pupilFilter>;

export const paging = {
  offset: z.number().int().min(0).optional(),
  /** Without a limit the whole (scoped) list comes back — fine for one school, not for a district. */
  limit: z.number().int().min(1).max(5000).optional(),
};

export const photo = z
  .string()
  .max(700_000, 'фотография больше 500 КБ — уменьшите её')
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'фотография — файл JPEG, PNG или WebP')
  .nullable();

export const pupilCreateInput = PUPIL_SCHEMAS.patch
  .extend({
    lastName: PUPIL_SCHEMAS.full.shape.lastName,
    firstName: PUPIL_SCHEMAS.full.shape.firstName,
    sex: PUPIL_SCHEMAS.full.shape.sex,
    photo: photo.optional(),
    /** Existing parent cards to link (a sibling's mother is linked, not typed again). */
    parents: z.array(parentLinkInput.omit({ pupilId: true })).max(10).optional(),
    /** Set after the user has seen the duplicate warning and still wants a second card. */
    allowDuplicate: z.boolean().optional(),
  });
export type PupilCreateInput = z.input<typeof pupilCreateInput>;

export const pupilUpdateInput = PUPIL_SCHEMAS.patch.extend({ id: personId, version, photo: photo.optional() });
export type PupilUpdateInput = z.input<typeof pupilUpdateInput>;

const pupilsContract = {
  /** Pupils matching the filters (current class today), sorted by name; a caller without «все классы» gets only their own classes. */
  'people.pupils.list': query({
    summary: 'Список обучающихся',
    right: 'pupils.read',
    labels: { ...PUPIL_LABELS, ...SORT_LABELS },
    input: pupilFilter.extend({ ...paging, sort: listSortInput(PUPIL_COLUMNS.map((c) => c.key), 'Список обучающихся') }).optional(),
    output: z.array(pupilRow),
  }),
  /** How many pupils match the filters (the list's footer). */
  'people.pupils.count': query({
    summary: 'Число обучающихся по фильтру',
    right: 'pupils.read',
    labels: PUPIL_LABELS,
    input: pupilFilter.optional(),
    output: z.object({ total: z.number().int() }),
  }),
  /** The full card with class history, parents, siblings and the portal account; FORBIDDEN outside the caller's classes. */
  'people.pupils.get': query({
    summary: 'Карточка обучающегося',
    right: 'pupils.read',
    input: z.object({ id: personId }),
    output: pupilView,
  }),
  /**
   * Creates a card (the secretary, work order section 2); the pupil joins a class by an enrolment
   * order of the movement book. A card with the same ФИО and birth date or the same СНИЛС fails with
   * CONFLICT and `details.duplicates` (open or link the existing card instead) unless
   * `allowDuplicate` is set.
   */
  'people.pupils.create': mutation({
    summary: 'Создать карточку обучающегося',
    right: 'pupils.create',
    entity: 'pupil',
    record: 'Карточка обучающегося',
    labels: PUPIL_LABELS,
    input: pupilCreateInput,
    output: pupilView,
  }),
  /** Saves the fields given (absent = unchanged, null = cleared) against the version read; audited field by field. */
  'people.pupils.update': mutation({
    summary: 'Изменить карточку обучающегося',
    right: 'pupils.edit',
    entity: 'pupil',
    record: 'Карточка обучающегося',
    labels: PUPIL_LABELS,
    input: pupilUpdateInput,
    output: pupilView,
  }),
  /** The filtered list as an Excel file with the columns shown (default: the main ones); the export is logged. */
  'people.pupils.export': query({
    summary: 'Выгрузить список обучающихся в Excel',
    right: 'pupils.read',
    exportsPersonalData: true,
    labels: PUPIL_LABELS,
    input: pupilFilter.extend({ columns: z.array(z.string().max(50)).max(60).optional() }).optional(),
    output: exportedFile,
  }),
  /** The card's change history (its own entries and those of cards merged into it), oldest first. */
  'people.pupils.history': query({
    summary: 'История изменений карточки обучающегося',
    right: 'pupils.read',
    input: z.object({ id: personId }),
    output: z.array(historyRow),
  }),
};

export const peopleContract = {
  ...pupilsContract,
  ...peopleParentsContract,
  ...peopleMergeContract,
};
