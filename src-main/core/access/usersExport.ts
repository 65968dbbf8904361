import { ROLES } from '../../../src-shared/contract/access';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { ListColumn } from '../../../src-shared/contract/peopleColumns';
import { formatRu } from '../../../src-shared/domain/calendar/dates';
import type { Executor } from '../foundation/executor';
import { listWorkbook } from '../foundation/listWorkbook';
import { listUserRows } from './repo/users';

type UserRow = Awaited<ReturnType<typeof listUserRows>>[number];

const col = (key: string, title: string, width: number, value: (r: UserRow) => string | number | null): ListColumn<UserRow> => ({ key, title, width, visible: true, value });

/** The users of the program as Excel (issue 24, item 6): never a password, only the account's state. */
const USER_COLUMNS: ListColumn<UserRow>[] = [
  col('fullName', 'ФИО', 32, (r) => r.fullName),
  col('login', 'Логин', 16, (r) => r.login),
  col('roles', 'Роли', 34, (r) => r.roles.map((x) => ROLES[x as keyof typeof ROLES] ?? x).join(', ')),
  col('staffName', 'Карточка сотрудника', 30, (r) => r.staffName),
  col('isActive', 'Состояние', 14, (r) => (r.isActive ? 'активен' : 'отключён')),
  col('lastSignInAt', 'Последний вход', 14, (r) => (r.lastSignInAt ? formatRu(r.lastSignInAt.slice(0, 10)) : '')),
];

export async function exportUsers(db: Executor): Promise<ExportedFile> {
  return listWorkbook('Пользователи', 'Пользователи программы.xlsx', USER_COLUMNS, await listUserRows(db), null);
}
