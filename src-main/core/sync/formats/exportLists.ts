import { PERSON_NAME, cols, type ColumnDef, type FileFormat } from './columns';

/**
 * Exports of the portal whose exact captions are not published (§3.1): read by caption, so a
 * column moved or added by a portal version does not break the pull. Low confidence: check against
 * a real 5.x export before release.
 */
function withAliases(list: ColumnDef[], aliases: Record<string, readonly string[]>): ColumnDef[] {
  return list.map((c) => (c.field && aliases[c.field] ? { ...c, aliases: aliases[c.field] } : c));
}

const captionsHeader = (_ctx: unknown, list: readonly ColumnDef[]) => [list.map((c) => c.caption)];

export const pupilListSimple: FileFormat = {
  id: 'pupilListSimple',
  title: 'Список учащихся, краткая форма (выгрузка портала)',
  entity: 'pupil',
  portalSide: 'export',
  confidence: 'low',
  source: '§3.1, ExportStudentsShort.asp / ExportStudents.asp (подписи столбцов не опубликованы)',
  headerLines: 1,
  match: 'caption',
  columns: withAliases(
    cols([
      ['№', 'rowNo'],
      ['Класс', 'className', 'className'],
      ...PERSON_NAME,
      ['Дата рождения', 'birthDate', 'date'],
      ['Пол', 'sex', 'sex'],
      ['СНИЛС', 'snils'],
      ['Логин', 'login'],
    ]),
    { rowNo: ['№ п/п', 'N'], className: ['Класс/группа'], birthDate: ['Д.Р.', 'Дата рожд.'], login: ['Имя пользователя', 'Логин пользователя'] },
  ),
  header: captionsHeader,
};

export const staffListExport: FileFormat = {
  id: 'staffListExport',
  title: 'Список сотрудников, краткая форма (выгрузка портала)',
  entity: 'staff',
  portalSide: 'export',
  confidence: 'low',
  source: '§3.1, список сотрудников (подписи столбцов не опубликованы)',
  headerLines: 1,
  match: 'caption',
  columns: withAliases(
    cols([
      ['№', 'rowNo'],
      ...PERSON_NAME,
      ['Пол', 'sex', 'sex'],
      ['Дата рождения', 'birthDate', 'date'],
      ['Должность', 'positionMain'],
      ['СНИЛС', 'snils'],
      ['Логин', 'login'],
    ]),
    { rowNo: ['№ п/п'], login: ['Имя пользователя'], positionMain: ['Должность основная'] },
  ),
  header: captionsHeader,
};

export const movementBookExport: FileFormat = {
  id: 'movementBookExport',
  title: 'Книга движения (выгрузка портала)',
  entity: 'movement',
  portalSide: 'export',
  confidence: 'low',
  source: '§3.1, Movement/ExportMoveBook.asp (подписи столбцов не опубликованы)',
  headerLines: 1,
  match: 'caption',
  columns: withAliases(
    cols([
      ['№', 'rowNo'],
      ['Дата документа', 'docDate', 'date', true],
      ['Номер документа', 'docNumber'],
      ['Тип документа', 'docType', 'text', true],
      ['Подтип', 'docSubtype'],
      ...PERSON_NAME,
      ['Дата рождения', 'birthDate', 'date'],
      ['Класс', 'className', 'className'],
    ]),
    { docDate: ['Дата', 'Дата приказа'], docNumber: ['Номер', '№ приказа', 'Номер приказа'], docType: ['Тип', 'Вид документа', 'Движение'], docSubtype: ['Подтип документа', 'Причина'] },
  ),
  header: captionsHeader,
};
