import type { DestinationKind, EnrollKind, OrderType } from '../../../../src-shared/domain/movement/orderTypes';

/**
 * The portal's movement-book documents in our order kinds. The portal has three document types
 * (`formats/netschool.md` §3.1): зачисление (ENROLL), выбытие (OUT) and годовой / перевод (Year),
 * each with subtypes; the export writes them as words, so they are read by word stems. Low
 * confidence, like the export itself: a type or subtype not recognised here is reported, never
 * guessed.
 */
function norm(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const has = (s: string, ...stems: string[]) => stems.some((x) => s.includes(x));

/** The order kind of a document row, or null when the type (with its subtype) is not one we keep. */
export function orderTypeOf(docType: string | null | undefined, docSubtype: string | null | undefined): OrderType | null {
  const t = norm(docType);
  const s = norm(docSubtype);
  const both = `${t} ${s}`;
  if (!t) return null;
  if (has(t, 'восстанов')) return 'reinstate';
  if (has(t, 'зачисл', 'прибыт', 'прибыл', 'enroll')) return has(s, 'восстанов') ? 'reinstate' : 'enroll';
  if (has(t, 'выпуск')) return 'graduate';
  if (has(t, 'отчисл')) return 'expel';
  if (has(t, 'выбыт', 'выбыл', 'out')) {
    if (has(s, 'выпуск', 'окончил', 'окончани', 'аттестат')) return 'graduate';
    if (has(s, 'отчисл')) return 'expel';
    return 'withdraw';
  }
  if (has(t, 'годов', 'year', 'перевод', 'перевед')) {
    if (has(both, 'условн')) return 'conditionalPromote';
    if (has(both, 'повторн', 'оставл', 'оставлен')) return 'repeatYear';
    if (has(both, 'выпуск', 'окончил')) return 'graduate';
    if (has(both, 'следующ')) return 'promote';
    // «Перевод в другую ОО» takes the pupil out of the school: a withdrawal in our book.
    if (has(s, 'друг') && has(s, 'оо', 'оу', 'школ', 'организац', 'учрежд')) return 'withdraw';
    // «Перевод» without «следующий» inside the year is a change of class; a bare annual document is a promotion.
    if (has(t, 'годов', 'year')) return s === '' || has(s, 'перевод', 'перевед') ? 'promote' : null;
    return 'transfer';
  }
  return null;
}

/** How an enrolled pupil came, from the enrolment subtype; null when the subtype does not say. */
export function enrollKindOf(docSubtype: string | null | undefined): EnrollKind | null {
  const s = norm(docSubtype);
  if (!s) return null;
  if (has(s, 'семейн', 'самообраз')) return 'familyEducation';
  if (has(s, 'друг', 'иной', 'иного')) return 'otherSchool';
  if (has(s, 'впервые', '1 класс', 'первый класс', 'в первый')) return 'first';
  if (has(s, '10 класс', '9 класс')) return 'continuing';
  return null;
}

/** Where a withdrawn pupil went, from the withdrawal subtype; null when it does not say. */
export function destinationKindOf(docSubtype: string | null | undefined): DestinationKind | null {
  const s = norm(docSubtype);
  if (!s) return null;
  if (has(s, 'семейн', 'самообраз')) return 'familyEducation';
  if (has(s, 'за предел', 'за границ', 'за рубеж', 'другое государство', 'другую страну')) return 'abroad';
  if (has(s, 'другого региона', 'другой регион', 'другой субъект', 'другого субъекта')) return 'otherRegion';
  if (/(^|[^а-я])спо([^а-я]|$)/.test(s) || has(s, 'профессион', 'колледж', 'техникум', 'училищ')) return 'college';
  if (has(s, 'друг')) return 'sameRegion';
  return 'other';
}
