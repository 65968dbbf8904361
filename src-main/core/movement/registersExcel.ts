import type { ExportedFile } from '../../../src-shared/contract/files';
import { ORDER_STATUSES, ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { fullName } from '../../../src-shared/domain/names';
import { addBodyRow, addHeader, addTitle, newWorkbook, ru, toFile } from '../foundation/xlsxSheet';
import { listBook, type BookFilter } from './repo/book';
import { listAlphabet } from './repo/register';
import { listOrders, loadItems } from './repo/orders';
import type { Executor } from '../foundation/executor';
import { findYear, schoolShortName } from '../schoolSetup/index';

/** The three registers of the movement book as Excel: the book, the order book, the alphabet book. */


export async function exportBook(db: Executor, f: BookFilter): Promise<ExportedFile> {
  const entries = await listBook(db, f);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Книга движения', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const period = f.from || f.to ? `за период ${f.from ? `с ${ru(f.from)}` : ''} ${f.to ? `по ${ru(f.to)}` : ''}`.trim() : 'все записи';
  addTitle(ws, ['Книга движения учащихся', `${await schoolShortName(db)}; ${period}`], 11);
  addHeader(
    ws,
    ['№ п/п', 'Дата движения', 'Приказ №', 'Дата приказа', '№ в алфавитной книге', 'ФИО обучающегося', 'Дата рождения', 'Движение', 'Из класса', 'В класс', 'Откуда прибыл / куда выбыл, основание'],
    [7, 12, 10, 12, 11, 34, 12, 26, 9, 9, 44],
  );
  for (const e of entries) {
    const row = addBodyRow(ws, [
      e.seq,
      ru(e.effectiveDate),
      e.orderNumber,
      ru(e.orderDate),
      e.alphabetNumber,
      e.pupilName,
      ru(e.birthDate),
      e.status === 'cancelled' ? `${e.event} (приказ отменён)` : e.event,
      e.fromClassName,
      e.toClassName,
      e.details,
    ]);
    if (e.status === 'cancelled') row.font = { strike: true, color: { argb: 'FF888888' } };
  }
  return toFile(wb, `Книга движения учащихся.xlsx`, entries.length);
}

export async function exportOrderBook(db: Executor, yearId: string | null): Promise<ExportedFile> {
  const orders = (await listOrders(db, { yearId, type: null, status: null, search: '' })).filter((o) => o.status !== 'draft').reverse();
  const items = await loadItems(db, orders.map((o) => o.id));
  const year = yearId ? await findYear(db, yearId) : undefined;
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Книга приказов', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, ['Книга приказов по движению обучающихся', `${await schoolShortName(db)}${year ? `; ${year.name} учебный год` : ''}`], 8);
  addHeader(ws, ['№ приказа', 'Дата', 'Вид', 'Заголовок', 'Обучающиеся (классы)', 'Пунктов', 'Подписал', 'Состояние'], [11, 12, 24, 40, 60, 9, 24, 22]);
  for (const o of orders) {
    const list = items.filter((i) => i.orderId === o.id);
    const pupils = list.map((i) => `${fullName(i)} (${[i.fromClassName, i.toClassName].filter(Boolean).join(' → ')})`).join('; ');
    const row = addBodyRow(ws, [o.numberText, ru(o.orderDate), ORDER_TYPE_INFO[o.type as OrderType].label, o.title, pupils, list.length, o.signatoryName, ORDER_STATUSES[o.status]]);
    if (o.status === 'cancelled') row.font = { strike: true, color: { argb: 'FF888888' } };
  }
  return toFile(wb, `Книга приказов по движению${year ? ` ${year.name}` : ''}.xlsx`, items.length);
}

export async function exportAlphabet(db: Executor, search: string): Promise<ExportedFile> {
  const entries = await listAlphabet(db, search);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Алфавитная книга', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  addTitle(ws, ['Алфавитная книга записи обучающихся', await schoolShortName(db)], 8);
  addHeader(ws, ['№ записи', '№ личного дела', 'ФИО обучающегося', 'Дата рождения', 'Дата записи', 'Приказ о зачислении', 'Класс сейчас', 'Отметка'], [10, 12, 36, 13, 13, 14, 12, 40]);
  for (const e of entries) {
    const row = addBodyRow(ws, [e.number, e.personalFileNumber, e.pupilName, ru(e.birthDate), ru(e.assignedOn), e.orderNumber, e.currentClassName, e.status === 'annulled' ? `Запись аннулирована: ${e.annulReason ?? ''}` : '']);
    if (e.status === 'annulled') row.font = { strike: true, color: { argb: 'FF888888' } };
  }
  return toFile(wb, 'Алфавитная книга.xlsx', entries.length);
}
