import { z } from './zodRu';
import { mutation, query } from './define';
import { optChecked, optDate, optText, reqText, version } from './fields';
import { checkEmail, checkInn, checkKpp, checkOgrn, checkPhone, checkUrl, normalisePhone } from '../domain/validators';

export const SCHOOL_KINDS = [
  'Средняя общеобразовательная школа',
  'Основная общеобразовательная школа',
  'Начальная общеобразовательная школа',
  'Гимназия',
  'Лицей',
  'Школа-интернат',
  'Центр образования',
  'Образовательный комплекс',
] as const;

export const schoolCardInput = z
  .object({
    fullName: reqText(500),
    shortName: reqText(200),
    kind: z.enum(SCHOOL_KINDS, 'выберите тип из списка'),
    inn: optChecked((v) => checkInn(v, 'legal'), 12),
    kpp: optChecked(checkKpp, 9),
    ogrn: optChecked(checkOgrn, 15),
    legalAddress: optText(500),
    actualAddress: optText(500),
    phone: optChecked(checkPhone, 50).transform((v) => (v === null ? null : normalisePhone(v))),
    email: optChecked(checkEmail, 200),
    website: optChecked(checkUrl, 200),
    directorName: optText(200),
    licenseNumber: optText(100),
    licenseDate: optDate(),
    licenseIssuer: optText(300),
    accreditationNumber: optText(100),
    accreditationDate: optDate(),
    accreditationValidUntil: optDate(),
  })
  .superRefine((card, ctx) => {
    if (card.accreditationDate && card.accreditationValidUntil && card.accreditationValidUntil < card.accreditationDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['accreditationValidUntil'],
        message: 'срок действия аккредитации заканчивается раньше даты её выдачи',
      });
    }
  });

export type SchoolCardInput = z.input<typeof schoolCardInput>;
export type SchoolCard = z.output<typeof schoolCardInput>;

export const SCHOOL_CARD_LABELS: Record<keyof SchoolCard, string> = {
  fullName: 'Полное наименование',
  shortName: 'Краткое наименование',
  kind: 'Тип организации',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  legalAddress: 'Юридический адрес',
  actualAddress: 'Фактический адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  website: 'Сайт',
  directorName: 'Директор',
  licenseNumber: 'Номер лицензии',
  licenseDate: 'Дата выдачи лицензии',
  licenseIssuer: 'Кем выдана лицензия',
  accreditationNumber: 'Номер свидетельства об аккредитации',
  accreditationDate: 'Дата аккредитации',
  accreditationValidUntil: 'Аккредитация действительна до',
};

const schoolCardOutput = z.object({
  card: z.custom<SchoolCard>().nullable(),
  version,
  updatedAt: z.string().nullable(),
});

export const schoolContract = {
  /** The school card (карточка ОО) with its version for optimistic concurrency; `card` is null before the first save. */
  'school.card.get': query({
    summary: 'Карточка ОО',
    right: 'school.read',
    input: z.object({}).optional(),
    output: schoolCardOutput,
  }),
  /** Saves the school card; `version` is the one read (0 for the first save). A stale version fails with CONFLICT. */
  'school.card.save': mutation({
    summary: 'Сохранить карточку ОО',
    right: 'school.edit',
    entity: 'school',
    record: 'Карточка ОО',
    labels: Object.fromEntries(Object.entries(SCHOOL_CARD_LABELS).map(([k, v]) => [`card.${k}`, v])),
    input: z.object({ card: schoolCardInput, version }),
    output: schoolCardOutput,
  }),
};
