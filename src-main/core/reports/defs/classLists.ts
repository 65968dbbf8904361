import { RIGHTS } from '../../../../src-shared/contract/rights';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { compareRu } from '../../../../src-shared/domain/names';
import { hasRight } from '../../access/index';
import { listTable } from '../engine/grid';
import type { ReportDef } from '../engine/types';
import { addressesOn, classesOn, parentsOn, pupilsOn, type ParentLink } from '../repo/pupilsOn';

/**
 * «Списки классов на начало года»: for each class the caller may see — ФИО, birth date, address,
 * parents and their phones. Parents' data follow the parents' read right, as on the pupil card: a
 * subject teacher gets the names and birth dates only.
 */
export const classLists: ReportDef = {
  key: 'class-lists',
  async compute({ db, params, user }) {
    const classes = await classesOn(db, params.date, params.classIds);
    const pupils = await pupilsOn(db, params.date, params.classIds);
    const showParents = hasRight(user, 'parents.read');
    const addresses = await addressesOn(db, params.date, params.classIds);
    const parents = showParents ? await parentsOn(db, params.date, params.classIds) : new Map<string, ParentLink[]>();
    const byClass = new Map<string, typeof pupils>();
    for (const p of pupils) {
      const list = byClass.get(p.classId);
      if (list) list.push(p);
      else byClass.set(p.classId, [p]);
    }
    const tables = classes.map((c) => {
      // The database orders by the normalised name; within one class the collator decides (ё, hyphens).
      const rows = [...(byClass.get(c.id) ?? [])].sort((a, b) => compareRu(a.fullName, b.fullName));
      return listTable(
        {
          id: `class:${c.id}`,
          title: `${c.name} класс${c.classTeacherName ? ` — классный руководитель ${c.classTeacherName}` : ''}`,
          kind: 'pupil',
          landscape: true,
          columns: [
            { key: 'n', title: '№', width: 5 },
            { key: 'birthDate', title: 'Дата рождения', width: 12 },
            { key: 'address', title: 'Адрес', width: 36 },
            { key: 'parents', title: showParents ? 'Родители (законные представители)' : 'Родители (нет права просмотра)', width: 36 },
            { key: 'phones', title: 'Телефоны', width: 26 },
          ],
        },
        rows.map((p, i) => {
          const ps = parents.get(p.id) ?? [];
          const phoneList = [p.phoneMobile ? `${p.phoneMobile} (ученик)` : null, ...ps.filter((x) => x.phone).map((x) => `${x.phone} (${x.relation})`)].filter(Boolean);
          return {
            id: p.id,
            label: p.fullName,
            cells: [i + 1, p.birthDate ? formatRu(p.birthDate) : '', addresses.get(p.id) ?? '', ps.map((x) => `${x.name} (${x.relation})`).join('; '), phoneList.join('; ')],
          };
        }),
      );
    });
    const notes = showParents ? [] : [`Сведения о родителях и их телефоны скрыты: нужно право «${RIGHTS['parents.read']}».`];
    return { subtitle: `на ${formatRu(params.date)}`, tables, notes };
  },
};
