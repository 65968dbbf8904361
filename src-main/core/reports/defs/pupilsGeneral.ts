import type { ReportCheck } from '../../../../src-shared/contract/reportResult';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { HEALTH_GROUPS, PE_GROUPS } from '../../../../src-shared/domain/peopleDictionaries';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { SOCIAL_CATEGORIES, ageDayFor, healthGroupOf, levelKeyOf, LEVELS, peGroupOf } from '../../../../src-shared/domain/reports/pupilCategories';
import type { ColumnSpec, GridFactory } from '../engine/grid';
import type { ReportDef } from '../engine/types';
import { byClassAndName, pupilsOn, type PupilOn } from '../repo/pupilsOn';
import { addGradeRows, gradeRows } from './gradeRows';
import { equalityCheck } from './checks';

/**
 * «Общие сведения об обучающихся» (work order §3.10, due by 1 October): the contingent on the day by
 * grade — sex, year of birth and age on 1 January, ОВЗ, disability, home schooling, boarding,
 * health and PE groups, foreign languages, the social categories the work order names. Each number
 * is a set of pupils; the checks prove every split adds up to the same total.
 */
const AGE_MIN = 6;
const AGE_MAX = 18;

function ageRowKey(age: number | null): string {
  if (age === null) return 'unknown';
  if (age < AGE_MIN) return 'under';
  if (age > AGE_MAX) return 'over';
  return `a${age}`;
}

function gradeColumns(grades: readonly number[]): ColumnSpec[] {
  return grades.map((g) => ({ key: `g${g}`, title: `${g} кл.`, group: 'в том числе по классам', width: 6 }));
}

