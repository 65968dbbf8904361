import type { AddressInput, DocumentInput } from '../../../../src-shared/contract/peopleFields';
import type { EducationInput, FamilyMemberInput, PositionInput, TrainingInput } from '../../../../src-shared/contract/peopleStaffCard';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { DESTINATION_KINDS, ORDER_TYPE_INFO, type DestinationKind, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { documentTitle } from '../../../../src-shared/domain/documents';
import { fullName } from '../../../../src-shared/domain/names';
import { ADDRESS_KINDS, POSITION_KINDS } from '../../../../src-shared/domain/peopleDictionaries';
import type { PrintFormKey } from '../../../../src-shared/domain/reports/catalogue';
import type { Executor } from '../../foundation/executor';
import { CARD_SPECS, readCard, type Card } from '../../people/index';
import { registerNumbersOf } from '../../movement/index';
import { itemsWithOrders, membershipsOfPupil, parentsOfPupil } from '../repo/movementBook';
import { schoolCardNames } from '../repo/lookups';

/**
 * What the print forms say, from the cards and the movement book: one flat object of texts per
 * form, with lists for the loops. The DOCX template and the PDF layout read the same object, so
 * both print the same words.
 */
const ru = (d: string | null | undefined) => (d ? formatRu(d) : '');
export type PrintData = Record<string, string | Record<string, string>[]>;

function addressLine(a: AddressInput | undefined): string {
  if (!a) return '';
  return [a.postalCode, a.region, a.district, a.settlement, a.street ? `ул. ${a.street}` : null, a.house ? `д. ${a.house}` : null, a.building ? `корп. ${a.building}` : null, a.flat ? `кв. ${a.flat}` : null].filter(Boolean).join(', ');
}

function documentLine(d: DocumentInput | undefined): string {
  if (!d) return '';
  return [documentTitle(d), d.issueDate ? `выдан ${ru(d.issueDate)}` : null, d.issuer].filter(Boolean).join(', ');
}

async function school(db: Executor): Promise<{ schoolFullName: string; schoolAddress: string }> {
  const s = await schoolCardNames(db);
  return { schoolFullName: s?.fullName ?? '', schoolAddress: s?.actualAddress ?? s?.legalAddress ?? '' };
}

const addressOf = (card: Card, kind: keyof typeof ADDRESS_KINDS) => card.addresses.find((a) => a.kind === kind);

export async function pupilCardData(db: Executor, id: string, today: string): Promise<PrintData | null> {
  const stored = await readCard(db, CARD_SPECS.pupil, id);
  if (!stored) return null;
  const c = stored.card;
  const memberships = await membershipsOfPupil(db, id);
  const itemIds = memberships.flatMap((m) => [m.orderItemId, m.endOrderItemId]).filter((x): x is string => Boolean(x));
  const items = await itemsWithOrders(db, itemIds);
  const item = new Map(items.map((i) => [i.id, i]));
  const orderText = (itemId: string | null) => {
    const i = itemId ? item.get(itemId) : undefined;
    return i ? `№ ${i.numberText ?? 'б/н'} от ${ru(i.orderDate)}` : '';
  };
  const first = memberships[0];
  const firstItem = first?.orderItemId ? item.get(first.orderItemId) : undefined;
  const last = memberships[memberships.length - 1];
  const lastItem = last?.endOrderItemId ? item.get(last.endOrderItemId) : undefined;
  const left = last?.endDate && lastItem && ['withdraw', 'graduate', 'expel'].includes(lastItem.orderType);
  const parents = await parentsOfPupil(db, id);
  const numbers = await registerNumbersOf(db, id);
  const doc = c.documents.find((d) => d.type === 'passport') ?? c.documents.find((d) => d.type === 'birthCertificate' || d.type === 'foreignBirthCertificate' || d.type === 'foreignPassport');
  return {
    ...(await school(db)),
    printedOn: ru(today),
    personalFileNumber: (c.personalFileNumber as string | null) ?? numbers?.personalFileNumber ?? '',
    alphabetBookNumber: (c.alphabetBookNumber as string | null) ?? (numbers ? String(numbers.alphabetNumber) : ''),
    lastName: c.lastName,
    firstName: c.firstName,
    middleName: c.middleName ?? '',
    sex: c.sex === 'Ж' ? 'женский' : 'мужской',
    birthDate: ru(c.birthDate),
    placeOfBirth: (c.placeOfBirth as string | null) ?? '',
    citizenship: (c.citizenship as string | null) ?? '',
    snils: c.snils ?? '',
    identityDocument: documentLine(doc),
    registrationAddress: addressLine(addressOf(c, 'registration')),
    actualAddress: addressLine(addressOf(c, 'actual') ?? addressOf(c, 'registration')),
    phone: (c.phoneMobile as string | null) ?? (c.phoneHome as string | null) ?? '',
    parents: parents.map((p) => ({ relation: p.relation, fullName: fullName(p), phone: p.phoneMobile ?? p.phoneHome ?? '', workplace: [p.workplace, p.jobTitle].filter(Boolean).join(', ') })),
    enrolDate: ru(first?.startDate),
    enrolOrder: orderText(first?.orderItemId ?? null),
    enrolClass: first?.className ?? '',
    previousSchool: firstItem?.originSchool ?? '',
    classes: memberships.map((m) => ({
      yearName: m.yearName ?? '',
      className: m.className,
      from: ru(m.startDate),
      to: m.endDate ? ru(m.endDate) : 'по настоящее время',
      cause: m.orderItemId ? `${ORDER_TYPE_INFO[item.get(m.orderItemId)?.orderType as OrderType]?.label ?? ''}, приказ ${orderText(m.orderItemId)}` : (m.cause ?? ''),
    })),
    leaveDate: left ? ru(last.endDate) : '',
    leaveOrder: left ? orderText(last.endOrderItemId) : '',
    leaveTo: left ? [ORDER_TYPE_INFO[lastItem.orderType as OrderType]?.label, lastItem.destinationKind ? DESTINATION_KINDS[lastItem.destinationKind as DestinationKind] : null, lastItem.destinationSchool].filter(Boolean).join(': ') : '',
    healthGroup: (c.healthGroup as string | null) ?? '',
    peGroup: (c.peGroup as string | null) ?? '',
    ovz: c.hasOvz ? `да${c.ovzCategory ? `, ${c.ovzCategory as string}` : ''}` : 'нет',
    adaptedProgramme: (c.adaptedProgramme as string | null) ?? '',
    pmpk: c.pmpkNumber || c.pmpkDate ? `№ ${(c.pmpkNumber as string | null) ?? 'б/н'}${c.pmpkDate ? ` от ${ru(c.pmpkDate as string)}` : ''}` : '',
  };
}

/** «12 лет 3 мес.» between a start date and a day. */
export function experienceText(start: string | null, day: string): string {
  if (!start) return '';
  let months = (Number(day.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(start.slice(5, 7));
  if (day.slice(8) < start.slice(8)) months--;
  if (months < 0) return '';
  return `${Math.floor(months / 12)} лет ${months % 12} мес.`;
}

function trainingRow(t: TrainingInput): Record<string, string> {
  return { startDate: ru(t.startDate), endDate: ru(t.endDate), programme: t.programme, institution: t.institution ?? '', hours: t.hours === null ? '' : String(t.hours), document: t.document ?? '' };
}

export async function staffCardData(db: Executor, id: string, today: string): Promise<PrintData | null> {
  const stored = await readCard(db, CARD_SPECS.staff, id);
  if (!stored) return null;
  const c = stored.card;
  const positions = [...((c.positions as PositionInput[]) ?? [])].sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  const working = positions.filter((p) => (p.startDate === null || p.startDate <= today) && (p.endDate === null || p.endDate >= today));
  const passport = c.documents.find((d) => d.type === 'passport') ?? c.documents.find((d) => d.type === 'foreignPassport');
  const trainings = (c.trainings as TrainingInput[]) ?? [];
  return {
    ...(await school(db)),
    printedOn: ru(today),
    personnelNumber: (c.personnelNumber as string | null) ?? '',
    inn: (c.inn as string | null) ?? '',
    snils: c.snils ?? '',
    alphabet: c.lastName.slice(0, 1).toUpperCase(),
    workKind: working.length > 0 && working.every((p) => p.kind === 'additional') ? 'по совместительству' : 'основная',
    sex: c.sex === 'Ж' ? 'женский' : 'мужской',
    fullName: fullName(c),
    birthDate: ru(c.birthDate),
    citizenship: (c.citizenship as string | null) ?? '',
    educations: ((c.educations as EducationInput[]) ?? []).map((e) => ({
      level: e.level ?? '',
      institution: e.institution ?? '',
      document: e.diplomaNumber ? `диплом ${e.diplomaNumber}` : '',
      year: e.diplomaDate ? e.diplomaDate.slice(0, 4) : '',
      qualification: e.qualification ?? '',
      specialty: e.specialty ? `(${e.specialty})` : '',
    })),
    totalExperience: experienceText((c.totalExperienceStart as string | null) ?? (c.hireDate as string | null), today),
    pedExperience: experienceText(c.pedExperienceStart as string | null, today),
    familyStatus: (c.familyStatus as string | null) ?? '',
    family: ((c.familyMembers as FamilyMemberInput[]) ?? []).map((m) => ({ relation: m.relation, fullName: fullName(m), birthYear: m.birthDate ? m.birthDate.slice(0, 4) : '' })),
    passport: documentLine(passport),
    registrationAddress: addressLine(addressOf(c, 'registration')),
    actualAddress: addressLine(addressOf(c, 'actual') ?? addressOf(c, 'registration')),
    phone: (c.phoneMobile as string | null) ?? (c.phoneHome as string | null) ?? '',
    positions: positions.map((p) => ({
      startDate: ru(p.startDate),
      position: `${p.position}${p.kind === 'additional' ? ` (${POSITION_KINDS.additional})` : ''}`,
      rate: p.rate === null ? '' : String(p.rate).replace('.', ','),
      orderNumber: p.orderNumber ?? '',
      endDate: ru(p.endDate),
    })),
    category: (c.qualificationCategory as string | null) ?? '',
    categoryDate: ru(c.categoryDate as string | null),
    nextAttestationDate: ru(c.nextAttestationDate as string | null),
    qualifications: trainings.filter((t) => t.kind === 'qualification').map(trainingRow),
    retrainings: trainings.filter((t) => t.kind === 'retraining').map(trainingRow),
    awards: (c.awards as string | null) ?? '',
    dismissalDate: ru(c.dismissalDate as string | null),
    dismissalOrder: (c.dismissalOrderNumber as string | null) ?? '',
    dismissalNote: c.dismissalDate ? ((c.note as string | null) ?? '') : '',
  };
}

/** Sample data with every tag, for trying an uploaded template before it is accepted. */
export function samplePrintData(key: PrintFormKey): PrintData {
  const row = (keys: string[]) => [Object.fromEntries(keys.map((k) => [k, 'Проверка']))];
  const common = { schoolFullName: 'Проверка', schoolAddress: 'Проверка', printedOn: '01.09.2026' };
  if (key === 'pupil-card') {
    return {
      ...common,
      ...Object.fromEntries(['personalFileNumber', 'alphabetBookNumber', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'placeOfBirth', 'citizenship', 'snils', 'identityDocument', 'registrationAddress', 'actualAddress', 'phone', 'enrolDate', 'enrolOrder', 'enrolClass', 'previousSchool', 'leaveDate', 'leaveOrder', 'leaveTo', 'healthGroup', 'peGroup', 'ovz', 'adaptedProgramme', 'pmpk'].map((k) => [k, 'Проверка'])),
      parents: row(['relation', 'fullName', 'phone', 'workplace']),
      classes: row(['yearName', 'className', 'from', 'to', 'cause']),
    };
  }
  if (key === 'study-certificate' || key === 'work-certificate') {
    const keys = ['number', 'issuedOn', 'purpose', 'directorName', 'nameNom', 'nameDat', 'nameGen', 'birthDate', 'pupilWordIns', 'className', 'grade', 'yearName', 'enrolOrder', 'enrolDate', 'programme', 'position', 'hireDate', 'hireOrder', 'works', 'workedTill'];
    return { ...common, ...Object.fromEntries(keys.map((k) => [k, 'Проверка'])) };
  }
  return {
    ...common,
    ...Object.fromEntries(['personnelNumber', 'inn', 'snils', 'alphabet', 'workKind', 'sex', 'fullName', 'birthDate', 'citizenship', 'totalExperience', 'pedExperience', 'familyStatus', 'passport', 'registrationAddress', 'actualAddress', 'phone', 'category', 'categoryDate', 'nextAttestationDate', 'awards', 'dismissalDate', 'dismissalOrder', 'dismissalNote'].map((k) => [k, 'Проверка'])),
    educations: row(['level', 'institution', 'document', 'year', 'qualification', 'specialty']),
    family: row(['relation', 'fullName', 'birthYear']),
    positions: row(['startDate', 'position', 'rate', 'orderNumber', 'endDate']),
    qualifications: row(['startDate', 'endDate', 'programme', 'institution', 'hours', 'document']),
    retrainings: row(['startDate', 'endDate', 'programme', 'institution', 'hours', 'document']),
  };
}
