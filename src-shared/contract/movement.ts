import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, optText, reqText, version } from './fields';
import { exportedFile } from './files';
import { classOption, id, orderDetail, orderInput, orderRow, orderStatus, orderType, pupilPick, sex } from './movementFields';
import { ORDER_TYPES } from '../domain/movement/orderTypes';

const ORDER_LABELS: Record<string, string> = {
  'order.type': 'Вид приказа',
  'order.orderDate': 'Дата приказа',
  'order.title': 'Заголовок',
  'order.basis': 'Основание',
  'order.signatoryPosition': 'Должность подписывающего',
  'order.signatoryName': 'Подписывающий',
  'order.items': 'Пункты приказа',
};
const ITEM_FIELD_LABELS: Record<string, string> = {
  pupilId: 'обучающийся',
  newPupil: 'новая карточка',
  'newPupil.lastName': 'фамилия',
  'newPupil.firstName': 'имя',
  'newPupil.middleName': 'отчество',
  'newPupil.sex': 'пол',
  'newPupil.birthDate': 'дата рождения',
  effectiveDate: 'дата',
  fromClassId: 'из класса',
  toClassId: 'в класс',
  enrollKind: 'откуда прибыл',
  destinationKind: 'куда выбыл',
  originSchool: 'откуда прибыл (ОО)',
  destinationSchool: 'куда выбыл (ОО)',
  nameAccusative: 'ФИО в винительном падеже',
  nameGenitive: 'ФИО в родительном падеже',
  nameDative: 'ФИО в дательном падеже',
};
/** Labels of item fields by index («пункт 3: дата»), computed on demand rather than listed 3000 times. */
const orderLabels: Record<string, string> = new Proxy(ORDER_LABELS, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    if (key in target) return target[key];
    const m = /^order\.items\.(\d+)\.(.+)$/.exec(key);
    if (!m) return undefined;
    const field = ITEM_FIELD_LABELS[m[2]];
    return field ? `пункт ${Number(m[1]) + 1}: ${field}` : `пункт ${Number(m[1]) + 1}`;
  },
});

const bookEntry = z.object({
  seq: z.number(),
  orderId: z.string(),
  itemId: z.string(),
  orderNumber: z.string().nullable(),
  orderDate: z.string(),
  effectiveDate: z.string(),
  type: orderType,
  event: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  birthDate: z.string().nullable(),
  alphabetNumber: z.number().nullable(),
  fromClassName: z.string().nullable(),
  toClassName: z.string().nullable(),
  details: z.string(),
  status: orderStatus,
});
export type BookEntry = z.output<typeof bookEntry>;

const alphabetEntry = z.object({
  number: z.number(),
  personalFileNumber: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  sex,
  birthDate: z.string().nullable(),
  assignedOn: z.string(),
  orderNumber: z.string().nullable(),
  status: z.enum(['active', 'annulled']),
  annulReason: z.string().nullable(),
  currentClassName: z.string().nullable(),
});
export type AlphabetEntry = z.output<typeof alphabetEntry>;

const orderRef = z.object({ id: z.string(), numberText: z.string().nullable(), orderDate: z.string(), type: orderType }).nullable();

const timeline = z.object({
  pupil: z.object({ id: z.string(), fullName: z.string(), sex, birthDate: z.string().nullable() }),
  register: z.object({ alphabetNumber: z.number(), personalFileNumber: z.string() }).nullable(),
  memberships: z.array(
    z.object({
      id: z.string(),
      classId: z.string(),
      className: z.string(),
      yearName: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      startOrder: orderRef,
      endOrder: orderRef,
      cause: z.string().nullable(),
    }),
  ),
  orders: z.array(
    z.object({
      orderId: z.string(),
      numberText: z.string().nullable(),
      orderDate: z.string(),
      type: orderType,
      status: orderStatus,
      effectiveDate: z.string(),
      fromClassName: z.string().nullable(),
      toClassName: z.string().nullable(),
    }),
  ),
});
export type PupilTimeline = z.output<typeof timeline>;

const roster = z.object({
  classId: z.string(),
  className: z.string(),
  yearName: z.string(),
  date: z.string(),
  classTeacherName: z.string().nullable(),
  pupils: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      sex,
      birthDate: z.string().nullable(),
      since: z.string(),
      until: z.string().nullable(),
      startOrderNumber: z.string().nullable(),
      alphabetNumber: z.number().nullable(),
    }),
  ),
});
export type ClassRoster = z.output<typeof roster>;

