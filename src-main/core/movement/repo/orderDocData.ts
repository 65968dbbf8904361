import type { OrderDetail, OrderItem } from '../../../../src-shared/contract/movementFields';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { pupilWord } from '../../../../src-shared/domain/movement/declension';
import { DESTINATION_KINDS, ORDER_TYPE_INFO, educationLevelGenitive } from '../../../../src-shared/domain/movement/orderTypes';
import { fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';


/**
 * The data an order template is filled with. The ФИО forms are the ones stored on the items (the
 * editor shows them and the user may correct them), never declined anew at print time.
 */
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export function dateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} г.`;
}

/** «Е. В. Шарапова» from «Шарапова Елена Викторовна». */
export function signatoryShort(name: string | null): string {
  if (!name) return '';
  const [last, first, middle] = name.trim().split(/\s+/);
  const initials = [first, middle].filter(Boolean).map((p) => `${p[0]}.`).join(' ');
  return initials ? `${initials} ${last}` : (last ?? '');
}

/** «прибытие из: МБОУ «СОШ № 12»; документ: личное дело» — where an enrolled pupil came from. */
export function originText(i: Pick<OrderItem, 'originSchool' | 'originDocument'>): string {
  return [i.originSchool ? `прибытие из: ${i.originSchool}` : null, i.originDocument ? `документ: ${i.originDocument}` : null].filter(Boolean).join('; ');
}

/** The wording of a withdrawal by where the pupil went; a named school goes into the sentence. */
export function withdrawalText(i: Pick<OrderItem, 'destinationKind' | 'destinationSchool'>): string {
  const school = i.destinationSchool;
  switch (i.destinationKind) {
    case 'college':
      return `в связи с поступлением в ${school ?? 'профессиональную образовательную организацию'}`;
    case 'familyEducation':
      return 'в связи с переходом на семейное образование';
    case 'abroad':
      return school ? `в связи с переводом в ${school} (за пределами Российской Федерации)` : 'в связи с выездом за пределы Российской Федерации';
    case 'otherRegion':
      return `в связи с переводом в ${school ?? 'образовательную организацию другого субъекта Российской Федерации'}`;
    case 'sameRegion':
      return `в связи с переводом в ${school ?? 'другую образовательную организацию'}`;
    default:
      return school ? `в связи с переводом в ${school}` : 'в связи с выбытием';
  }
}

function levelPrepositional(grade: number | null): string {
  return (grade ?? 9) >= 11 ? 'среднем общем' : 'основном общем';
}

/** «об основном общем» but «о среднем общем»: the preposition follows the next word's first sound. */
function levelAbout(grade: number | null): string {
  const level = levelPrepositional(grade);
  return /^[аеёиоуыэюя]/i.test(level) ? `об ${level}` : `о ${level}`;
}

export interface ItemDocData extends Record<string, unknown> {
  n: number;
  sentence: string;
}

export function itemSentence(type: OrderDetail['type'], i: OrderItem, fromGrade: number | null): string {
  const d = formatRu(i.effectiveDate);
  const acc = pupilWord(i.sex, 'accusative');
  const reason = i.reason ? ` (${i.reason})` : '';
  const note = i.note ? ` ${i.note}` : '';
  const birth = i.birthDate ? `, ${formatRu(i.birthDate)} г. р.,` : '';
  const origin = originText(i);
  switch (type) {
    case 'enroll':
      return `Зачислить ${i.nameAccusative}${birth} в ${i.toClassName} класс с ${d}${origin ? ` (${origin})` : ''}.${note}`;
    case 'reinstate':
      return `Восстановить ${i.nameAccusative}${birth} в число обучающихся ${i.toClassName} класса с ${d}.${note}`;
    case 'transfer':
      return `Перевести ${i.nameAccusative}, ${acc} ${i.fromClassName} класса, в ${i.toClassName} класс с ${d}${reason}.${note}`;
    case 'promote':
      return `Перевести ${i.nameAccusative} из ${i.fromClassName} в ${i.toClassName} класс с ${d}.${note}`;
    case 'conditionalPromote':
      return `Перевести условно ${i.nameAccusative} из ${i.fromClassName} в ${i.toClassName} класс с ${d}${i.reason ? `; академическая задолженность: ${i.reason}` : ''}.${note}`;
    case 'repeatYear':
      return `Оставить ${i.nameAccusative}, ${acc} ${i.fromClassName} класса, на повторное обучение в ${i.toClassName} классе с ${d}.${note}`;
    case 'withdraw':
      return `Отчислить ${i.nameAccusative}, ${acc} ${i.fromClassName} класса, с ${d} ${withdrawalText(i)}${reason}. Выдать личное дело ${i.nameGenitive} родителям (законным представителям).${note}`;
    case 'graduate':
      return `Отчислить ${i.nameAccusative}, ${acc} ${i.fromClassName} класса, в связи с получением ${educationLevelGenitive(fromGrade ?? 9)} образования (завершением обучения) с ${d}. Выдать ${i.nameDative} аттестат ${levelAbout(fromGrade)} образовании.${note}`;
    case 'expel':
      return `Отчислить ${i.nameAccusative}, ${acc} ${i.fromClassName} класса, с ${d}${reason}.${note}`;
  }
}

export interface OrderDocData extends Record<string, unknown> {
  schoolFullName: string;
  orderNumber: string;
  orderDate: string;
  title: string;
  items: ItemDocData[];
  signatoryPosition: string;
  signatoryShort: string;
  acquaintances: { name: string; role: string }[];
}

export async function orderDocData(db: Executor, order: OrderDetail): Promise<OrderDocData> {
  const school = await db.selectFrom('schoolCard').selectAll().where('id', '=', 'main').executeTakeFirst();
  const classIds = [...new Set(order.items.flatMap((i) => [i.fromClassId, i.toClassId]).filter((c): c is string => Boolean(c)))];
  const classes = classIds.length
    ? await db
        .selectFrom('schoolClass as c')
        .leftJoin('staff as t', 't.id', 'c.classTeacherId')
        .select(['c.id', 'c.name', 'c.grade', 't.id as teacherId', 't.lastName', 't.firstName', 't.middleName'])
        .where('c.id', 'in', classIds)
        .execute()
    : [];
  const gradeOf = new Map(classes.map((c) => [c.id, Number(c.grade)]));
  const teachers = new Map<string, { name: string; classes: string[] }>();
  for (const c of classes.sort((a, b) => Number(a.grade) - Number(b.grade) || a.name.localeCompare(b.name, 'ru'))) {
    if (!c.teacherId || !c.lastName) continue;
    const t = teachers.get(c.teacherId) ?? { name: fullName({ lastName: c.lastName, firstName: c.firstName ?? '', middleName: c.middleName }), classes: [] };
    t.classes.push(c.name);
    teachers.set(c.teacherId, t);
  }
  const type = order.type;
  const items: ItemDocData[] = order.items.map((i) => {
    const fromGrade = i.fromClassId ? (gradeOf.get(i.fromClassId) ?? null) : null;
    return {
      n: i.ordinal,
      sentence: itemSentence(type, i, fromGrade),
      nameNom: i.pupilName,
      nameGen: i.nameGenitive,
      nameDat: i.nameDative,
      nameAcc: i.nameAccusative,
      pupilWordAcc: pupilWord(i.sex, 'accusative'),
      pupilWordGen: pupilWord(i.sex, 'genitive'),
      birthDate: i.birthDate ? formatRu(i.birthDate) : '',
      fromClass: i.fromClassName ?? '',
      toClass: i.toClassName ?? '',
      date: formatRu(i.effectiveDate),
      originSchool: i.originSchool ?? '',
      originDocument: i.originDocument ?? '',
      origin: originText(i),
      destinationSchool: i.destinationSchool ?? '',
      destination: i.destinationKind ? DESTINATION_KINDS[i.destinationKind] : '',
      withdrawalText: withdrawalText(i),
      levelGenitive: educationLevelGenitive(fromGrade ?? 9),
      levelPrepositional: levelPrepositional(fromGrade),
      levelAbout: levelAbout(fromGrade),
      reason: i.reason ?? '',
      note: i.note ?? '',
      isEnroll: type === 'enroll',
      isReinstate: type === 'reinstate',
      isTransfer: type === 'transfer',
      isPromote: type === 'promote',
      isConditional: type === 'conditionalPromote',
      isRepeat: type === 'repeatYear',
      isWithdraw: type === 'withdraw',
      isGraduate: type === 'graduate',
      isExpel: type === 'expel',
    };
  });
  return {
    schoolFullName: school?.fullName ?? 'Образовательная организация',
    schoolShortName: school?.shortName ?? '',
    schoolAddress: school?.actualAddress ?? school?.legalAddress ?? '',
    orderNumber: order.numberText ?? '______',
    orderDate: formatRu(order.orderDate),
    orderDateLong: dateLong(order.orderDate),
    title: order.title,
    typeLabel: ORDER_TYPE_INFO[type].label,
    basis: order.basis ?? '',
    signatoryPosition: order.signatoryPosition ?? 'Директор',
    signatoryName: order.signatoryName ?? school?.directorName ?? '',
    signatoryShort: signatoryShort(order.signatoryName ?? school?.directorName ?? null),
    items,
    controlNumber: items.length + 1,
    acquaintances: [...teachers.values()].map((t) => ({ name: t.name, role: `классный руководитель ${t.classes.join(', ')}` })),
  };
}
