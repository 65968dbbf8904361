import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { addYears } from '../../../../src-shared/domain/documents';
import { EDUCATION_LEVELS, QUALIFICATION_CATEGORIES } from '../../../../src-shared/domain/peopleDictionaries';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { AGE_BANDS, EXPERIENCE_BANDS, ageBand, experienceBand, isPedagogicalPosition } from '../../../../src-shared/domain/reports/oo1Edition';
import { ageDayFor } from '../../../../src-shared/domain/reports/pupilCategories';
import { listTable } from '../engine/grid';
import type { ReportDef } from '../engine/types';
import { highestEducation, staffOn, yearsSince, type StaffOn } from '../repo/staffOn';

/**
 * Staff reports (issue 21): qualification categories and attestation deadlines («истекает в
 * ближайшие 3 месяца»), education and courses in the last three years, age and experience. The
 * staff are those working on the day (a position in force); the pedagogical ones by the ЕКС
 * position (src-shared/domain/reports/oo1Edition.ts).
 */
export const isPedagogical = (s: StaffOn) => isPedagogicalPosition(s.mainPosition, s.employeeCategory);
const isTeacher = (s: StaffOn) => /^учитель(?!-)/i.test(s.mainPosition ?? '');

/** When the category runs out: the card's «Дата следующей аттестации», else five years after it was given. */
export function attestationDue(s: StaffOn): string | null {
  if (s.nextAttestationDate) return s.nextAttestationDate;
  return s.categoryDate ? addYears(s.categoryDate, 5) : null;
}

const EXPIRING = ['высшая', 'первая', 'педагог-методист', 'педагог-наставник', 'соответствие занимаемой должности'];

export function attestationStatus(due: string | null, date: string): 'overdue' | 'soon' | 'year' | 'later' | 'noDate' {
  if (!due) return 'noDate';
  if (due < date) return 'overdue';
  if (due <= addMonths(date, 3)) return 'soon';
  return due < addYears(date, 1) ? 'year' : 'later';
}

export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const STATUS_LABELS = {
  overdue: 'Срок аттестации прошёл',
  soon: 'Истекает в ближайшие 3 месяца',
  year: 'Истекает в течение года (позже 3 месяцев)',
  later: 'Истекает позже чем через год',
  noDate: 'Дата аттестации не указана',
} as const;

export const staffAttestation: ReportDef = {
  key: 'staff-attestation',
  async compute({ db, params, grid }) {
    const staff = (await staffOn(db, params.date)).filter((s) => !s.externalOnly && isPedagogical(s));
    const byCategory = grid({
      id: 'categories',
      title: 'Педагогические работники по квалификационным категориям',
      labelTitle: 'Категория',
      kind: 'staff',
      columns: [
        { key: 'total', title: 'Всего', width: 8 },
        { key: 'women', title: 'из них женщины', width: 9 },
        { key: 'teachers', title: 'из них учителя', width: 9 },
      ],
    });
    for (const c of QUALIFICATION_CATEGORIES) byCategory.row({ key: c, label: c });
    byCategory.row({ key: 'none', label: 'не указана' });
    byCategory.row({ key: 'total', label: 'Всего педагогических работников', level: 2 });
    const deadlines = grid({
      id: 'deadlines',
      title: `Сроки аттестации на ${formatRu(params.date)}`,
      labelTitle: 'Срок',
      kind: 'staff',
      note: 'Срок — «Дата следующей аттестации» из карточки, иначе пять лет от даты присвоения категории. «Без категории» не считается.',
      columns: [{ key: 'total', title: 'Всего', width: 8 }, ...EXPIRING.map((c) => ({ key: c, title: c, group: 'категория', width: 12 }))],
    });
    for (const [k, label] of Object.entries(STATUS_LABELS)) deadlines.row({ key: k, label, level: k === 'soon' ? 1 : 0 });
    deadlines.row({ key: 'total', label: 'Всего с категорией', level: 2 });
    const listed: { s: StaffOn; due: string | null; status: keyof typeof STATUS_LABELS }[] = [];
    for (const s of staff) {
      const cat = s.qualificationCategory && (QUALIFICATION_CATEGORIES as readonly string[]).includes(s.qualificationCategory) ? s.qualificationCategory : 'none';
      for (const row of [cat, 'total']) {
        byCategory.add(row, 'total', s.id, s.mainPosition ?? undefined);
        if (s.sex === 'Ж') byCategory.add(row, 'women', s.id);
        if (isTeacher(s)) byCategory.add(row, 'teachers', s.id);
      }
      if (!EXPIRING.includes(cat)) continue;
      const due = attestationDue(s);
      const status = attestationStatus(due, params.date);
      const detail = due ? `срок ${formatRu(due)}` : 'дата не указана';
      for (const row of [status, 'total']) {
        deadlines.add(row, 'total', s.id, detail);
        deadlines.add(row, cat, s.id, detail);
      }
      listed.push({ s, due, status });
    }
    listed.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    const list = listTable(
      {
        id: 'list',
        title: 'Аттестация: поимённо (по сроку)',
        kind: 'staff',
        landscape: true,
        columns: [
          { key: 'position', title: 'Должность', width: 30 },
          { key: 'category', title: 'Категория', width: 18 },
          { key: 'given', title: 'Присвоена', width: 12 },
          { key: 'due', title: 'Срок аттестации', width: 14 },
          { key: 'status', title: 'Состояние', width: 30 },
        ],
      },
      listed.map(({ s, due, status }) => ({ id: s.id, label: s.fullName, cells: [s.mainPosition ?? '', s.qualificationCategory ?? '', s.categoryDate ? formatRu(s.categoryDate) : '', due ? formatRu(due) : '', STATUS_LABELS[status]] })),
    );
    const soon = deadlines.count('soon', 'total');
    const overdue = deadlines.count('overdue', 'total');
    return {
      subtitle: `на ${formatRu(params.date)}`,
      tables: [byCategory.build(), deadlines.build(), list],
      notes: [soon > 0 ? `Аттестация истекает в ближайшие 3 месяца у ${soon} педагогов.` : 'В ближайшие 3 месяца аттестация ни у кого не истекает.', ...(overdue > 0 ? [`Срок аттестации прошёл у ${overdue} педагогов.`] : [])],
    };
  },
};