export function pupilsGeneralTables(grid: GridFactory, pupils: readonly PupilOn[], date: string) {
  const grades = [...new Set(pupils.map((p) => p.grade))].sort((a, b) => a - b);
  const ageDay = ageDayFor(date);
  const ageOf = (p: PupilOn) => (p.birthDate ? ageOn(p.birthDate, ageDay) : null);

  const contingent = grid({
    id: 'contingent',
    title: 'Контингент по параллелям',
    labelTitle: 'Параллель',
    kind: 'pupil',
    columns: [
      { key: 'classes', title: 'Классов', kind: 'class', width: 8 },
      { key: 'total', title: 'Обучающихся', width: 11 },
      { key: 'boys', title: 'Мальчики', width: 9 },
      { key: 'girls', title: 'Девочки', width: 9 },
      { key: 'ovz', title: 'С ОВЗ', width: 7 },
      { key: 'disabled', title: 'Дети-инвалиды', width: 9 },
      { key: 'home', title: 'На дому', width: 8 },
      { key: 'boarding', title: 'В интернате', width: 9 },
      { key: 'adapted', title: 'По АООП', width: 8 },
      { key: 'foreign', title: 'Иностранные граждане', width: 11 },
    ],
  });
  addGradeRows(contingent, grades);

  const byYear = grid({
    id: 'birthYear',
    title: 'По году рождения',
    labelTitle: 'Год рождения',
    kind: 'pupil',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, { key: 'girls', title: 'из них девочки', width: 9 }, ...gradeColumns(grades)],
  });
  const years = [...new Set(pupils.map((p) => (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null)))].sort((a, b) => (a ?? 9999) - (b ?? 9999));
  for (const y of years) byYear.row({ key: y === null ? 'unknown' : `y${y}`, label: y === null ? 'не указан' : `${y} г. р.` });
  byYear.row({ key: 'total', label: 'Всего', level: 2 });

  const byAge = grid({
    id: 'age',
    title: `Возраст (полных лет) на ${formatRu(ageDay)}`,
    labelTitle: 'Возраст',
    kind: 'pupil',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, { key: 'girls', title: 'из них девочки', width: 9 }, ...gradeColumns(grades)],
  });
  byAge.row({ key: 'under', label: `моложе ${AGE_MIN} лет` });
  for (let a = AGE_MIN; a <= AGE_MAX; a++) byAge.row({ key: `a${a}`, label: `${a} лет` });
  byAge.row({ key: 'over', label: `${AGE_MAX + 1} лет и старше` });
  if (pupils.some((p) => !p.birthDate)) byAge.row({ key: 'unknown', label: 'дата рождения не указана' });
  byAge.row({ key: 'total', label: 'Всего', level: 2 });

  const health = grid({
    id: 'health',
    title: 'Группы здоровья',
    labelTitle: 'Параллель',
    kind: 'pupil',
    note: 'Приказ Минздрава России № 514н: группы I–V. «Не указана» — пусто в карточке или значение не из списка (раскройте число, чтобы увидеть значение).',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, ...HEALTH_GROUPS.map((h) => ({ key: h, title: `${h} группа`, group: 'группа здоровья', width: 8 })), { key: 'none', title: 'не указана', width: 9 }],
  });
  addGradeRows(health, grades);

  const pe = grid({
    id: 'pe',
    title: 'Медицинские группы для занятий физической культурой',
    labelTitle: 'Параллель',
    kind: 'pupil',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, ...PE_GROUPS.map((h) => ({ key: h, title: h, width: 11 })), { key: 'none', title: 'не указана', width: 9 }],
  });
  addGradeRows(pe, grades);

  const languages = [...new Set(pupils.flatMap((p) => [p.foreignLanguage1, p.foreignLanguage2]).filter((l): l is string => Boolean(l)))].sort();
  const lang = grid({
    id: 'languages',
    title: 'Изучение иностранных языков',
    labelTitle: 'Параллель',
    kind: 'pupil',
    note: 'Первый и второй иностранный язык из карточки; обучающийся, изучающий два языка, учтён в обоих.',
    columns: [{ key: 'total', title: 'Всего обучающихся', width: 10 }, ...languages.map((l, i) => ({ key: `l${i}`, title: l, group: 'изучают язык', width: 10 })), { key: 'two', title: 'изучают два языка', width: 9 }, { key: 'none', title: 'не изучают', width: 9 }],
  });
  addGradeRows(lang, grades);

  const categories = SOCIAL_CATEGORIES.filter((c) => c.general);
  const social = grid({
    id: 'social',
    title: 'Социальные категории',
    labelTitle: 'Категория',
    kind: 'pupil',
    note: 'Из полей карточки «Состав семьи», «Социальное положение», «Инвалидность», «ОВЗ», «Гражданство». Обучающийся может входить в несколько категорий.',
    columns: [{ key: 'total', title: 'Всего', width: 8 }, ...LEVELS.map((l) => ({ key: l.key, title: l.label, width: 10 }))],
  });
  for (const c of categories) social.row({ key: c.key, label: c.label });

  for (const p of pupils) {
    const rows = gradeRows(p.grade);
    const age = ageOf(p);
    const girl = p.sex === 'Ж';
    contingent.addRows(rows, 'classes', p.classId);
    contingent.addRows(rows, 'total', p.id);
    contingent.addRows(rows, girl ? 'girls' : 'boys', p.id);
    if (p.hasOvz) contingent.addRows(rows, 'ovz', p.id, p.ovzCategory ?? undefined);
    if (p.disabilityGroup) contingent.addRows(rows, 'disabled', p.id, p.disabilityGroup);
    if (p.homeSchooling) contingent.addRows(rows, 'home', p.id);
    if (p.boarding) contingent.addRows(rows, 'boarding', p.id);
    if (p.programme === 'АООП' || p.adaptedProgramme) contingent.addRows(rows, 'adapted', p.id, p.adaptedProgramme ?? p.programmeVariant ?? 'класс по АООП');
    if (p.citizenship && p.citizenship !== 'Российская Федерация') contingent.addRows(rows, 'foreign', p.id, p.citizenship);

    const yKey = p.birthDate ? `y${p.birthDate.slice(0, 4)}` : 'unknown';
    const aKey = ageRowKey(age);
    const gradeColumn = `g${p.grade}`;
    for (const [g, key] of [[byYear, yKey], [byAge, aKey]] as const) {
      const both = [key, 'total'];
      g.addRows(both, 'total', p.id, p.birthDate ? formatRu(p.birthDate) : undefined);
      if (girl) g.addRows(both, 'girls', p.id);
      g.addRows(both, gradeColumn, p.id);
    }

    const hg = healthGroupOf(p.healthGroup);
    health.addRows(rows, 'total', p.id);
    health.addRows(rows, hg, p.id, hg === 'none' && p.healthGroup ? `в карточке: «${p.healthGroup}»` : undefined);
    const pg = peGroupOf(p.peGroup);
    pe.addRows(rows, 'total', p.id);
    pe.addRows(rows, pg, p.id, pg === 'none' && p.peGroup ? `в карточке: «${p.peGroup}»` : undefined);

    lang.addRows(rows, 'total', p.id);
    const own = [p.foreignLanguage1, p.foreignLanguage2].filter((l): l is string => Boolean(l));
    for (const l of own) lang.addRows(rows, `l${languages.indexOf(l)}`, p.id);
    if (new Set(own).size >= 2) lang.addRows(rows, 'two', p.id, own.join(', '));
    if (own.length === 0) lang.addRows(rows, 'none', p.id);

    for (const c of categories) {
      if (!c.test(p)) continue;
      social.add(c.key, 'total', p.id);
      social.add(c.key, levelKeyOf(p.grade), p.id);
    }
  }

  const checks: ReportCheck[] = [
    equalityCheck('Всего = мальчики + девочки', contingent.count('total', 'total'), contingent.count('total', 'boys') + contingent.count('total', 'girls')),
    equalityCheck('Сумма групп здоровья (с «не указана») = всего', contingent.count('total', 'total'), [...HEALTH_GROUPS, 'none'].reduce((n, k) => n + health.count('total', k), 0)),
    equalityCheck('Сумма физкультурных групп (с «не указана») = всего', contingent.count('total', 'total'), [...PE_GROUPS, 'none'].reduce((n, k) => n + pe.count('total', k), 0)),
    equalityCheck('По году рождения: итог = всего обучающихся', contingent.count('total', 'total'), byYear.count('total', 'total')),
    equalityCheck('По возрасту: итог = всего обучающихся', contingent.count('total', 'total'), byAge.count('total', 'total')),
    equalityCheck('Девочки по возрасту = девочки в контингенте', contingent.count('total', 'girls'), byAge.count('total', 'girls')),
  ];
  const notes: string[] = [];
  const unstated = health.count('total', 'none');
  if (unstated > 0) notes.push(`У ${unstated} обучающихся не указана группа здоровья — заполните карточки (вкладка «Здоровье и ОВЗ»).`);
  return { tables: [contingent.build(), byYear.build(), byAge.build(), health.build(), pe.build(), lang.build(), social.build()], checks, notes, ageDay, categories };
}

