import { z } from './zodRu';
import { mutation, query } from './define';
import { version } from './fields';
import { exportedFile } from './files';
import { PARENT_LABELS as PARENT_CARD_LABELS, PARENT_SCHEMAS } from './peopleParentCard';
import { personId } from './peopleFields';
import { historyRow, parentRow, parentView } from './peopleViews';
import { RELATIONS, type Relation } from '../domain/peopleDictionaries';
import { PARENT_COLUMNS } from './peopleColumns';
import { listSortInput, SORT_LABELS } from './listSortInput';

export { PARENT_SCHEMAS, PARENT_EMPTY, PARENT_FIELD_LABELS, type ParentCard, type ParentCardInput } from './peopleParentCard';

/**
 * Parents and legal representatives, and their many-to-many links to pupils: a mother of two is one
 * card linked twice. Scoped like pupils: a class teacher sees the parents of their classes' pupils.
 */
export const relation = z.enum(RELATIONS as unknown as [Relation, ...Relation[]], 'выберите степень родства из списка');

export const parentLinkInput = z.object({
  pupilId: personId,
  parentId: personId,
  relation,
  isLegalRepresentative: z.boolean().optional(),
});
export type ParentLinkInput = z.input<typeof parentLinkInput>;

export const PARENT_LABELS: Record<string, string> = {
  ...PARENT_CARD_LABELS,
  classId: 'Класс',
  search: 'Поиск',
  pupilId: 'Обучающийся',
  parentId: 'Родитель',
  relation: 'Степень родства',
  isLegalRepresentative: 'Законный представитель',
  children: 'Дети',
  photo: 'Фотография',
  mergedFrom: 'Объединена с карточкой',
  moved: 'Перенесено',
};
for (let i = 0; i < 10; i++) {
  PARENT_LABELS[`children.${i}.pupilId`] = `Дети, строка ${i + 1}: обучающийся`;
  PARENT_LABELS[`children.${i}.relation`] = `Дети, строка ${i + 1}: степень родства`;
}

export const parentFilter = z.object({
  classId: personId.optional(),
  search: z.string().max(200, 'не длиннее 200 символов').optional(),
  /** Only parents with at least one child (true) or none (false). */
  hasChildren: z.boolean().optional(),
});
export type ParentFilter = z.output<typeof parentFilter>;

const paging = {
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
};

const photo = z
  .string()
  .max(700_000, 'фотография больше 500 КБ — уменьшите её')
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'фотография — файл JPEG, PNG или WebP')
  .nullable();

export const parentCreateInput = PARENT_SCHEMAS.patch.extend({
  lastName: PARENT_SCHEMAS.full.shape.lastName,
  firstName: PARENT_SCHEMAS.full.shape.firstName,
  sex: PARENT_SCHEMAS.full.shape.sex,
  photo: photo.optional(),
  /** Children to link right away (the usual way: «добавить родителя» on the pupil's card). */
  children: z.array(parentLinkInput.omit({ parentId: true })).max(10).optional(),
  allowDuplicate: z.boolean().optional(),
});
export type ParentCreateInput = z.input<typeof parentCreateInput>;

export const parentUpdateInput = PARENT_SCHEMAS.patch.extend({ id: personId, version, photo: photo.optional() });
export type ParentUpdateInput = z.input<typeof parentUpdateInput>;

const linkOutput = z.object({ pupilId: z.string(), parentId: z.string(), relation: z.string(), isLegalRepresentative: z.boolean() });

export const peopleParentsContract = {
  /** Parents and legal representatives of pupils the caller may see, with their children. */
  'people.parents.list': query({
    summary: 'Список родителей',
    right: 'parents.read',
    labels: { ...PARENT_LABELS, ...SORT_LABELS },
    input: parentFilter.extend({ ...paging, sort: listSortInput(PARENT_COLUMNS.map((c) => c.key), 'Список родителей') }).optional(),
    output: z.array(parentRow),
  }),
  'people.parents.count': query({
    summary: 'Число родителей по фильтру',
    right: 'parents.read',
    labels: PARENT_LABELS,
    input: parentFilter.optional(),
    output: z.object({ total: z.number().int() }),
  }),
  /** The full card with the children (only those the caller may see) and the portal account. */
  'people.parents.get': query({
    summary: 'Карточка родителя',
    right: 'parents.read',
    input: z.object({ id: personId }),
    output: parentView,
  }),
  /** Creates a card and links children; a duplicate (ФИО + birth date or СНИЛС) fails with CONFLICT and `details.duplicates`. */
  'people.parents.create': mutation({
    summary: 'Создать карточку родителя',
    right: 'parents.edit',
    entity: 'parent',
    record: 'Карточка родителя',
    labels: PARENT_LABELS,
    input: parentCreateInput,
    output: parentView,
  }),
  'people.parents.update': mutation({
    summary: 'Изменить карточку родителя',
    right: 'parents.edit',
    entity: 'parent',
    record: 'Карточка родителя',
    labels: PARENT_LABELS,
    input: parentUpdateInput,
    output: parentView,
  }),
  'people.parents.export': query({
    summary: 'Выгрузить список родителей в Excel',
    right: 'parents.read',
    exportsPersonalData: true,
    labels: PARENT_LABELS,
    input: parentFilter.extend({ columns: z.array(z.string().max(50)).max(40).optional() }).optional(),
    output: exportedFile,
  }),
  'people.parents.history': query({
    summary: 'История изменений карточки родителя',
    right: 'parents.read',
    input: z.object({ id: personId }),
    output: z.array(historyRow),
  }),
  /** Links an existing parent to a pupil (a sibling's mother); checks the age gap; audited on both cards. */
  'people.links.add': mutation({
    summary: 'Связать родителя с обучающимся',
    right: 'parents.edit',
    entity: 'pupilParent',
    record: 'Связь родителя и обучающегося',
    labels: PARENT_LABELS,
    input: parentLinkInput,
    output: linkOutput,
  }),
  /** Changes the relation or the legal-representative flag of a link. */
  'people.links.update': mutation({
    summary: 'Изменить связь родителя и обучающегося',
    right: 'parents.edit',
    entity: 'pupilParent',
    record: 'Связь родителя и обучающегося',
    labels: PARENT_LABELS,
    input: parentLinkInput.extend({ isLegalRepresentative: z.boolean() }),
    output: linkOutput,
  }),
  /** Removes a link; both cards stay. */
  'people.links.remove': mutation({
    summary: 'Убрать связь родителя и обучающегося',
    right: 'parents.edit',
    entity: 'pupilParent',
    record: 'Связь родителя и обучающегося',
    labels: PARENT_LABELS,
    input: z.object({ pupilId: personId, parentId: personId }),
    output: z.object({ removed: z.boolean() }),
  }),
};
