/**
 * Checks of a whole card that depend on today's date or on several fields: plausible age per role,
 * documents against the holder's birth date (a passport from 14), dates not in the future, staff
 * positions that do not overlap. The form runs them before saving and the server runs them on the
 * merged card, so both say the same thing. Only the fields that changed are judged, so a card
 * whose pupil has simply grown older stays editable.
 */
import { PASSPORT_AGE, addYears, documentDateIssues, type DocumentFields } from './documents';
import { ageOn, checkBirthDate, type PersonKind } from './personRules';

export interface CardIssue {
  /** Dotted path of the field, as in the contract (`documents.1.issueDate`). */
  path: string;
  message: string;
}

export interface RuleCard {
  birthDate: string | null;
  documents: readonly DocumentFields[];
  [field: string]: unknown;
}

/** Dates that cannot lie in the future, per card kind. */
const PAST_DATES: Record<PersonKind, readonly string[]> = {
  pupil: ['pmpkDate', 'additionalEducationCertificateDate'],
  parent: [],
  staff: ['categoryDate', 'totalExperienceStart', 'pedExperienceStart'],
};

interface PositionLike {
  position: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
}

function overlaps(a: PositionLike, b: PositionLike): boolean {
  const aStart = a.startDate ?? '0000-01-01';
  const bStart = b.startDate ?? '0000-01-01';
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return aStart <= bEnd && bStart <= aEnd;
}

type Changed = ReadonlySet<string> | 'all';

function touches(changed: Changed, a: string, b?: string): boolean {
  return changed === 'all' || changed.has(a) || (b !== undefined && changed.has(b));
}

const NO_ISSUES: readonly CardIssue[] = Object.freeze([]);

/**
 * Problems of a card. `changed` lists the fields the user edited (or `'all'` for a new card);
 * a rule runs when one of its fields changed.
 */
export function personCardIssues(kind: PersonKind, card: RuleCard, changed: Changed, today: string): readonly CardIssue[] {
  // No closures and no allocation for a good card: a pull checks tens of thousands of cards with this.
  const out: CardIssue[] = [];
  const { birthDate } = card;

  if (kind === 'pupil' && changed === 'all' && !birthDate) out.push({ path: 'birthDate', message: 'обязательное поле' });
  if (birthDate && touches(changed, 'birthDate')) {
    const problem = checkBirthDate(kind, birthDate, today);
    if (problem) out.push({ path: 'birthDate', message: problem });
  }

  if (touches(changed, 'documents', 'birthDate')) {
    for (let i = 0; i < card.documents.length; i++) {
      const doc = card.documents[i];
      // Format problems were reported by the field schema already; here only dates and ages.
      for (const issue of documentDateIssues(doc, birthDate, today)) out.push({ path: `documents.${i}.issueDate`, message: issue.message });
      if (doc.type === 'passport' && birthDate && !doc.issueDate && ageOn(birthDate, today) < PASSPORT_AGE) {
        out.push({ path: `documents.${i}.type`, message: `паспорт гражданина РФ выдаётся с ${PASSPORT_AGE} лет, а обучающемуся меньше — укажите свидетельство о рождении` });
      }
    }
  }

  for (const field of PAST_DATES[kind]) {
    const value = card[field];
    if (typeof value === 'string' && touches(changed, field) && value > today) out.push({ path: field, message: 'дата не может быть в будущем' });
  }

  if (kind === 'staff') {
    const hire = card.hireDate as string | null;
    const dismissal = card.dismissalDate as string | null;
    if (hire && dismissal && dismissal < hire && touches(changed, 'hireDate', 'dismissalDate')) {
      out.push({ path: 'dismissalDate', message: 'дата увольнения раньше даты приёма' });
    }
    const positionsList = (card.positions as PositionLike[] | undefined) ?? [];
    // After «дата увольнения раньше даты приёма» every position would repeat the same mistake.
    if (dismissal && !(hire && dismissal < hire) && touches(changed, 'dismissalDate', 'positions')) {
      positionsList.forEach((p, i) => {
        if (p.startDate && p.startDate > dismissal) out.push({ path: `positions.${i}.startDate`, message: 'должность начинается после даты увольнения' });
      });
    }
    const leaveFrom = card.maternityLeaveFrom as string | null;
    const leaveTo = card.maternityLeaveTo as string | null;
    if (leaveFrom && leaveTo && leaveTo < leaveFrom && touches(changed, 'maternityLeaveFrom', 'maternityLeaveTo')) {
      out.push({ path: 'maternityLeaveTo', message: 'окончание отпуска раньше его начала' });
    }
    const ped = card.pedExperienceStart as string | null;
    if (birthDate && ped && ped < addYears(birthDate, 14) && touches(changed, 'pedExperienceStart', 'birthDate')) {
      out.push({ path: 'pedExperienceStart', message: 'стаж не может начинаться раньше 14 лет' });
    }
    // Dates inside the staff card's lists: a diploma or a relative's birth cannot lie ahead.
    const listed: [string, string, string][] = [
      ['educations', 'diplomaDate', 'дата диплома'],
      ['familyMembers', 'birthDate', 'дата рождения'],
    ];
    for (const [list, field, what] of listed) {
      if (!touches(changed, list)) continue;
      ((card[list] as Record<string, unknown>[] | undefined) ?? []).forEach((row, i) => {
        const value = row[field];
        if (typeof value === 'string' && value > today) out.push({ path: `${list}.${i}.${field}`, message: `${what} не может быть в будущем` });
      });
    }
    if (touches(changed, 'positions')) {
      const mains = positionsList.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === 'main');
      for (let a = 0; a < mains.length; a++) {
        for (let b = a + 1; b < mains.length; b++) {
          if (overlaps(mains[a].p, mains[b].p)) {
            out.push({
              path: `positions.${mains[b].i}.kind`,
              message: `основная должность может быть только одна в одно время: пересекается с «${mains[a].p.position}» — закройте прежнюю датой окончания`,
            });
          }
        }
      }
    }
  }
  return out.length > 0 ? out : NO_ISSUES;
}