const LEVEL_ROWS = [...EDUCATION_LEVELS, 'не указано'];

export const staffEducation: ReportDef = {
  key: 'staff-education',
  async compute({ db, params, grid }) {
    const staff = (await staffOn(db, params.date)).filter((s) => !s.externalOnly);
    const since = addYears(params.date, -3);
    const edu = grid({
      id: 'education',
      title: 'Уровень образования (высший из указанных в карточке)',
      labelTitle: 'Образование',
      kind: 'staff',
      columns: [
        { key: 'total', title: 'Всего сотрудников', width: 10 },
        { key: 'ped', title: 'из них педагогические работники', width: 12 },
        { key: 'pedEdu', title: 'с педагогическим образованием', width: 12 },
        { key: 'unknownPed', title: 'педагогическое ли — не указано', width: 12 },
      ],
    });
    for (const l of LEVEL_ROWS) edu.row({ key: l, label: l });
    edu.row({ key: 'total', label: 'Всего', level: 2 });
    const courses = grid({
      id: 'courses',
      title: `Повышение квалификации и переподготовка с ${formatRu(since)} по ${formatRu(params.date)}`,
      labelTitle: 'Показатель',
      kind: 'staff',
      columns: [
        { key: 'all', title: 'Все сотрудники', width: 10 },
        { key: 'ped', title: 'Педагогические работники', width: 12 },
        { key: 'heads', title: 'Руководители', width: 10 },
      ],
    });
    courses.row({ key: 'qualification', label: 'Прошли курсы повышения квалификации' });
    courses.row({ key: 'retraining', label: 'Прошли профессиональную переподготовку' });
    courses.row({ key: 'any', label: 'Прошли хотя бы одно обучение', level: 1 });
    courses.row({ key: 'none', label: 'Не проходили обучения за 3 года', level: 1 });
    courses.row({ key: 'total', label: 'Всего', level: 2 });
    const untrained: StaffOn[] = [];
    for (const s of staff) {
      const ped = isPedagogical(s);
      const head = /^(директор|заместитель)/i.test(s.mainPosition ?? '');
      const high = highestEducation(s.educations);
      const level = high?.level && (EDUCATION_LEVELS as readonly string[]).includes(high.level) ? high.level : high?.level ? high.level : 'не указано';
      const row = LEVEL_ROWS.includes(level) ? level : 'не указано';
      for (const r of [row, 'total']) {
        edu.add(r, 'total', s.id, high ? [high.level, high.institution].filter(Boolean).join(', ') : undefined);
        if (ped) edu.add(r, 'ped', s.id);
        if (s.educations.some((e) => e.pedagogical === true)) edu.add(r, 'pedEdu', s.id);
        else if (s.educations.length > 0 && s.educations.every((e) => e.pedagogical === null)) edu.add(r, 'unknownPed', s.id);
      }
      const recent = s.trainings.filter((t) => t.endDate >= since && t.endDate <= params.date);
      const rows: string[] = ['total'];
      if (recent.some((t) => t.kind === 'qualification')) rows.push('qualification');
      if (recent.some((t) => t.kind === 'retraining')) rows.push('retraining');
      rows.push(recent.length > 0 ? 'any' : 'none');
      const last = [...s.trainings].sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
      const detail = recent.length ? recent.map((t) => `${t.programme} (${formatRu(t.endDate)})`).join('; ') : last ? `последние курсы ${formatRu(last.endDate)}` : 'курсов нет';
      for (const r of rows) {
        courses.add(r, 'all', s.id, detail);
        if (ped) courses.add(r, 'ped', s.id, detail);
        if (head) courses.add(r, 'heads', s.id, detail);
      }
      if (ped && recent.length === 0) untrained.push(s);
    }
    const list = listTable(
      { id: 'untrained', title: 'Педагоги без курсов за последние 3 года', kind: 'staff', columns: [{ key: 'position', title: 'Должность', width: 30 }, { key: 'last', title: 'Последние курсы', width: 14 }, { key: 'programme', title: 'Программа', width: 50 }], landscape: true },
      untrained.map((s) => {
        const last = [...s.trainings].sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
        return { id: s.id, label: s.fullName, cells: [s.mainPosition ?? '', last ? formatRu(last.endDate) : 'не было', last?.programme ?? ''] };
      }),
    );
    return { subtitle: `на ${formatRu(params.date)}`, tables: [edu.build(), courses.build(), list] };
  },
};

