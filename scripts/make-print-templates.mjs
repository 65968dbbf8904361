// Writes the default DOCX templates of the print forms (issue 21) into assets/templates/:
// pupil-card.docx («Личная карта обучающегося»), staff-card-t2.docx (форма Т-2), study-certificate.docx
// («Справка об обучении») and work-certificate.docx («Справка с места работы»). Run once after
// changing the layout: `node scripts/make-print-templates.mjs`. The styles and document properties
// come from movement-order.docx, so every template of the app looks the same.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';

const dir = path.resolve(import.meta.dirname, '..', 'assets', 'templates');
const base = new PizZip(fs.readFileSync(path.join(dir, 'movement-order.docx')));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text, { bold = false, size } = {}) =>
  `<w:r>${bold || size ? `<w:rPr>${bold ? '<w:b/>' : ''}${size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : ''}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text, { bold = false, size, align, after = 60 } = {}) =>
  `<w:p><w:pPr><w:spacing w:after="${after}"/>${align ? `<w:jc w:val="${align}"/>` : ''}</w:pPr>${run(text, { bold, size })}</w:p>`;
const heading = (text) => para(text, { bold: true, after: 80, size: 22 });

const BORDERS = '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>';
const cell = (text, width, { bold = false, size = 18 } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${run(text, { bold, size })}</w:p></w:tc>`;
/** A bordered table: a bold header row and body rows (a loop row carries `{#list}` … `{/list}`). */
function table(widths, header, rows) {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const tr = (cells, opts) => `<w:tr>${cells.map((c, i) => cell(c, widths[i], opts)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${header ? tr(header, { bold: true }) : ''}${rows.map((r) => tr(r)).join('')}</w:tbl>${para('', { after: 120 })}`;
}
/** Label — value lines as a two-column table without borders. */
function fields(pairs) {
  const rows = pairs
    .map(([label, value]) => `<w:tr>${cell(label, 3600, { size: 20 })}${cell(value, 5800, { bold: true, size: 20 })}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="9400" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="3600"/><w:gridCol w:w="5800"/></w:tblGrid>${rows}</w:tbl>${para('', { after: 120 })}`;
}

// `node scripts/make-print-templates.mjs study-certificate.docx` writes just the named templates.
const only = process.argv.slice(2);

function write(name, body) {
  if (only.length > 0 && !only.includes(name)) return;
  const zip = new PizZip();
  for (const f of Object.keys(base.files)) if (!base.files[f].dir && f !== 'word/document.xml') zip.file(f, base.files[f].asNodeBuffer());
  const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}${sect}</w:body></w:document>`,
  );
  fs.writeFileSync(path.join(dir, name), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`written ${name}`);
}

write(
  'pupil-card.docx',
  [
    para('{schoolFullName}', { bold: true, align: 'center', after: 0 }),
    para('{schoolAddress}', { align: 'center', size: 18, after: 200 }),
    para('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ', { bold: true, align: 'center', size: 28, after: 60 }),
    para('Личное дело № {personalFileNumber}   ·   № в алфавитной книге {alphabetBookNumber}', { align: 'center', after: 200 }),
    heading('1. Общие сведения'),
    fields([
      ['Фамилия', '{lastName}'],
      ['Имя', '{firstName}'],
      ['Отчество', '{middleName}'],
      ['Пол', '{sex}'],
      ['Дата рождения', '{birthDate}'],
      ['Место рождения', '{placeOfBirth}'],
      ['Гражданство', '{citizenship}'],
      ['Документ, удостоверяющий личность', '{identityDocument}'],
      ['СНИЛС', '{snils}'],
      ['Адрес регистрации', '{registrationAddress}'],
      ['Адрес проживания', '{actualAddress}'],
      ['Телефон', '{phone}'],
    ]),
    heading('2. Родители (законные представители)'),
    table([1800, 3800, 1800, 2000], ['Кем приходится', 'ФИО', 'Телефон', 'Место работы'], [['{#parents}{relation}', '{fullName}', '{phone}', '{workplace}{/parents}']]),
    heading('3. Зачисление'),
    fields([
      ['Дата зачисления', '{enrolDate}'],
      ['Приказ', '{enrolOrder}'],
      ['В класс', '{enrolClass}'],
      ['Прибыл из', '{previousSchool}'],
    ]),
    heading('4. Обучение по годам'),
    table([1700, 1200, 1500, 1500, 3500], ['Учебный год', 'Класс', 'С', 'По', 'Основание'], [['{#classes}{yearName}', '{className}', '{from}', '{to}', '{cause}{/classes}']]),
    heading('5. Здоровье и особые образовательные потребности'),
    fields([
      ['Группа здоровья', '{healthGroup}'],
      ['Физкультурная группа', '{peGroup}'],
      ['ОВЗ', '{ovz}'],
      ['Адаптированная программа', '{adaptedProgramme}'],
      ['Заключение ПМПК', '{pmpk}'],
    ]),
    heading('6. Выбытие'),
    fields([
      ['Дата выбытия', '{leaveDate}'],
      ['Приказ', '{leaveOrder}'],
      ['Куда выбыл', '{leaveTo}'],
    ]),
    para('Дата печати: {printedOn}', { size: 18, after: 120 }),
    para('Классный руководитель ____________________      Секретарь ____________________', { after: 0 }),
  ].join(''),
);

write(
  'staff-card-t2.docx',
  [
    para('{schoolFullName}', { bold: true, align: 'center', after: 0 }),
    para('Унифицированная форма № Т-2. Утверждена постановлением Госкомстата России от 05.01.2004 № 1. Код формы по ОКУД 0301002', { align: 'right', size: 16, after: 120 }),
    para('ЛИЧНАЯ КАРТОЧКА РАБОТНИКА', { bold: true, align: 'center', size: 28, after: 120 }),
    table(
      [1500, 1400, 1700, 1300, 1100, 1300, 1100],
      ['Дата составления', 'Табельный номер', 'ИНН', 'СНИЛС', 'Алфавит', 'Вид работы', 'Пол'],
      [['{printedOn}', '{personnelNumber}', '{inn}', '{snils}', '{alphabet}', '{workKind}', '{sex}']],
    ),
    heading('I. ОБЩИЕ СВЕДЕНИЯ'),
    fields([
      ['1. Фамилия, имя, отчество', '{fullName}'],
      ['2. Дата рождения', '{birthDate}'],
      ['4. Гражданство', '{citizenship}'],
      ['8. Стаж работы: общий', '{totalExperience}'],
      ['    педагогический', '{pedExperience}'],
      ['9. Состояние в браке', '{familyStatus}'],
      ['11. Паспорт', '{passport}'],
      ['12. Адрес по регистрации', '{registrationAddress}'],
      ['    фактический', '{actualAddress}'],
      ['    телефон', '{phone}'],
    ]),
    para('6. Образование', { bold: true }),
    table([1900, 3000, 1500, 700, 2300], ['Уровень', 'Образовательное учреждение', 'Документ', 'Год', 'Квалификация, специальность'], [['{#educations}{level}', '{institution}', '{document}', '{year}', '{qualification} {specialty}{/educations}']]),
    para('10. Состав семьи', { bold: true }),
    table([2500, 5000, 1900], ['Степень родства', 'ФИО', 'Год рождения'], [['{#family}{relation}', '{fullName}', '{birthYear}{/family}']]),
    heading('III. ПРИЕМ НА РАБОТУ И ПЕРЕВОДЫ НА ДРУГУЮ РАБОТУ'),
    table([1400, 4200, 900, 1500, 1400], ['Дата', 'Должность', 'Ставка', 'Основание (приказ №)', 'Окончание'], [['{#positions}{startDate}', '{position}', '{rate}', '{orderNumber}', '{endDate}{/positions}']]),
    heading('IV. АТТЕСТАЦИЯ'),
    fields([
      ['Квалификационная категория', '{category}'],
      ['Дата присвоения', '{categoryDate}'],
      ['Следующая аттестация', '{nextAttestationDate}'],
    ]),
    heading('V. ПОВЫШЕНИЕ КВАЛИФИКАЦИИ'),
    table([1200, 1200, 3000, 2200, 700, 1100], ['Начало', 'Окончание', 'Программа', 'Учреждение', 'Часов', 'Документ'], [['{#qualifications}{startDate}', '{endDate}', '{programme}', '{institution}', '{hours}', '{document}{/qualifications}']]),
    heading('VI. ПРОФЕССИОНАЛЬНАЯ ПЕРЕПОДГОТОВКА'),
    table([1200, 1200, 3000, 2200, 700, 1100], ['Начало', 'Окончание', 'Специальность (программа)', 'Учреждение', 'Часов', 'Документ'], [['{#retrainings}{startDate}', '{endDate}', '{programme}', '{institution}', '{hours}', '{document}{/retrainings}']]),
    heading('VII. НАГРАДЫ (ПООЩРЕНИЯ), ПОЧЕТНЫЕ ЗВАНИЯ'),
    para('{awards}', { after: 120 }),
    heading('XI. ОСНОВАНИЕ ПРЕКРАЩЕНИЯ ТРУДОВОГО ДОГОВОРА (УВОЛЬНЕНИЯ)'),
    fields([
      ['Дата увольнения', '{dismissalDate}'],
      ['Приказ', '{dismissalOrder}'],
      ['Основание', '{dismissalNote}'],
    ]),
    para('Работник кадровой службы ____________________     Работник ____________________', { after: 0 }),
  ].join(''),
);

/** A numbered certificate: the school's header, «СПРАВКА № …», the text, the director's signature. */
const certificate = (lines) => [
  para('{schoolFullName}', { bold: true, align: 'center', after: 0 }),
  para('{schoolAddress}', { align: 'center', size: 18, after: 300 }),
  para('СПРАВКА № {number}', { bold: true, align: 'center', size: 28, after: 60 }),
  para('от {issuedOn}', { align: 'center', after: 300 }),
  ...lines.map((l) => para(l, { after: 120, align: 'both' })),
  para('Справка выдана для предъявления {purpose}.', { after: 600 }),
  para('Директор ____________________ {directorName}', { after: 120 }),
  para('М. П.', { after: 0 }),
].join('');

write(
  'study-certificate.docx',
  certificate([
    'Выдана {nameDat}, {birthDate} года рождения, в том, что {nameNom} действительно является {pupilWordIns} {className} класса {schoolFullName} в {yearName} учебном году.',
    'Обучается по {programme}. Зачислен(а) {enrolDate} (приказ {enrolOrder}).',
  ]),
);

write(
  'work-certificate.docx',
  certificate([
    'Выдана {nameDat} в том, что {nameNom} действительно {works} в {schoolFullName} в должности «{position}» с {hireDate} (приказ о приёме {hireOrder}){workedTill}.',
  ]),
);
