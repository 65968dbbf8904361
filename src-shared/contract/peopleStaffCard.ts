import { z } from './zodRu';
import { PERSON_EMPTY, PERSON_LABELS, PERSON_LIST_LABELS, PERSON_SHAPE, cardSchemas, date, flag, lastName, listLabels, middleName, personInn, txt, type ShapeOutput } from './peopleFields';
import { POSITION_KINDS, TRAINING_KINDS, type PositionKind, type TrainingKind } from '../domain/peopleDictionaries';

/**
 * The staff member's personal card (личная карточка работника): the HR fields of the work order
 * (section 2) and everything the portal's extended staff import carries (`formats/netschool.md` §1.3).
 * Positions are dated records, so "who was the завуч on 1 October?" stays answerable.
 */
export const positionInput = z
  .object({
    id: z.string().max(100).nullable().optional(),
    position: z.string().trim().min(1, 'обязательное поле').max(200, 'не длиннее 200 символов'),
    kind: z.enum(Object.keys(POSITION_KINDS) as [PositionKind, ...PositionKind[]], 'выберите: основная или дополнительная'),
    rate: z.number('ставка — число').positive('ставка больше нуля').max(2, 'ставка — не больше 2').nullable(),
    startDate: date(),
    endDate: date(),
    orderNumber: txt(50),
  })
  .transform((p) => ({ ...p, id: p.id ?? null }))
  .superRefine((p, ctx) => {
    if (p.startDate && p.endDate && p.endDate < p.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'дата окончания раньше даты начала' });
    }
  });
export type PositionInput = z.output<typeof positionInput>;

export const educationInput = z
  .object({
    id: z.string().max(100).nullable().optional(),
    level: txt(100),
    institution: txt(300),
    diplomaDate: date(),
    diplomaNumber: txt(50),
    specialty: txt(300),
    qualification: txt(300),
    /** ОО-1 counts pedagogical education apart; null — not stated yet. */
    pedagogical: z.boolean('укажите «да» или «нет»').nullable().optional(),
  })
  .transform((e) => ({ ...e, id: e.id ?? null, pedagogical: e.pedagogical ?? null }))
  .superRefine((e, ctx) => {
    if (!e.level && !e.institution) ctx.addIssue({ code: 'custom', path: ['institution'], message: 'укажите уровень образования или учебное заведение' });
  });
export type EducationInput = z.output<typeof educationInput>;

/**
 * A relative of the staff member (форма Т-2, раздел «Состав семьи»): children matter to HR for the
 * leave to care for a child and for tax deductions.
 */
export const familyMemberInput = z
  .object({
    id: z.string().max(100).nullable().optional(),
    relation: z.string('обязательное поле').trim().min(1, 'обязательное поле').max(50, 'не длиннее 50 символов'),
    lastName,
    firstName: lastName,
    middleName,
    birthDate: date(),
  })
  .transform((m) => ({ ...m, id: m.id ?? null }));
export type FamilyMemberInput = z.output<typeof familyMemberInput>;

/**
 * A course of повышение квалификации or a профессиональная переподготовка (Т-2 sections V and VI):
 * the staff reports and ОО-1 «Справка 2» count who was trained in the last three years.
 */
export const trainingInput = z
  .object({
    id: z.string().max(100).nullable().optional(),
    kind: z.enum(Object.keys(TRAINING_KINDS) as [TrainingKind, ...TrainingKind[]], 'выберите: повышение квалификации или переподготовка'),
    startDate: date(),
    endDate: date().refine((v) => v !== null, 'обязательное поле'),
    institution: txt(300),
    programme: z.string('обязательное поле').trim().min(1, 'обязательное поле').max(500, 'не длиннее 500 символов'),
    hours: z.number('часы — целое число').int('часы — целое число').min(1, 'не меньше 1 часа').max(3000, 'не больше 3000 часов').nullable(),
    document: txt(200),
  })
  .transform((t) => ({ ...t, id: t.id ?? null, endDate: t.endDate as string }))
  .superRefine((t, ctx) => {
    if (t.startDate && t.endDate < t.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'окончание раньше начала' });
  });
export type TrainingInput = z.output<typeof trainingInput>;