export const staffAgeExperience: ReportDef = {
  key: 'staff-age-experience',
  async compute({ db, params, grid }) {
    const staff = (await staffOn(db, params.date)).filter((s) => !s.externalOnly);
    const ageDay = ageDayFor(params.date);
    const age = grid({
      id: 'age',
      title: `Возраст (полных лет на ${formatRu(ageDay)})`,
      labelTitle: 'Возраст',
      kind: 'staff',
      columns: [
        { key: 'total', title: 'Всего', width: 8 },
        { key: 'women', title: 'из них женщины', width: 9 },
        { key: 'ped', title: 'Педагогические работники', width: 12 },
        { key: 'pedWomen', title: 'из них женщины', width: 9 },
      ],
    });
    for (const b of AGE_BANDS) age.row({ key: b.key, label: b.label });
    age.row({ key: 'unknown', label: 'дата рождения не указана' });
    age.row({ key: 'total', label: 'Всего', level: 2 });
    const exp = grid({
      id: 'experience',
      title: `Стаж работы на ${formatRu(params.date)}`,
      labelTitle: 'Стаж',
      kind: 'staff',
      note: 'Общий стаж — от даты «Общий стаж — с» (иначе от даты приёма); педагогический — от даты «Педагогический стаж — с».',
      columns: [
        { key: 'total', title: 'Общий стаж: все сотрудники', width: 12 },
        { key: 'pedTotal', title: 'Общий стаж: педагоги', width: 12 },
        { key: 'ped', title: 'Педагогический стаж: педагоги', width: 13 },
      ],
    });
    for (const b of EXPERIENCE_BANDS) exp.row({ key: b.key, label: b.label });
    exp.row({ key: 'unknown', label: 'не указан' });
    exp.row({ key: 'total', label: 'Всего', level: 2 });
    let ages = 0;
    let aged = 0;
    for (const s of staff) {
      const ped = isPedagogical(s);
      const a = s.birthDate ? ageOn(s.birthDate, ageDay) : null;
      if (a !== null) {
        ages += a;
        aged++;
      }
      for (const r of [a === null ? 'unknown' : ageBand(a), 'total']) {
        age.add(r, 'total', s.id, a === null ? undefined : `${a} лет`);
        if (s.sex === 'Ж') age.add(r, 'women', s.id);
        if (ped) age.add(r, 'ped', s.id);
        if (ped && s.sex === 'Ж') age.add(r, 'pedWomen', s.id);
      }
      const total = yearsSince(s.totalExperienceStart ?? s.hireDate, params.date);
      for (const r of [total === null ? 'unknown' : experienceBand(total), 'total']) {
        exp.add(r, 'total', s.id, total === null ? undefined : `${total} лет`);
        if (ped) exp.add(r, 'pedTotal', s.id, total === null ? undefined : `${total} лет`);
      }
      if (ped) {
        const p = yearsSince(s.pedExperienceStart, params.date);
        for (const r of [p === null ? 'unknown' : experienceBand(p), 'total']) exp.add(r, 'ped', s.id, p === null ? undefined : `${p} лет`);
      }
    }
    return {
      subtitle: `на ${formatRu(params.date)}`,
      tables: [age.build(), exp.build()],
      notes: aged > 0 ? [`Средний возраст: ${(ages / aged).toFixed(1).replace('.', ',')} года.`] : [],
    };
  },
};