export const pupilsGeneral: ReportDef = {
  key: 'pupils-general',
  async compute({ db, params, grid }) {
    const pupils = await pupilsOn(db, params.date);
    const { tables, checks, notes, ageDay, categories } = pupilsGeneralTables(grid, pupils, params.date);
    return {
      subtitle: `на ${formatRu(params.date)}; возраст — полных лет на ${formatRu(ageDay)}`,
      tables,
      checks,
      notes,
      detailSheet: () => ({
        title: 'Обучающиеся',
        columns: ['Класс', 'ФИО', 'Пол', 'Дата рождения', 'Возраст', 'ОВЗ', 'Инвалидность', 'На дому', 'Интернат', 'Группа здоровья', 'Физкультурная группа', 'Иностранные языки', 'Социальные категории'],
        rows: [...pupils].sort(byClassAndName).map((p) => [
          p.className,
          p.fullName,
          p.sex,
          p.birthDate ? formatRu(p.birthDate) : '',
          p.birthDate ? ageOn(p.birthDate, ageDay) : '',
          p.hasOvz ? 'да' : '',
          p.disabilityGroup ?? '',
          p.homeSchooling ? 'да' : '',
          p.boarding ? 'да' : '',
          p.healthGroup ?? '',
          p.peGroup ?? '',
          [p.foreignLanguage1, p.foreignLanguage2].filter(Boolean).join(', '),
          categories.filter((c) => c.test(p)).map((c) => c.label).join('; '),
        ]),
      }),
    };
  },
};
