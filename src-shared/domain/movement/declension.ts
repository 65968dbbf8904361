import petrovich from 'petrovich';
import type { PersonName } from '../names';

/**
 * ФИО declined for the sentence of an order: «Зачислить Соколову Любовь Андреевну» (винительный),
 * «личное дело Соколовой Любови Андреевны» (родительный), «выдать Соколовой …» (дательный).
 * petrovich needs the sex from the card: guessing it from the name fails on names like Саша, Женя
 * and on surnames that do not decline (Шевчук, Дюма).
 */
export const NAME_CASES = ['nominative', 'genitive', 'dative', 'accusative'] as const;
export type NameCase = (typeof NAME_CASES)[number];

export const NAME_CASE_LABELS: Record<NameCase, string> = {
  nominative: 'Именительный (кто?)',
  genitive: 'Родительный (кого?)',
  dative: 'Дательный (кому?)',
  accusative: 'Винительный (кого?)',
};

export interface DeclinedName {
  nominative: string;
  genitive: string;
  dative: string;
  accusative: string;
}

function capitalise(part: string): string {
  return part.replace(/(^|-)(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function declineName(person: PersonName & { sex: 'М' | 'Ж' }, nameCase: NameCase): string {
  const parts = { last: person.lastName.trim(), first: person.firstName.trim(), middle: (person.middleName ?? '').trim() };
  if (nameCase === 'nominative') return [parts.last, parts.first, parts.middle].filter(Boolean).join(' ');
  const gender = person.sex === 'Ж' ? 'female' : 'male';
  const out = petrovich({ gender, ...parts }, nameCase);
  // petrovich keeps the case of the rule's ending; the card may hold a name in capitals or lower case.
  return [out.last, out.first, out.middle]
    .filter((p): p is string => Boolean(p))
    .map(capitalise)
    .join(' ');
}

export function declineAll(person: PersonName & { sex: 'М' | 'Ж' }): DeclinedName {
  return {
    nominative: declineName(person, 'nominative'),
    genitive: declineName(person, 'genitive'),
    dative: declineName(person, 'dative'),
    accusative: declineName(person, 'accusative'),
  };
}

/** «обучающегося» / «обучающуюся»: the participle that goes with the pupil's name in the sentence. */
export function pupilWord(sex: 'М' | 'Ж', nameCase: NameCase): string {
  const forms: Record<NameCase, readonly [string, string]> = {
    nominative: ['обучающийся', 'обучающаяся'],
    genitive: ['обучающегося', 'обучающейся'],
    dative: ['обучающемуся', 'обучающейся'],
    accusative: ['обучающегося', 'обучающуюся'],
  };
  return forms[nameCase][sex === 'Ж' ? 1 : 0];
}
