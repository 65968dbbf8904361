import { z } from './zodRu';
import { PERSON_EMPTY, PERSON_LABELS, PERSON_LIST_LABELS, PERSON_SHAPE, cardSchemas, phone, txt, type ShapeOutput } from './peopleFields';

/**
 * The card of a parent or legal representative: the portal's parent import (`formats/netschool.md`
 * §1.7) plus the passport and СНИЛС of the pupil import with documents (§1.5). Links to children
 * are separate records (`pupil_parent`) with the relation and the legal-representative flag.
 */
export const PARENT_SHAPE = {
  ...PERSON_SHAPE,
  workplace: txt(300),
  jobTitle: txt(200),
  education: txt(100),
  phoneWork: phone,
  fax: phone,
  workAddress: txt(500),
};

export const PARENT_SCHEMAS = cardSchemas(PARENT_SHAPE);
export type ParentCard = ShapeOutput<typeof PARENT_SHAPE>;
export type ParentCardInput = z.input<typeof PARENT_SCHEMAS.full>;

export const PARENT_EMPTY: Omit<ParentCard, 'lastName' | 'firstName' | 'sex'> = {
  ...PERSON_EMPTY,
  workplace: null,
  jobTitle: null,
  education: null,
  phoneWork: null,
  fax: null,
  workAddress: null,
};

export const PARENT_FIELD_LABELS: Record<keyof ParentCard, string> = {
  ...(PERSON_LABELS as Record<keyof typeof PERSON_SHAPE, string>),
  workplace: 'Место работы',
  jobTitle: 'Должность',
  education: 'Образование',
  phoneWork: 'Рабочий телефон',
  fax: 'Факс',
  workAddress: 'Рабочий адрес',
};

export const PARENT_LABELS: Record<string, string> = { ...PARENT_FIELD_LABELS, ...PERSON_LIST_LABELS };
