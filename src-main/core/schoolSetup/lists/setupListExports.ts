import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { ListColumn } from '../../../../src-shared/contract/peopleColumns';
import type { SchoolClass } from '../../../../src-shared/contract/classes';
import type { Room } from '../../../../src-shared/contract/rooms';
import type { Subject } from '../../../../src-shared/contract/subjects';
import type { Executor } from '../../foundation/executor';
import { listWorkbook } from '../../foundation/listWorkbook';
import { listClasses } from '../classes/classService';
import { listRooms } from '../repo/rooms';
import { listSubjects } from '../repo/subjects';

/**
 * The set-up lists (classes, rooms, subjects) as Excel, with the columns the screens show (issue 24,
 * item 6: every list exportable), through the same sheet helper as the people lists.
 */
const col = <R>(key: string, title: string, width: number, value: (r: R) => string | number | null): ListColumn<R> => ({ key, title, width, visible: true, value });

const CLASS_COLUMNS: ListColumn<SchoolClass>[] = [
  col('name', 'Класс', 8, (r) => r.name),
  col('shift', 'Смена', 7, (r) => r.shift),
  col('classTeacherName', 'Классный руководитель', 30, (r) => r.classTeacherName),
  col('homeRoomNumber', 'Кабинет', 10, (r) => r.homeRoomNumber),
  col('programmeTitle', 'Программа', 22, (r) => r.programmeTitle),
  col('effectiveWeekLength', 'Учебная неделя, дней', 12, (r) => r.effectiveWeekLength),
  col('pupilCount', 'Обучающихся', 12, (r) => r.pupilCount),
  col('subgroupCount', 'Подгрупп', 10, (r) => r.subgroupCount),
  col('previousClassName', 'Был классом', 12, (r) => r.previousClassName),
];

const ROOM_COLUMNS: ListColumn<Room>[] = [
  col('number', 'Номер', 10, (r) => r.number),
  col('name', 'Название', 26, (r) => r.name),
  col('typeName', 'Тип', 20, (r) => r.typeName),
  col('floor', 'Этаж', 7, (r) => r.floor),
  col('capacity', 'Мест', 7, (r) => r.capacity),
  col('isActive', 'Используется', 12, (r) => (r.isActive ? 'да' : 'нет')),
  col('note', 'Примечание', 30, (r) => r.note),
];

const SUBJECT_COLUMNS: ListColumn<Subject>[] = [
  col('name', 'Предмет', 34, (r) => r.name),
  col('shortName', 'Сокращение', 14, (r) => r.shortName),
  col('areaName', 'Предметная область', 30, (r) => r.areaName),
  col('isSplit', 'Деление на подгруппы', 12, (r) => (r.isSplit ? 'да' : 'нет')),
  col('points', 'Баллы трудности (классы: баллы)', 40, (r) => r.points.map((p) => `${p.grade}: ${p.points}`).join('; ')),
  col('isArchived', 'В архиве', 10, (r) => (r.isArchived ? 'да' : 'нет')),
];

export async function exportClasses(db: Executor, yearId: string, yearName: string | null): Promise<ExportedFile> {
  const rows = await listClasses(db, yearId);
  return listWorkbook('Классы', `Классы${yearName ? ` ${yearName.replace('/', '-')}` : ''}.xlsx`, CLASS_COLUMNS, rows, yearName ? `Учебный год ${yearName}` : null);
}

export async function exportRooms(db: Executor): Promise<ExportedFile> {
  return listWorkbook('Кабинеты', 'Кабинеты.xlsx', ROOM_COLUMNS, await listRooms(db), null);
}

export async function exportSubjects(db: Executor): Promise<ExportedFile> {
  return listWorkbook('Предметы', 'Предметы.xlsx', SUBJECT_COLUMNS, (await listSubjects(db)).subjects, null);
}
