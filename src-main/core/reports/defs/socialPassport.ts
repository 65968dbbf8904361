import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { LEVELS, SOCIAL_CATEGORIES, levelKeyOf, type SocialCategory } from '../../../../src-shared/domain/reports/pupilCategories';
import { listTable, type ColumnSpec, type Grid } from '../engine/grid';
import type { ReportDef } from '../engine/types';
import { classesOn, pupilsOn, type PupilOn } from '../repo/pupilsOn';

/**
 * «Социальный паспорт школы / класса» (a local act; no federal form): the categories of
 * src-shared/domain/reports/pupilCategories.ts as rows. The school's passport has the classes as
 * columns with subtotals for 1–4, 5–9, 10–11 and the school; the class passport counts boys and
 * girls and names the pupils of each category.
 */
function groupsOf(list: readonly SocialCategory[]): { group: string; items: SocialCategory[] }[] {
  const out: { group: string; items: SocialCategory[] }[] = [];
  for (const c of list) {
    const last = out[out.length - 1];
    if (last && last.group === c.group) last.items.push(c);
    else out.push({ group: c.group, items: [c] });
  }
  return out;
}

function addRows(g: Grid, columns: readonly ColumnSpec[]): void {
  g.row({ key: 'all', label: 'Обучающихся всего', level: 2 });
  g.row({ key: 'boys', label: 'мальчики' });
  g.row({ key: 'girls', label: 'девочки' });
  for (const { group, items } of groupsOf(SOCIAL_CATEGORIES)) {
    g.row({ key: `group:${group}`, label: group, level: 1 });
    for (const col of columns) g.set(`group:${group}`, col.key, '');
    for (const c of items) g.row({ key: c.key, label: c.label });
  }
}

function count(g: Grid, p: PupilOn, column: string): void {
  g.add('all', column, p.id);
  g.add(p.sex === 'Ж' ? 'girls' : 'boys', column, p.id);
  for (const c of SOCIAL_CATEGORIES) if (c.test(p)) g.add(c.key, column, p.id, c.source);
}

export const socialPassportSchool: ReportDef = {
  key: 'social-passport-school',
  async compute({ db, params, grid }) {
    const classes = await classesOn(db, params.date);
    const pupils = await pupilsOn(db, params.date);
    const columns: ColumnSpec[] = [];
    for (const level of LEVELS) {
      const inLevel = classes.filter((c) => levelKeyOf(c.grade) === level.key);
      if (inLevel.length === 0) continue;
      for (const c of inLevel) columns.push({ key: `c:${c.id}`, title: c.name, group: level.label, width: 5 });
      columns.push({ key: level.key, title: 'итого', group: level.label, width: 7 });
    }
    columns.push({ key: 'total', title: 'Школа', width: 8 });
    const g = grid({ id: 'passport', title: 'Социальный паспорт по классам', labelTitle: 'Категория', kind: 'pupil', columns, landscape: true });
    addRows(g, columns);
    const known = new Set(classes.map((c) => c.id));
    for (const p of pupils) {
      // A pupil of a class outside the year (the date falls between years) still counts in the school.
      if (known.has(p.classId)) count(g, p, `c:${p.classId}`);
    }
    for (const level of LEVELS) {
      const keys = classes.filter((c) => levelKeyOf(c.grade) === level.key).map((c) => `c:${c.id}`);
      if (keys.length) g.unionColumns(level.key, keys);
    }
    g.unionColumns('total', classes.map((c) => `c:${c.id}`));
    return {
      subtitle: `на ${formatRu(params.date)}`,
      tables: [g.build()],
      notes: ['Категории — из полей карточки обучающегося («Состав семьи», «Социальное положение», здоровье, гражданство, льготы); обучающийся может входить в несколько категорий. Нажмите на число, чтобы увидеть обучающихся.'],
    };
  },
};

export const socialPassportClass: ReportDef = {
  key: 'social-passport-class',
  needsClass: true,
  async compute({ db, params, grid }) {
    const classId = (params.classIds ?? [])[0];
    const [klass] = await classesOn(db, params.date, [classId]);
    const pupils = await pupilsOn(db, params.date, [classId], true);
    const columns: ColumnSpec[] = [
      { key: 'total', title: 'Всего', width: 8 },
      { key: 'boys', title: 'Мальчики', width: 9 },
      { key: 'girls', title: 'Девочки', width: 9 },
    ];
    const g = grid({ id: 'passport', title: 'Категории обучающихся', labelTitle: 'Категория', kind: 'pupil', columns, landscape: false });
    addRows(g, columns);
    for (const p of pupils) {
      count(g, p, 'total');
      count(g, p, p.sex === 'Ж' ? 'girls' : 'boys');
    }
    const named = pupils.flatMap((p) => SOCIAL_CATEGORIES.filter((c) => c.test(p)).map((c) => ({ p, c })));
    named.sort((a, b) => SOCIAL_CATEGORIES.indexOf(a.c) - SOCIAL_CATEGORIES.indexOf(b.c));
    const list = listTable(
      { id: 'names', title: 'Поимённый список по категориям', kind: 'pupil', columns: [{ key: 'category', title: 'Категория', width: 34 }, { key: 'birthDate', title: 'Дата рождения', width: 12 }, { key: 'source', title: 'Основание (поле карточки)', width: 40 }], landscape: true },
      named.map(({ p, c }) => ({ id: p.id, label: p.fullName, cells: [c.label, p.birthDate ? formatRu(p.birthDate) : '', c.source] })),
    );
    return {
      subtitle: `${klass?.name ?? ''} класс на ${formatRu(params.date)}${klass?.classTeacherName ? `; классный руководитель ${klass.classTeacherName}` : ''}`,
      tables: [g.build(), list],
    };
  },
};
