import { z } from './zodRu';
import { isValidIsoDate } from './fields';
import { checkEmail, checkInn, checkPhone, checkSnils, formatSnils, normalisePhone } from '../domain/validators';
import { checkName, normaliseName } from '../domain/personRules';
import { DOCUMENT_TYPE_IDS, checkDocument, normaliseDocument, type DocumentType } from '../domain/documents';
import { ADDRESS_KIND_IDS, type AddressKind } from '../domain/peopleDictionaries';

/**
 * Field schemas of the people cards. They carry no `undefined` handling of their own: a create
 * input marks optional keys with `.optional()` and the service fills the empties, an update input
 * is a patch where an absent key means "unchanged" and `null` means "clear". Checks that depend on
 * today's date or on other fields (age plausibility, passport from 14) live in
 * `src-shared/domain/personCardRules.ts`, run by the form and by the server on the merged card.
 */

export const personId = z.string().trim().min(1, 'не выбрана запись').max(100);

export function txt(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `не длиннее ${max} символов`)
    .nullable()
    .transform((v) => (v === '' ? null : v));
}

export function checkedTxt(check: (v: string) => string | null, max = 100) {
  return txt(max).superRefine((v, ctx) => {
    if (v === null) return;
    const problem = check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export function date() {
  return z
    .string()
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || isValidIsoDate(v), 'несуществующая дата (нужно дд.мм.гггг)');
}

export const flag = z.boolean('укажите «да» или «нет»');

const multiItem = z.string().trim().min(1, 'пустое значение').max(200, 'не длиннее 200 символов');

/**
 * A multi-value field (Социальное положение, Состав семьи…): a list, or one text with the values
 * separated by `|` as the portal's files write them; repeated values are kept once.
 */
export function multi(max = 30) {
  return z
    .union([
      z.array(multiItem),
      z.string().transform((s) =>
        s
          .split('|')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(multiItem).max(max, `не больше ${max} значений`))
    .transform((list) => [...new Set(list)]);
}

export const lastName = z.string('обязательное поле').transform(normaliseName).superRefine((v, ctx) => {
  const problem = checkName(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const middleName = z
  .string()
  .nullable()
  .transform((v) => (v === null || v.trim() === '' ? null : normaliseName(v)))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const problem = checkName(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const sex = z.enum(['М', 'Ж'], 'выберите «М» или «Ж»');

export const snils = checkedTxt(checkSnils, 20).transform((v) => (v === null ? null : formatSnils(v)));
export const personInn = checkedTxt((v) => checkInn(v, 'person'), 12).transform((v) => (v === null ? null : v.replace(/[\s-]/g, '')));
/** Stored in one spelling, «+7 (913) 123-45-67» (issue 24 item 7); the portal import goes through the same step. */
export const phone = checkedTxt(checkPhone, 50).transform((v) => (v === null ? null : normalisePhone(v)));
export const email = checkedTxt(checkEmail, 200);

export const documentInput = z
  .object({
    id: z.string().max(100).nullable().optional(),
    type: z.enum(DOCUMENT_TYPE_IDS as [DocumentType, ...DocumentType[]], 'выберите вид документа'),
    series: txt(20),
    number: txt(50),
    issueDate: date(),
    issuer: txt(300),
    issuerCode: txt(10),
  })
  .transform((d) => normaliseDocument({ ...d, id: d.id ?? null }))
  .superRefine((doc, ctx) => {
    // Formats only; the dates against the holder's birth date are checked with the whole card.
    for (const issue of checkDocument(doc, null, '9999-12-31')) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });
export type DocumentInput = z.output<typeof documentInput>;

export const addressInput = z.object({
  kind: z.enum(ADDRESS_KIND_IDS as [AddressKind, ...AddressKind[]], 'выберите вид адреса'),
  postalCode: checkedTxt((v) => (/^\d{6}$/.test(v) ? null : 'индекс — 6 цифр'), 6),
  region: txt(200),
  district: txt(200),
  settlement: txt(200),
  street: txt(200),
  house: txt(20),
  building: txt(20),
  flat: txt(20),
});
export type AddressInput = z.output<typeof addressInput>;

export const documentList = z.array(documentInput).max(20, 'не больше 20 документов');
export const addressList = z
  .array(addressInput)
  .max(3, 'не больше трёх адресов')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: 'такой адрес уже указан' });
      seen.add(a.kind);
    });
  });

/** The fields every card has: name, sex, birth date, СНИЛС, contacts, documents, addresses. */
export const PERSON_SHAPE = {
  lastName,
  firstName: lastName,
  middleName,
  sex,
  birthDate: date(),
  snils,
  citizenship: txt(100),
  phoneHome: phone,
  phoneMobile: phone,
  email,
  note: txt(2000),
  documents: documentList,
  addresses: addressList,
};

export const PERSON_EMPTY = {
  middleName: null,
  birthDate: null,
  snils: null,
  citizenship: 'Российская Федерация',
  phoneHome: null,
  phoneMobile: null,
  email: null,
  note: null,
  documents: [] as DocumentInput[],
  addresses: [] as AddressInput[],
};

export const PERSON_LABELS: Record<string, string> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  sex: 'Пол',
  birthDate: 'Дата рождения',
  snils: 'СНИЛС',
  citizenship: 'Гражданство',
  phoneHome: 'Домашний телефон',
  phoneMobile: 'Мобильный телефон',
  email: 'Электронная почта',
  note: 'Примечание',
  documents: 'Документы',
  addresses: 'Адреса',
};

const DOC_FIELD_LABELS: Record<string, string> = {
  type: 'вид',
  series: 'серия',
  number: 'номер',
  issueDate: 'дата выдачи',
  issuer: 'кем выдан',
  issuerCode: 'код подразделения',
};
const ADDRESS_FIELD_LABELS: Record<string, string> = {
  kind: 'вид',
  postalCode: 'индекс',
  region: 'регион',
  district: 'район',
  settlement: 'населённый пункт',
  street: 'улица',
  house: 'дом',
  building: 'корпус',
  flat: 'квартира',
};

/** Labels of list rows by dotted path («Документы, строка 2: номер»), for the dispatcher's messages. */
export function listLabels(prefix: string, title: string, fields: Record<string, string>, rows = 20): Record<string, string> {
  const out: Record<string, string> = { [prefix]: title };
  for (let i = 0; i < rows; i++) {
    out[`${prefix}.${i}`] = `${title}, строка ${i + 1}`;
    for (const [f, l] of Object.entries(fields)) out[`${prefix}.${i}.${f}`] = `${title}, строка ${i + 1}: ${l}`;
  }
  return out;
}

export const PERSON_LIST_LABELS = {
  ...listLabels('documents', 'Документы', DOC_FIELD_LABELS),
  ...listLabels('addresses', 'Адреса', ADDRESS_FIELD_LABELS, 3),
};

/** Full-card object schema and the patch of an update (every key optional: absent = unchanged), from one shape. */
export function cardSchemas<S extends z.core.$ZodShape>(shape: S) {
  const full = z.object(shape);
  return { full, patch: full.partial() };
}

export type ShapeOutput<S extends z.core.$ZodShape> = { [K in keyof S]: z.output<S[K]> };
