import type { PupilCreateInput } from '../../../src-shared/contract/people';
import type { StaffCreateInput } from '../../../src-shared/contract/staff';
import type { ApiClient } from '../../../src-shared/transport';
import { order, saveAndSign } from '../movement/movementFixture';

/**
 * A small school built through the app's own write paths (school card, year, classes, subjects,
 * staff and pupil cards, signed orders of the movement book), small enough to count every report
 * figure by hand. The hand counts are in tests/integration/reports/*.test.ts next to each report.
 *
 * Pupils (class, sex, birth date, card values that the reports count):
 *  p1  1А  М 2019-05-10  health I,  PE основная, полная семья
 *  p2  1А  Ж 2019-11-20  health II, PE основная, неполная (мать) + многодетная; малоимущая
 *  p3  5А  М 2015-03-03  health III, подготовительная, ОВЗ (ЗПР); семья участника СВО
 *  p4  5А  Ж 2015-08-15  health II, основная, гражданка Казахстана; withdraws 01.12.2026
 *  p5  5Б  М 2014-12-31  no health/PE groups, ребёнок-инвалид, на дому, опекаемый
 *  p6  9А  Ж 2011-02-01  health I, основная, многодетная семья
 *  p7  9А  М 2011-06-06  health II, основная, интернат
 *  p8  11А Ж 2009-01-15  health IV, специальная «А», КДН + многодетная семья
 *  p9  3В  М 2017-04-04  (class by АООП, вариант 7.2) ОВЗ (ЗПР)
 *  p11 11А М 2009-07-07  health II, основная; expelled 25.06.2027 with a справка об обучении
 *  p10 5А  М 2015-02-02  arrives 10.11.2026 from another school
 * Staff on 20.09.2026: s1 директор, s2 зам. по УВР (высшая, next attestation 15.02.2027), s3 учитель
 * начальных классов (СПО пед., первая, attestation overdue since 01.11.2026, no courses), s4 учитель
 * математики (высшее непед.), s5 учитель английского (65+, высшая), s6 педагог-психолог, s7 лаборант,
 * s8 сторож; s6's attestation falls due on 20.01.2027; s9 an external part-timer and s10 dismissed 30.06.2026 are not counted.
 */
export interface ReportsFixture {
  yearId: string;
  classes: Record<string, string>;
  pupils: Record<string, string>;
  staff: Record<string, string>;
}

type PupilSpec = Partial<PupilCreateInput> & { key: string; cls: string; lastName: string; firstName: string; sex: 'М' | 'Ж'; birthDate: string };