export const STAFF_SHAPE = {
  ...PERSON_SHAPE,
  inn: personInn,
  personnelNumber: txt(30),
  hireDate: date(),
  hireOrderNumber: txt(50),
  totalExperienceStart: date(),
  pedExperienceStart: date(),
  payGrade: txt(20),
  employeeCategory: txt(100),
  qualificationCategory: txt(100),
  categoryDate: date(),
  nextAttestationDate: date(),
  academicDegree: txt(300),
  awards: txt(2000),
  department: txt(200),
  familyStatus: txt(100),
  hasPcAtHome: flag,
  maternityLeaveFrom: date(),
  maternityLeaveTo: date(),
  retirementDate: date(),
  dismissalDate: date(),
  dismissalOrderNumber: txt(50),
  positions: z.array(positionInput).max(20, 'не больше 20 должностей'),
  educations: z.array(educationInput).max(10, 'не больше 10 записей об образовании'),
  familyMembers: z.array(familyMemberInput).max(20, 'не больше 20 членов семьи'),
  trainings: z.array(trainingInput).max(60, 'не больше 60 курсов'),
};

export const STAFF_SCHEMAS = cardSchemas(STAFF_SHAPE);
export type StaffCard = ShapeOutput<typeof STAFF_SHAPE>;
export type StaffCardInput = z.input<typeof STAFF_SCHEMAS.full>;

export const STAFF_EMPTY: Omit<StaffCard, 'lastName' | 'firstName' | 'sex'> = {
  ...PERSON_EMPTY,
  inn: null,
  personnelNumber: null,
  hireDate: null,
  hireOrderNumber: null,
  totalExperienceStart: null,
  pedExperienceStart: null,
  payGrade: null,
  employeeCategory: null,
  qualificationCategory: null,
  categoryDate: null,
  nextAttestationDate: null,
  academicDegree: null,
  awards: null,
  department: null,
  familyStatus: null,
  hasPcAtHome: false,
  maternityLeaveFrom: null,
  maternityLeaveTo: null,
  retirementDate: null,
  dismissalDate: null,
  dismissalOrderNumber: null,
  positions: [],
  educations: [],
  familyMembers: [],
  trainings: [],
};

export const STAFF_FIELD_LABELS: Record<keyof StaffCard, string> = {
  ...(PERSON_LABELS as Record<keyof typeof PERSON_SHAPE, string>),
  inn: 'ИНН',
  personnelNumber: 'Табельный №',
  hireDate: 'Дата приёма',
  hireOrderNumber: '№ приказа о приёме',
  totalExperienceStart: 'Общий стаж — с',
  pedExperienceStart: 'Педагогический стаж — с',
  payGrade: 'Разряд',
  employeeCategory: 'Категория работника',
  qualificationCategory: 'Квалификационная категория',
  categoryDate: 'Дата присвоения категории',
  nextAttestationDate: 'Дата следующей аттестации',
  academicDegree: 'Учёная степень, звание',
  awards: 'Награды',
  department: 'Подразделение',
  familyStatus: 'Семейное положение',
  hasPcAtHome: 'Есть компьютер дома',
  maternityLeaveFrom: 'Отпуск по уходу за ребёнком — с',
  maternityLeaveTo: 'Отпуск по уходу за ребёнком — по',
  retirementDate: 'Дата выхода на пенсию',
  dismissalDate: 'Дата увольнения',
  dismissalOrderNumber: '№ приказа об увольнении',
  positions: 'Должности',
  educations: 'Образование',
  familyMembers: 'Состав семьи',
  trainings: 'Повышение квалификации и переподготовка',
};

export const STAFF_LABELS: Record<string, string> = {
  ...STAFF_FIELD_LABELS,
  ...PERSON_LIST_LABELS,
  ...listLabels('positions', 'Должности', { position: 'должность', kind: 'вид', rate: 'ставка', startDate: 'с', endDate: 'по', orderNumber: '№ приказа' }),
  ...listLabels('educations', 'Образование', {
    level: 'уровень',
    institution: 'учебное заведение',
    diplomaDate: 'дата диплома',
    diplomaNumber: '№ диплома',
    specialty: 'специальность',
    qualification: 'квалификация',
    pedagogical: 'педагогическое',
  }, 10),
  ...listLabels('trainings', 'Курсы', { kind: 'вид', startDate: 'начало', endDate: 'окончание', institution: 'организация', programme: 'программа', hours: 'часов', document: 'документ' }, 60),
  ...listLabels('familyMembers', 'Состав семьи', { relation: 'степень родства', lastName: 'фамилия', firstName: 'имя', middleName: 'отчество', birthDate: 'дата рождения' }),
};
