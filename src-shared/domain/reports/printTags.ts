import type { PrintFormKey } from './catalogue';

/**
 * The tags the print forms' DOCX templates may use (docxtemplater syntax: `{tag}`, loops
 * `{#list}…{/list}`). Shown next to the upload button; the default templates in
 * `assets/templates/` use every one of them.
 */
export interface PrintTag {
  tag: string;
  meaning: string;
}

const SCHOOL: PrintTag[] = [
  { tag: '{schoolFullName}', meaning: 'полное наименование школы (карточка ОО)' },
  { tag: '{schoolAddress}', meaning: 'адрес школы' },
  { tag: '{printedOn}', meaning: 'дата печати, дд.мм.гггг' },
];

const CERTIFICATE: PrintTag[] = [
  { tag: '{number} {issuedOn}', meaning: 'номер справки по журналу и дата выдачи' },
  { tag: '{purpose}', meaning: 'для предъявления («по месту требования»)' },
  { tag: '{directorName}', meaning: 'директор (карточка ОО)' },
];

export const PRINT_TAGS: Record<PrintFormKey, PrintTag[]> = {
  'pupil-card': [
    ...SCHOOL,
    { tag: '{personalFileNumber}', meaning: '№ личного дела (например, «К-25»)' },
    { tag: '{alphabetBookNumber}', meaning: '№ в алфавитной книге' },
    { tag: '{lastName} {firstName} {middleName}', meaning: 'фамилия, имя, отчество' },
    { tag: '{sex}', meaning: '«мужской» / «женский»' },
    { tag: '{birthDate}', meaning: 'дата рождения' },
    { tag: '{placeOfBirth}', meaning: 'место рождения' },
    { tag: '{citizenship}', meaning: 'гражданство' },
    { tag: '{snils}', meaning: 'СНИЛС' },
    { tag: '{identityDocument}', meaning: 'свидетельство о рождении или паспорт: серия, номер, кем и когда выдан' },
    { tag: '{registrationAddress}', meaning: 'адрес регистрации' },
    { tag: '{actualAddress}', meaning: 'адрес проживания' },
    { tag: '{phone}', meaning: 'телефон обучающегося' },
    { tag: '{#parents}…{/parents}', meaning: 'родители: {relation}, {fullName}, {phone}, {workplace}' },
    { tag: '{enrolDate} {enrolOrder} {enrolClass} {previousSchool}', meaning: 'зачисление: дата, приказ, класс, откуда прибыл' },
    { tag: '{#classes}…{/classes}', meaning: 'классы по годам: {yearName}, {className}, {from}, {to}, {cause}' },
    { tag: '{leaveDate} {leaveOrder} {leaveTo}', meaning: 'выбытие: дата, приказ, куда выбыл (пусто, если обучается)' },
    { tag: '{healthGroup} {peGroup}', meaning: 'группа здоровья, физкультурная группа' },
    { tag: '{ovz} {adaptedProgramme} {pmpk}', meaning: 'ОВЗ (да/нет, категория), адаптированная программа, заключение ПМПК' },
  ],
  'staff-card-t2': [
    ...SCHOOL,
    { tag: '{personnelNumber}', meaning: 'табельный номер' },
    { tag: '{inn} {snils}', meaning: 'ИНН, СНИЛС' },
    { tag: '{alphabet}', meaning: 'первая буква фамилии' },
    { tag: '{workKind}', meaning: '«основная» или «по совместительству»' },
    { tag: '{sex}', meaning: '«мужской» / «женский»' },
    { tag: '{fullName} {birthDate} {citizenship}', meaning: 'раздел I, п. 1, 2, 4' },
    { tag: '{#educations}…{/educations}', meaning: 'образование: {level}, {institution}, {document}, {year}, {qualification}, {specialty}' },
    { tag: '{totalExperience} {pedExperience}', meaning: 'стаж на дату печати (лет, месяцев)' },
    { tag: '{familyStatus} {#family}…{/family}', meaning: 'состояние в браке; состав семьи: {relation}, {fullName}, {birthYear}' },
    { tag: '{passport}', meaning: 'паспорт: серия, номер, дата, кем выдан' },
    { tag: '{registrationAddress} {actualAddress} {phone}', meaning: 'адреса и телефон' },
    { tag: '{#positions}…{/positions}', meaning: 'раздел III: {startDate}, {position}, {rate}, {orderNumber}, {endDate}' },
    { tag: '{category} {categoryDate} {nextAttestationDate}', meaning: 'раздел IV: категория, дата присвоения, следующая аттестация' },
    { tag: '{#qualifications}…{/qualifications}', meaning: 'раздел V: {startDate}, {endDate}, {programme}, {institution}, {hours}, {document}' },
    { tag: '{#retrainings}…{/retrainings}', meaning: 'раздел VI: те же поля' },
    { tag: '{awards}', meaning: 'раздел VII: награды и почётные звания' },
    { tag: '{dismissalDate} {dismissalOrder} {dismissalNote}', meaning: 'раздел XI: увольнение' },
  ],
  'study-certificate': [
    ...SCHOOL,
    ...CERTIFICATE,
    { tag: '{nameNom} {nameDat} {nameGen}', meaning: 'ФИО обучающегося в именительном, дательном («Выдана Иванову Ивану Ивановичу») и родительном падеже' },
    { tag: '{birthDate}', meaning: 'дата рождения' },
    { tag: '{pupilWordIns}', meaning: '«обучающимся» / «обучающейся» (является кем)' },
    { tag: '{className} {grade} {yearName}', meaning: 'класс («5А»), номер класса, учебный год («2026/2027»)' },
    { tag: '{enrolOrder} {enrolDate}', meaning: 'приказ о зачислении и дата зачисления' },
    { tag: '{programme}', meaning: 'основная или адаптированная образовательная программа' },
  ],
  'work-certificate': [
    ...SCHOOL,
    ...CERTIFICATE,
    { tag: '{nameNom} {nameDat} {nameGen}', meaning: 'ФИО сотрудника в именительном, дательном и родительном падеже' },
    { tag: '{position}', meaning: 'основная должность на дату справки' },
    { tag: '{hireDate} {hireOrder}', meaning: 'дата приёма на работу и приказ о приёме' },
    { tag: '{works} {workedTill}', meaning: '«работает» / «работал» («работала»); « по настоящее время» или « по 30.06.2026» уволенному' },
  ],
};