const PUPILS: PupilSpec[] = [
  { key: 'p1', cls: '1А', lastName: 'Иванов', firstName: 'Пётр', middleName: 'Сергеевич', sex: 'М', birthDate: '2019-05-10', healthGroup: 'I', peGroup: 'основная', familyComposition: ['полная семья'] },
  { key: 'p2', cls: '1А', lastName: 'Петрова', firstName: 'Анна', middleName: 'Игоревна', sex: 'Ж', birthDate: '2019-11-20', healthGroup: 'II', peGroup: 'основная', familyComposition: ['неполная семья (мать)', 'многодетная семья'], socialStatus: ['малоимущая семья'] },
  { key: 'p3', cls: '5А', lastName: 'Сидоров', firstName: 'Иван', middleName: 'Павлович', sex: 'М', birthDate: '2015-03-03', healthGroup: 'III', peGroup: 'подготовительная', hasOvz: true, ovzCategory: 'задержка психического развития (ЗПР)', socialStatus: ['семья участника СВО'] },
  { key: 'p4', cls: '5А', lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Алексеевна', sex: 'Ж', birthDate: '2015-08-15', healthGroup: 'II', peGroup: 'основная', citizenship: 'Республика Казахстан' },
  { key: 'p5', cls: '5Б', lastName: 'Смирнов', firstName: 'Олег', middleName: 'Викторович', sex: 'М', birthDate: '2014-12-31', disabilityGroup: 'ребёнок-инвалид', homeSchooling: true, familyComposition: ['опекаемый'] },
  { key: 'p6', cls: '9А', lastName: 'Волкова', firstName: 'Дарья', middleName: 'Андреевна', sex: 'Ж', birthDate: '2011-02-01', healthGroup: 'I', peGroup: 'основная', familyComposition: ['многодетная семья'] },
  { key: 'p7', cls: '9А', lastName: 'Орлов', firstName: 'Кирилл', middleName: 'Денисович', sex: 'М', birthDate: '2011-06-06', healthGroup: 'II', peGroup: 'основная', boarding: true },
  { key: 'p8', cls: '11А', lastName: 'Морозова', firstName: 'Ольга', middleName: 'Николаевна', sex: 'Ж', birthDate: '2009-01-15', healthGroup: 'IV', peGroup: 'специальная «А»', socialStatus: ['учёт в КДН', 'многодетная семья'] },
  { key: 'p9', cls: '3В', lastName: 'Лебедев', firstName: 'Артём', middleName: 'Ильич', sex: 'М', birthDate: '2017-04-04', hasOvz: true, ovzCategory: 'задержка психического развития (ЗПР)' },
  { key: 'p11', cls: '11А', lastName: 'Зайцев', firstName: 'Денис', middleName: 'Олегович', sex: 'М', birthDate: '2009-07-07', healthGroup: 'II', peGroup: 'основная' },
];

const edu = (level: string, pedagogical: boolean | null) => ({ level, institution: 'Алтайский государственный педагогический университет', diplomaDate: '2000-06-25', diplomaNumber: 'ДВС 1234567', specialty: null, qualification: null, pedagogical });
const course = (endDate: string, kind: 'qualification' | 'retraining' = 'qualification') => ({ kind, startDate: null, endDate, institution: 'АИРО им. А. М. Топорова', programme: 'Реализация обновлённых ФГОС', hours: 72, document: 'удостоверение' });
const main = (position: string, startDate = '2015-08-25', rate = 1) => ({ position, kind: 'main' as const, rate, startDate, endDate: null, orderNumber: '1-к' });

const STAFF: (StaffCreateInput & { key: string; subject?: string })[] = [
  { key: 's1', lastName: 'Шарапова', firstName: 'Елена', middleName: 'Викторовна', sex: 'Ж', birthDate: '1970-05-05', positions: [main('Директор')], educations: [edu('высшее — специалитет', true)], totalExperienceStart: '1992-09-01', pedExperienceStart: '1992-09-01', trainings: [course('2025-03-20')] },
  { key: 's2', lastName: 'Громова', firstName: 'Ирина', middleName: 'Петровна', sex: 'Ж', birthDate: '1980-02-02', positions: [main('Заместитель директора по учебно-воспитательной работе')], educations: [edu('высшее — специалитет', true)], qualificationCategory: 'высшая', categoryDate: '2022-02-15', nextAttestationDate: '2027-02-15', totalExperienceStart: '2002-09-01', pedExperienceStart: '2002-09-01', trainings: [course('2024-11-10')] },
  { key: 's3', lastName: 'Белова', firstName: 'Наталья', middleName: 'Ивановна', sex: 'Ж', birthDate: '1990-09-09', positions: [main('Учитель начальных классов')], educations: [edu('среднее профессиональное', true)], qualificationCategory: 'первая', categoryDate: '2021-11-01', nextAttestationDate: '2026-11-01', totalExperienceStart: '2010-09-01', pedExperienceStart: '2010-09-01' },
  { key: 's4', lastName: 'Котов', firstName: 'Андрей', middleName: 'Олегович', sex: 'М', birthDate: '1995-01-01', positions: [main('Учитель')], educations: [edu('высшее — бакалавриат', false)], totalExperienceStart: '2017-07-01', pedExperienceStart: '2018-09-01', trainings: [course('2026-04-15')], subject: 'Математика' },
  { key: 's5', lastName: 'Полякова', firstName: 'Галина', middleName: 'Степановна', sex: 'Ж', birthDate: '1960-06-06', positions: [main('Учитель', '1990-08-25', 1.5)], educations: [edu('высшее — специалитет', true)], qualificationCategory: 'высшая', categoryDate: '2024-01-10', nextAttestationDate: '2029-01-10', totalExperienceStart: '1982-09-01', pedExperienceStart: '1982-09-01', trainings: [course('2024-06-30', 'retraining')], subject: 'Английский язык' },
  { key: 's6', lastName: 'Ершова', firstName: 'Алла', middleName: 'Юрьевна', sex: 'Ж', birthDate: '1985-05-05', positions: [main('Педагог-психолог', '2015-08-25', 0.5)], educations: [edu('высшее — магистратура', true)], qualificationCategory: 'соответствие занимаемой должности', categoryDate: '2022-01-20', nextAttestationDate: '2027-01-20', totalExperienceStart: '2008-09-01', pedExperienceStart: '2008-09-01', trainings: [course('2025-10-01')] },
  { key: 's7', lastName: 'Жукова', firstName: 'Вера', middleName: 'Павловна', sex: 'Ж', birthDate: '2000-01-01', positions: [main('Лаборант', '2022-09-01')], educations: [edu('среднее общее', false)], totalExperienceStart: '2022-09-01' },
  { key: 's8', lastName: 'Рыбин', firstName: 'Пётр', middleName: 'Ильич', sex: 'М', birthDate: '1955-03-03', positions: [main('Сторож (вахтёр)', '2010-01-10')], totalExperienceStart: '1975-06-01' },
  { key: 's9', lastName: 'Денисова', firstName: 'Юлия', middleName: 'Андреевна', sex: 'Ж', birthDate: '1988-08-08', positions: [{ position: 'Учитель', kind: 'additional', rate: 0.25, startDate: '2025-09-01', endDate: null, orderNumber: '3-к' }], educations: [edu('высшее — специалитет', true)], totalExperienceStart: '2010-09-01', pedExperienceStart: '2010-09-01' },
  { key: 's10', lastName: 'Ушакова', firstName: 'Лидия', middleName: 'Борисовна', sex: 'Ж', birthDate: '1975-07-07', hireDate: '2000-08-25', dismissalDate: '2026-06-30', positions: [{ ...main('Учитель', '2000-08-25'), endDate: '2026-06-30' }], educations: [edu('высшее — специалитет', true)] },
];

export async function seedReportsSchool(client: ApiClient): Promise<ReportsFixture> {
  const card = await client.call('school.card.get');
  await client.call('school.card.save', {
    version: card.version,
    card: { fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»', shortName: 'МБОУ «СОШ № 6»', kind: 'Средняя общеобразовательная школа', legalAddress: '656056, г. Барнаул, ул. Школьная, д. 6', actualAddress: '656056, г. Барнаул, ул. Школьная, д. 6' },
  });
  const year = await client.call('setup.years.save', { id: null, version: 0, year: { name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' } });
  await client.call('setup.years.setCurrent', { id: year.id });
  const staff: Record<string, string> = {};
  for (const { key, subject: _subject, ...s } of STAFF) staff[key] = (await client.call('staff.create', s)).id;
  for (const { key, subject } of STAFF) {
    if (!subject) continue;
    const created = await client.call('setup.subjects.save', { id: null, version: 0, subject: { name: subject, shortName: subject.slice(0, 5) } });
    await client.call('load.qualifications.save', { staffId: staff[key], subjectIds: [created.id] });
  }
  const classes: Record<string, string> = {};
  const teacherOf: Record<string, string> = { '1А': 's3', '5А': 's4', '11А': 's5' };
  for (const name of ['1А', '3В', '5А', '5Б', '9А', '11А']) {
    const grade = Number(/^\d+/.exec(name)?.[0]);
    const aoop = name === '3В';
    const r = await client.call('setup.classes.save', {
      yearId: year.id,
      id: null,
      version: 0,
      cls: { grade, letter: name.replace(/^\d+/, ''), classTeacherId: teacherOf[name] ? staff[teacherOf[name]] : null, programme: aoop ? 'АООП' : 'ООП', programmeVariant: aoop ? 'вариант 7.2 (ЗПР)' : null },
    });
    classes[name] = r.cls.id;
  }
  const pupils: Record<string, string> = {};
  for (const { key, cls: _cls, ...p } of PUPILS) pupils[key] = (await client.call('people.pupils.create', p)).id;
  const parent = await client.call('people.parents.create', { lastName: 'Петрова', firstName: 'Светлана', middleName: 'Игоревна', sex: 'Ж', birthDate: '1988-03-03', phoneMobile: '+7 (913) 111-22-33' });
  await client.call('people.links.add', { pupilId: pupils.p2, parentId: parent.id, relation: 'мать', isLegalRepresentative: true });
  await saveAndSign(client, order('enroll', '2026-08-28', PUPILS.map((p) => ({ pupilId: pupils[p.key], toClassId: classes[p.cls], effectiveDate: '2026-09-01', enrollKind: 'contingent' }))));
  pupils.p10 = (await client.call('people.pupils.create', { lastName: 'Новиков', firstName: 'Глеб', middleName: 'Романович', sex: 'М', birthDate: '2015-02-02', healthGroup: 'II', peGroup: 'основная' })).id;
  await saveAndSign(client, order('enroll', '2026-11-09', [{ pupilId: pupils.p10, toClassId: classes['5А'], effectiveDate: '2026-11-10', enrollKind: 'otherSchool', originSchool: 'МБОУ «СОШ № 12» г. Барнаула' }]));
  await saveAndSign(client, order('withdraw', '2026-11-30', [{ pupilId: pupils.p4, fromClassId: classes['5А'], effectiveDate: '2026-12-01', destinationKind: 'sameRegion', destinationSchool: 'МБОУ «Гимназия № 22» г. Барнаула' }]));
  return { yearId: year.id, classes, pupils, staff };
}

/** The year's end: p11 leaves 11А with a справка, then the rollover promotes, keeps and graduates the rest. */
export async function closeYear(client: ApiClient, fx: ReportsFixture): Promise<string> {
  await saveAndSign(client, order('expel', '2027-06-24', [{ pupilId: fx.pupils.p11, fromClassId: fx.classes['11А'], effectiveDate: '2027-06-25', reason: 'не прошёл ГИА; выдана справка об обучении' }]));
  const applied = await client.call('movement.rollover.apply', {
    fromYearId: fx.yearId,
    targetYear: { name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' },
    promotionOrderDate: '2027-05-31',
    graduationOrderDate: '2027-06-25',
    graduationDate: '2027-06-30',
    // 9А graduates; the one who repeats the year needs a 9А in the new year.
    newClasses: [{ grade: 9, letter: 'А' }],
    exceptions: [
      { pupilId: fx.pupils.p3, action: 'conditional', reason: 'академическая задолженность по математике' },
      { pupilId: fx.pupils.p7, action: 'repeat', reason: 'по заявлению родителей' },
      { pupilId: fx.pupils.p6, action: 'graduate' },
    ],
  });
  return applied.yearId;
}