const numbering = z.object({
  series: z.array(z.object({ type: orderType, suffix: z.string(), version, nextNumberText: z.string() })),
  alphabetNext: z.number(),
  yearName: z.string().nullable(),
});
export type Numbering = z.output<typeof numbering>;

const templateInfo = z.object({
  custom: z.object({ fileName: z.string(), updatedAt: z.string(), updatedBy: z.string().nullable(), version }).nullable(),
  /** The placeholders a template may use, for the help text next to the upload button. */
  placeholders: z.array(z.object({ tag: z.string(), meaning: z.string() })),
});
export type TemplateInfo = z.output<typeof templateInfo>;

const bookFilter = z.object({
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  classId: id.nullable().default(null),
  search: z.string().trim().max(100).default(''),
});

export const movementContract = {
  /** Orders of the movement book, newest first; filters by year, type, status, pupil or text. */
  'movement.orders.list': query({
    summary: 'Приказы по движению',
    right: 'movement.read',
    input: z.object({
      yearId: id.nullable().default(null),
      type: orderType.nullable().default(null),
      status: orderStatus.nullable().default(null),
      search: z.string().trim().max(100).default(''),
    }),
    output: z.array(orderRow),
  }),
  /** One order with its items and the ФИО forms to print. */
  'movement.orders.get': query({
    summary: 'Приказ',
    right: 'movement.read',
    input: z.object({ id }),
    output: orderDetail,
  }),
  /**
   * Creates or saves a draft order with all its items (a new item may create the pupil's card);
   * `version` 0 for a new order. Signed and cancelled orders are not edited.
   */
  'movement.orders.save': mutation({
    summary: 'Сохранить черновик приказа',
    right: 'movement.edit',
    entity: 'movementOrder',
    record: 'Приказ',
    labels: orderLabels,
    input: z.object({ id: id.nullable(), version, order: orderInput }),
    output: orderDetail,
  }),
  /** Saves the ФИО forms to print (any status: they change the document, not the movement). */
  'movement.orders.saveNames': mutation({
    summary: 'Сохранить падежи ФИО',
    right: 'movement.edit',
    entity: 'movementOrder',
    record: 'Приказ',
    input: z.object({
      id,
      version,
      names: z
        .array(z.object({ itemId: id, nameGenitive: reqText(300), nameDative: reqText(300), nameAccusative: reqText(300) }))
        .max(3000),
    }),
    output: orderDetail,
  }),
  /** Deletes a draft; cards its items created and nothing else uses go with it. */
  'movement.orders.delete': mutation({
    summary: 'Удалить черновик приказа',
    right: 'movement.edit',
    entity: 'movementOrder',
    record: 'Приказ',
    input: z.object({ id, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /**
   * Signs a draft: gives it the next number of its series (or `numberText` typed from the paper
   * order) and applies every item as dated class membership, all in one transaction.
   */
  'movement.orders.sign': mutation({
    summary: 'Подписать приказ',
    right: 'movement.sign',
    entity: 'movementOrder',
    record: 'Приказ',
    labels: { numberText: 'Номер приказа' },
    input: z.object({ id, version, numberText: optText(30) }),
    output: orderDetail,
  }),
  /** Cancels a signed order with a reason, reverting exactly what signing applied. */
  'movement.orders.cancel': mutation({
    summary: 'Отменить приказ',
    right: 'movement.sign',
    entity: 'movementOrder',
    record: 'Приказ',
    labels: { reason: 'Причина отмены' },
    input: z.object({ id, version, reason: reqText(500) }),
    output: orderDetail,
  }),
  /** The order as a DOCX (from the school's template) or PDF; records the ФИО forms printed. */
  'movement.orders.document': mutation({
    summary: 'Печатная форма приказа',
    right: 'movement.read',
    entity: 'movementOrder',
    exportsPersonalData: true,
    input: z.object({ id, format: z.enum(['docx', 'pdf']) }),
    output: exportedFile,
  }),
  /** «Книга приказов по движению» as Excel: every order of the year with its pupils. */
  'movement.orders.exportBook': query({
    summary: 'Книга приказов по движению (Excel)',
    right: 'movement.read',
    exportsPersonalData: true,
    input: z.object({ yearId: id.nullable().default(null) }),
    output: exportedFile,
  }),
  /** Suffixes of the order numbers per type and the next alphabet-book number. */
  'movement.numbering.get': query({
    summary: 'Нумерация приказов и алфавитной книги',
    right: 'movement.read',
    input: z.object({ yearId: id.nullable().default(null) }).optional(),
    output: numbering,
  }),
  'movement.numbering.save': mutation({
    summary: 'Сохранить нумерацию',
    right: 'movement.edit',
    entity: 'movementNumbering',
    record: 'Нумерация',
    labels: { alphabetNext: 'Следующий номер алфавитной книги' },
    input: z.object({
      series: z.array(z.object({ type: orderType, suffix: z.string().trim().max(6, 'суффикс — до 6 знаков'), version })).max(ORDER_TYPES.length),
      alphabetNext: z.number().int('целое число').min(1, 'от 1').max(10_000_000),
    }),
    output: numbering,
  }),
  'movement.templates.info': query({
    summary: 'Шаблон приказа',
    right: 'movement.read',
    input: z.object({}).optional(),
    output: templateInfo,
  }),
  /** The template file: the school's own (`current`) or the one shipped with the app (`default`). */
  'movement.templates.download': query({
    summary: 'Скачать шаблон приказа',
    right: 'movement.read',
    input: z.object({ which: z.enum(['current', 'default']) }),
    output: exportedFile,
  }),
  /** Replaces the template with the school's DOCX; a file docxtemplater cannot read is refused. */
  'movement.templates.upload': mutation({
    summary: 'Загрузить шаблон приказа',
    right: 'movement.edit',
    entity: 'documentTemplate',
    record: 'Шаблон приказа',
    maxRequestBytes: 24 * 1024 * 1024,
    input: z.object({ fileName: reqText(200), contentBase64: z.string().min(1).max(20_000_000), version }),
    output: templateInfo,
  }),
  'movement.templates.reset': mutation({
    summary: 'Вернуть шаблон по умолчанию',
    right: 'movement.edit',
    entity: 'documentTemplate',
    record: 'Шаблон приказа',
    input: z.object({ version }),
    output: templateInfo,
  }),
  /** Pupils by ФИО with their class on `date` (for order items). */
  'movement.pupils.search': query({
    summary: 'Поиск обучающихся для приказа',
    right: 'movement.read',
    input: z.object({ query: z.string().trim().max(100), date: isoDate.nullable().default(null), classId: id.nullable().default(null) }),
    output: z.array(pupilPick),
  }),
  /** A pupil's every class and order, oldest first. */
  'movement.pupils.timeline': query({
    summary: 'История обучающегося по книге движения',
    right: 'movement.read',
    input: z.object({ pupilId: id }),
    output: timeline,
  }),
  /** Classes of the academic year that contains `date`, with roster sizes on that date. */
  'movement.classes.list': query({
    summary: 'Классы на дату',
    right: 'movement.read',
    input: z.object({ date: isoDate }),
    output: z.array(classOption),
  }),
  /** The roster of a class on any date, from the dated membership. */
  'movement.classes.roster': query({
    summary: 'Состав класса на дату',
    right: 'movement.read',
    input: z.object({ classId: id, date: isoDate }),
    output: roster,
  }),
  /** «Книга движения учащихся»: every item of signed (and cancelled) orders in order. */
  'movement.book.list': query({
    summary: 'Книга движения учащихся',
    right: 'movement.read',
    input: bookFilter,
    output: z.array(bookEntry),
  }),
  'movement.book.export': query({
    summary: 'Книга движения учащихся (Excel)',
    right: 'movement.read',
    exportsPersonalData: true,
    input: bookFilter,
    output: exportedFile,
  }),
  /** Алфавитная книга: every number ever handed out. */
  'movement.alphabet.list': query({
    summary: 'Алфавитная книга',
    right: 'movement.read',
    input: z.object({ search: z.string().trim().max(100).default('') }),
    output: z.array(alphabetEntry),
  }),
  'movement.alphabet.export': query({
    summary: 'Алфавитная книга (Excel)',
    right: 'movement.read',
    exportsPersonalData: true,
    input: z.object({ search: z.string().trim().max(100).default('') }),
    output: exportedFile,
  }),
};
