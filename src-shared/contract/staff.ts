import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, version } from './fields';
import { exportedFile } from './files';
import { STAFF_LABELS as STAFF_CARD_LABELS, STAFF_SCHEMAS } from './peopleStaffCard';
import { personId } from './peopleFields';
import { duplicateCandidate, historyRow, staffRow, staffView } from './peopleViews';
import { normaliseName } from '../domain/personRules';
import { STAFF_COLUMNS } from './peopleColumns';
import { listSortInput, SORT_LABELS } from './listSortInput';

export { STAFF_SCHEMAS, STAFF_EMPTY, STAFF_FIELD_LABELS, type StaffCard, type StaffCardInput } from './peopleStaffCard';

/**
 * Staff personal cards, kept by the HR specialist (work order section 2, «Специалист по кадрам»):
 * the card, dated positions, education, lists with search, Excel export.
 */
export const STAFF_LABELS: Record<string, string> = {
  ...STAFF_CARD_LABELS,
  search: 'Поиск',
  'hireOrder.orderDate': 'Дата приказа о приёме',
  photo: 'Фотография',
  mergedFrom: 'Объединена с карточкой',
  moved: 'Перенесено',
};

export const staffFilter = z.object({
  search: z.string().max(200, 'не длиннее 200 символов').optional(),
  /** `working` — not dismissed today; `onLeave` — working, on leave to care for a child today; `dismissed` — dismissed. */
  status: z.enum(['all', 'working', 'onLeave', 'dismissed']).optional(),
  position: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
});
export type StaffFilter = z.output<typeof staffFilter>;

const photo = z
  .string()
  .max(700_000, 'фотография больше 500 КБ — уменьшите её')
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'фотография — файл JPEG, PNG или WebP')
  .nullable();

export const staffCreateInput = STAFF_SCHEMAS.patch.extend({
  lastName: STAFF_SCHEMAS.full.shape.lastName,
  firstName: STAFF_SCHEMAS.full.shape.firstName,
  sex: STAFF_SCHEMAS.full.shape.sex,
  photo: photo.optional(),
  /**
   * The hiring order's date when it differs from the hire date; the portal-account task is due 3
   * working days after it (work order 3.6). Without it the hire date is used.
   */
  hireOrder: z.object({ orderDate: isoDate }).optional(),
  allowDuplicate: z.boolean().optional(),
});
export type StaffCreateInput = z.input<typeof staffCreateInput>;

export const staffUpdateInput = STAFF_SCHEMAS.patch.extend({ id: personId, version, photo: photo.optional() });
export type StaffUpdateInput = z.input<typeof staffUpdateInput>;

export const staffContract = {
  /** Staff matching the filters, sorted by name, with the main position today. */
  'staff.list': query({
    summary: 'Список сотрудников',
    right: 'staff.read',
    labels: { ...STAFF_LABELS, ...SORT_LABELS },
    input: staffFilter
      .extend({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(5000).optional(), sort: listSortInput(STAFF_COLUMNS.map((c) => c.key), 'Список сотрудников') })
      .optional(),
    output: z.array(staffRow),
  }),
  'staff.count': query({
    summary: 'Число сотрудников по фильтру',
    right: 'staff.read',
    input: staffFilter.optional(),
    output: z.object({ total: z.number().int() }),
  }),
  'staff.get': query({
    summary: 'Карточка сотрудника',
    right: 'staff.read',
    input: z.object({ id: personId }),
    output: staffView,
  }),
  /** Creates a card; a hire date opens the portal-account task. Duplicates fail with CONFLICT and `details.duplicates`. */
  'staff.create': mutation({
    summary: 'Создать карточку сотрудника',
    right: 'staff.edit',
    entity: 'staff',
    record: 'Карточка сотрудника',
    labels: STAFF_LABELS,
    input: staffCreateInput,
    output: staffView,
  }),
  'staff.update': mutation({
    summary: 'Изменить карточку сотрудника',
    right: 'staff.edit',
    entity: 'staff',
    record: 'Карточка сотрудника',
    labels: STAFF_LABELS,
    input: staffUpdateInput,
    output: staffView,
  }),
  'staff.export': query({
    summary: 'Выгрузить список сотрудников в Excel',
    right: 'staff.read',
    exportsPersonalData: true,
    labels: STAFF_LABELS,
    input: staffFilter.extend({ columns: z.array(z.string().max(50)).max(40).optional() }).optional(),
    output: exportedFile,
  }),
  'staff.history': query({
    summary: 'История изменений карточки сотрудника',
    right: 'staff.read',
    input: z.object({ id: personId }),
    output: z.array(historyRow),
  }),
  'staff.duplicates': query({
    summary: 'Поиск дублей сотрудника',
    right: 'staff.read',
    input: z.object({
      lastName: z.string().max(100).transform(normaliseName),
      firstName: z.string().max(100).transform(normaliseName),
      middleName: z.string().max(100).nullable().optional(),
      birthDate: z.string().max(10).nullable().optional(),
      snils: z.string().max(20).nullable().optional(),
      excludeId: z.string().max(100).optional(),
    }),
    output: z.array(duplicateCandidate),
  }),
};
