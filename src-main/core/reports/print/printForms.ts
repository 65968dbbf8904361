import type { ExportedFile } from '../../../../src-shared/contract/files';
import { PRINT_FORMS, type PrintFormKey } from '../../../../src-shared/domain/reports/catalogue';
import { AppError } from '../../../../src-shared/errors';
import { assertCanSeePupil } from '../../access/index';
import { schoolToday } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { DOCX_MIME, PDF_MIME } from '../../movement/index';
import { compileTemplate, templateProblem } from '../../movement/index';
import { renderCardPdf, type PdfCard } from './pdfCard';
import { pupilCardData, staffCardData, type PrintData } from './printData';
import { currentPrintTemplate } from './printTemplates';
import { pupilExists } from '../repo/lookups';

/**
 * Printing a pupil's личная карта or a staff member's Т-2 card: DOCX from the school's template (or
 * the default), or PDF in the app's layout. The export's audit row says whose card left the app.
 */
type Rows = Record<string, string>[];
const list = (d: PrintData, key: string) => (d[key] as Rows | undefined) ?? [];
const text = (d: PrintData, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');

function pupilPdf(d: PrintData): PdfCard {
  const t = (k: string) => text(d, k);
  return {
    title: 'ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ',
    top: [t('schoolFullName'), t('schoolAddress')],
    subtitle: [`Личное дело № ${t('personalFileNumber') || '—'} · № в алфавитной книге ${t('alphabetBookNumber') || '—'}`],
    blocks: [
      { kind: 'heading', text: '1. Общие сведения' },
      {
        kind: 'fields',
        pairs: [
          ['Фамилия, имя, отчество', `${t('lastName')} ${t('firstName')} ${t('middleName')}`.trim()],
          ['Пол', t('sex')],
          ['Дата рождения', t('birthDate')],
          ['Место рождения', t('placeOfBirth')],
          ['Гражданство', t('citizenship')],
          ['Документ, удостоверяющий личность', t('identityDocument')],
          ['СНИЛС', t('snils')],
          ['Адрес регистрации', t('registrationAddress')],
          ['Адрес проживания', t('actualAddress')],
          ['Телефон', t('phone')],
        ],
      },
      { kind: 'heading', text: '2. Родители (законные представители)' },
      { kind: 'table', widths: [18, 38, 18, 26], header: ['Кем приходится', 'ФИО', 'Телефон', 'Место работы'], rows: list(d, 'parents').map((p) => [p.relation, p.fullName, p.phone, p.workplace]) },
      { kind: 'heading', text: '3. Зачисление' },
      { kind: 'fields', pairs: [['Дата зачисления', t('enrolDate')], ['Приказ', t('enrolOrder')], ['В класс', t('enrolClass')], ['Прибыл из', t('previousSchool')]] },
      { kind: 'heading', text: '4. Обучение по годам' },
      { kind: 'table', widths: [17, 12, 15, 18, 38], header: ['Учебный год', 'Класс', 'С', 'По', 'Основание'], rows: list(d, 'classes').map((c) => [c.yearName, c.className, c.from, c.to, c.cause]) },
      { kind: 'heading', text: '5. Здоровье и особые образовательные потребности' },
      { kind: 'fields', pairs: [['Группа здоровья', t('healthGroup')], ['Физкультурная группа', t('peGroup')], ['ОВЗ', t('ovz')], ['Адаптированная программа', t('adaptedProgramme')], ['Заключение ПМПК', t('pmpk')]] },
      { kind: 'heading', text: '6. Выбытие' },
      { kind: 'fields', pairs: [['Дата выбытия', t('leaveDate')], ['Приказ', t('leaveOrder')], ['Куда выбыл', t('leaveTo')]] },
    ],
    footer: [`Дата печати: ${t('printedOn')}`, 'Классный руководитель ____________________      Секретарь ____________________'],
  };
}

function staffPdf(d: PrintData): PdfCard {
  const t = (k: string) => text(d, k);
  const course = (r: Record<string, string>) => [r.startDate, r.endDate, r.programme, r.institution, r.hours, r.document];
  return {
    title: 'ЛИЧНАЯ КАРТОЧКА РАБОТНИКА',
    top: [t('schoolFullName')],
    subtitle: ['Унифицированная форма № Т-2 (постановление Госкомстата России от 05.01.2004 № 1), ОКУД 0301002'],
    blocks: [
      { kind: 'table', widths: [15, 13, 17, 16, 9, 16, 10], header: ['Дата составления', 'Табельный номер', 'ИНН', 'СНИЛС', 'Алфавит', 'Вид работы', 'Пол'], rows: [[t('printedOn'), t('personnelNumber'), t('inn'), t('snils'), t('alphabet'), t('workKind'), t('sex')]] },
      { kind: 'heading', text: 'I. ОБЩИЕ СВЕДЕНИЯ' },
      {
        kind: 'fields',
        pairs: [
          ['1. Фамилия, имя, отчество', t('fullName')],
          ['2. Дата рождения', t('birthDate')],
          ['4. Гражданство', t('citizenship')],
          ['8. Стаж работы: общий', t('totalExperience')],
          ['    педагогический', t('pedExperience')],
          ['9. Состояние в браке', t('familyStatus')],
          ['11. Паспорт', t('passport')],
          ['12. Адрес по регистрации', t('registrationAddress')],
          ['    фактический', t('actualAddress')],
          ['    телефон', t('phone')],
        ],
      },
      { kind: 'heading', text: '6. Образование' },
      { kind: 'table', widths: [20, 32, 16, 8, 24], header: ['Уровень', 'Образовательное учреждение', 'Документ', 'Год', 'Квалификация, специальность'], rows: list(d, 'educations').map((e) => [e.level, e.institution, e.document, e.year, `${e.qualification} ${e.specialty}`.trim()]) },
      { kind: 'heading', text: '10. Состав семьи' },
      { kind: 'table', widths: [25, 55, 20], header: ['Степень родства', 'ФИО', 'Год рождения'], rows: list(d, 'family').map((m) => [m.relation, m.fullName, m.birthYear]) },
      { kind: 'heading', text: 'III. ПРИЕМ НА РАБОТУ И ПЕРЕВОДЫ НА ДРУГУЮ РАБОТУ' },
      { kind: 'table', widths: [14, 45, 9, 16, 16], header: ['Дата', 'Должность', 'Ставка', 'Приказ №', 'Окончание'], rows: list(d, 'positions').map((p) => [p.startDate, p.position, p.rate, p.orderNumber, p.endDate]) },
      { kind: 'heading', text: 'IV. АТТЕСТАЦИЯ' },
      { kind: 'fields', pairs: [['Квалификационная категория', t('category')], ['Дата присвоения', t('categoryDate')], ['Следующая аттестация', t('nextAttestationDate')]] },
      { kind: 'heading', text: 'V. ПОВЫШЕНИЕ КВАЛИФИКАЦИИ' },
      { kind: 'table', widths: [12, 12, 32, 24, 7, 13], header: ['Начало', 'Окончание', 'Программа', 'Учреждение', 'Часов', 'Документ'], rows: list(d, 'qualifications').map(course) },
      { kind: 'heading', text: 'VI. ПРОФЕССИОНАЛЬНАЯ ПЕРЕПОДГОТОВКА' },
      { kind: 'table', widths: [12, 12, 32, 24, 7, 13], header: ['Начало', 'Окончание', 'Специальность', 'Учреждение', 'Часов', 'Документ'], rows: list(d, 'retrainings').map(course) },
      { kind: 'heading', text: 'VII. НАГРАДЫ (ПООЩРЕНИЯ), ПОЧЕТНЫЕ ЗВАНИЯ' },
      { kind: 'text', text: t('awards') },
      { kind: 'heading', text: 'XI. ОСНОВАНИЕ ПРЕКРАЩЕНИЯ ТРУДОВОГО ДОГОВОРА (УВОЛЬНЕНИЯ)' },
      { kind: 'fields', pairs: [['Дата увольнения', t('dismissalDate')], ['Приказ', t('dismissalOrder')], ['Основание', t('dismissalNote')]] },
    ],
    footer: ['Работник кадровой службы ____________________     Работник ____________________'],
  };
}

async function render(ctx: HandlerContext, key: PrintFormKey, data: PrintData, format: 'docx' | 'pdf'): Promise<Buffer> {
  return renderPrintForm(ctx, key, data, format, key === 'pupil-card' ? pupilPdf(data) : staffPdf(data));
}

/** A print form as DOCX from the school's template (or the default) or as the app's PDF layout. */
export async function renderPrintForm(ctx: HandlerContext, key: PrintFormKey, data: PrintData, format: 'docx' | 'pdf', pdf: PdfCard, db: Executor = ctx.core.db): Promise<Buffer> {
  if (format === 'pdf') return renderCardPdf(pdf);
  // Inside a caller's transaction the template is read through it (SQLite has one connection).
  const template = await currentPrintTemplate(db, key);
  try {
    const doc = compileTemplate(template.content);
    doc.render(data);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  } catch (err) {
    throw new AppError('VALIDATION', `Шаблон «${template.fileName}» не заполнился: ${templateProblem(err)}. Исправьте шаблон или верните шаблон по умолчанию.`);
  }
}

function file(title: string, name: string, format: 'docx' | 'pdf', content: Buffer): ExportedFile {
  return { fileName: `${title} — ${name}.${format}`.replace(/[\\/:*?"<>|]/g, '_'), mimeType: format === 'docx' ? DOCX_MIME : PDF_MIME, contentBase64: content.toString('base64'), rows: 1 };
}

export async function printPupilCard(ctx: HandlerContext, pupilId: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
  if (!(await pupilExists(ctx.core.db, pupilId))) throw new AppError('NOT_FOUND', 'Карточка обучающегося не найдена: возможно, её удалили или объединили с другой.');
  await assertCanSeePupil(ctx, pupilId);
  const data = (await pupilCardData(ctx.core.db, pupilId, schoolToday())) as PrintData;
  const content = await render(ctx, 'pupil-card', data, format);
  const name = `${text(data, 'lastName')} ${text(data, 'firstName')}`;
  await ctx.audit.record(ctx.core.db, { entity: 'pupil', recordId: pupilId, action: 'export', changes: { form: PRINT_FORMS['pupil-card'].title, format, name } });
  return file(PRINT_FORMS['pupil-card'].title, name, format, content);
}

export async function printStaffCard(ctx: HandlerContext, staffId: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
  const data = await staffCardData(ctx.core.db, staffId, schoolToday());
  if (!data) throw new AppError('NOT_FOUND', 'Карточка сотрудника не найдена: возможно, её удалили или объединили с другой.');
  const content = await render(ctx, 'staff-card-t2', data, format);
  await ctx.audit.record(ctx.core.db, { entity: 'staff', recordId: staffId, action: 'export', changes: { form: PRINT_FORMS['staff-card-t2'].title, format, name: text(data, 'fullName') } });
  return file('Личная карточка Т-2', text(data, 'fullName'), format, content);
}
