import type { DrillPerson } from '../../../../src-shared/contract/reportResult';
import { RIGHTS } from '../../../../src-shared/contract/rights';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import { AppError } from '../../../../src-shared/errors';
import { hasRight } from '../../access/index';
import type { HandlerContext } from '../../foundation/context';
import { classesOfPupils } from '../../movement/index';
import { mainPositionOn, readPositions } from '../../people/index';
import { classesWithTeachers, personNames } from '../repo/lookups';
import type { CellMembers } from './grid';

/**
 * The people behind one number: names, birth dates, where they are on the report's day (a pupil's
 * class, a staff member's main position) and why they are counted. Staff names need the right to
 * read staff cards even inside a school report (the secretary runs ОО-1 but keeps no staff cards).
 */
export async function drillPeople(ctx: HandlerContext, cell: CellMembers, date: string): Promise<DrillPerson[]> {
  const db = ctx.core.db;
  const ids = [...cell.ids];
  const detail = (id: string) => cell.details?.get(id) ?? null;
  if (cell.kind === 'class') {
    const rows = await classesWithTeachers(db, ids);
    return rows
      .sort((a, b) => Number(a.grade) - Number(b.grade) || compareRu(a.letter, b.letter))
      .map((r) => ({
        id: r.id,
        fullName: `${r.name} класс`,
        birthDate: null,
        where: r.lastName ? `кл. руководитель ${fullName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName })}` : null,
        detail: detail(r.id),
      }));
  }
  if (cell.kind === 'staff') {
    if (!hasRight(ctx.caller.user, 'staff.read')) {
      throw new AppError('FORBIDDEN', `Недостаточно прав: список сотрудников за числом доступен с правом «${RIGHTS['staff.read']}».`);
    }
    const rows = await personNames(db, 'staff', ids);
    const positions = await readPositions(db, rows.map((r) => r.id));
    return rows
      .map((r) => ({ id: r.id, fullName: fullName(r), birthDate: r.birthDate, where: mainPositionOn(positions.get(r.id) ?? [], date), detail: detail(r.id) }))
      .sort((a, b) => compareRu(a.fullName, b.fullName));
  }
  const rows = await personNames(db, 'pupil', ids);
  const classes = await classesOfPupils(db, ids, date);
  return rows
    .map((r) => ({ id: r.id, fullName: fullName(r), birthDate: r.birthDate, where: classes.get(r.id)?.className ?? null, detail: detail(r.id) }))
    .sort((a, b) => compareRu(a.where ?? '', b.where ?? '') || compareRu(a.fullName, b.fullName));
}
