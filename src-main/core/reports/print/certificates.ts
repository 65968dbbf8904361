import type { CertificateRow } from '../../../../src-shared/contract/reports';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { newId } from '../../../../src-shared/domain/ids';
import { declineName } from '../../../../src-shared/domain/movement/declension';
import { fullName } from '../../../../src-shared/domain/names';
import { CERTIFICATE_FORMS, PRINT_FORMS, type CertificateKind } from '../../../../src-shared/domain/reports/catalogue';
import { AppError } from '../../../../src-shared/errors';
import { assertCanSeePupil, hasRight } from '../../access/index';
import { schoolToday, nowIso } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import { isUniqueViolation } from '../../foundation/dbErrors';
import type { Executor } from '../../foundation/executor';
import { CARD_SPECS, readCard } from '../../people/index';
import { insertCertificate, listCertificates, nextCertificateNumber, schoolDirectorName } from '../repo/certificates';
import { itemsWithOrders, membershipsOfPupil } from '../repo/movementBook';
import { schoolCardNames } from '../repo/lookups';
import type { PrintData } from './printData';
import { renderPrintForm } from './printForms';

/**
 * Справка об обучении and справка с места работы (issue 24, item 8): the text with the person's name
 * declined (petrovich, by the card's sex), from the school's replaceable template (DOCX) or as PDF,
 * and a number from the register of issued certificates — next of its kind in the calendar year,
 * written in the same transaction as the register row, so two offices never print one number.
 */
const ru = (d: string | null | undefined) => (d ? formatRu(d) : '');

interface Drafted {
  data: PrintData;
  personName: string;
  detail: string;
}

async function common(db: Executor, today: string, purpose: string | null) {
  const s = await schoolCardNames(db);
  return {
    schoolFullName: s?.fullName ?? s?.shortName ?? '',
    schoolAddress: s?.actualAddress ?? s?.legalAddress ?? '',
    printedOn: ru(today),
    issuedOn: ru(today),
    purpose: purpose?.trim() || 'по месту требования',
    directorName: await schoolDirectorName(db),
  };
}

async function studyData(ctx: HandlerContext, pupilId: string, today: string): Promise<Omit<Drafted, 'data'> & { data: Record<string, string> }> {
  const db = ctx.core.db;
  const stored = await readCard(db, CARD_SPECS.pupil, pupilId);
  if (!stored) throw new AppError('NOT_FOUND', 'Карточка обучающегося не найдена: возможно, её удалили или объединили с другой.');
  await assertCanSeePupil(ctx, pupilId);
  const c = stored.card;
  const sex = c.sex === 'Ж' ? 'Ж' : 'М';
  const name = fullName(c);
  const memberships = await membershipsOfPupil(db, pupilId);
  const current = memberships.find((m) => m.startDate <= today && (m.endDate === null || m.endDate >= today));
  if (!current) {
    const last = memberships[memberships.length - 1];
    const why = last?.endDate ? `выбыл${sex === 'Ж' ? 'а' : ''} из ${last.className} ${ru(last.endDate)}` : 'не зачислен' + (sex === 'Ж' ? 'а' : '') + ' ни в один класс';
    throw new AppError('VALIDATION', `Справку об обучении на ${ru(today)} выдать нельзя: ${name} сейчас не обучается в школе (${why}). Номер в журнале не занят.`);
  }
  const first = memberships[0];
  const [enrolItem] = first.orderItemId ? await itemsWithOrders(db, [first.orderItemId]) : [];
  const adapted = (c.adaptedProgramme as string | null) ?? '';
  return {
    personName: name,
    detail: `${current.className}, ${current.yearName ?? ''}`.replace(/, $/, ''),
    data: {
      nameNom: name,
      nameDat: declineName({ ...c, sex }, 'dative'),
      nameGen: declineName({ ...c, sex }, 'genitive'),
      birthDate: ru(c.birthDate),
      pupilWordIns: sex === 'Ж' ? 'обучающейся' : 'обучающимся',
      className: current.className,
      grade: current.className.replace(/\D+$/, ''),
      yearName: current.yearName ?? '',
      enrolDate: ru(first.startDate),
      enrolOrder: enrolItem ? `№ ${enrolItem.numberText ?? 'б/н'} от ${ru(enrolItem.orderDate)}` : 'не указан',
      programme: adapted ? `адаптированной образовательной программе (${adapted})` : 'основной общеобразовательной программе',
    },
  };
}

async function workData(ctx: HandlerContext, staffId: string, today: string): Promise<Omit<Drafted, 'data'> & { data: Record<string, string> }> {
  const db = ctx.core.db;
  const stored = await readCard(db, CARD_SPECS.staff, staffId);
  if (!stored) throw new AppError('NOT_FOUND', 'Карточка сотрудника не найдена: возможно, её удалили или объединили с другой.');
  const c = stored.card;
  const sex = c.sex === 'Ж' ? 'Ж' : 'М';
  const name = fullName(c);
  const positions = (c.positions as { position: string; kind: string; startDate: string | null; endDate: string | null; orderNumber: string | null }[]) ?? [];
  // A card typed in without the hire date still has its first position's start and order.
  const firstPosition = [...positions].filter((p) => p.startDate).sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''))[0];
  const hireDate = (c.hireDate as string | null) ?? firstPosition?.startDate ?? null;
  if (!hireDate) throw new AppError('VALIDATION', `Справку с места работы не выдать: в карточке «${name}» не заполнена дата приёма на работу. Номер в журнале не занят.`);
  const dismissal = c.dismissalDate as string | null;
  const gone = dismissal !== null && dismissal < today;
  const on = gone ? dismissal : today;
  const active = positions.filter((p) => (p.startDate === null || p.startDate <= on) && (p.endDate === null || p.endDate >= on));
  const position = (active.find((p) => p.kind === 'main') ?? active[0])?.position ?? (c.position as string | null) ?? '';
  if (!position) throw new AppError('VALIDATION', `Справку с места работы не выдать: у «${name}» нет должности на ${ru(on)}. Номер в журнале не занят.`);
  const hireOrder = (c.hireOrderNumber as string | null) ?? (c.hireDate ? null : (firstPosition?.orderNumber ?? null));
  return {
    personName: name,
    detail: position,
    data: {
      nameNom: name,
      nameDat: declineName({ ...c, sex }, 'dative'),
      nameGen: declineName({ ...c, sex }, 'genitive'),
      position,
      hireDate: ru(hireDate),
      hireOrder: hireOrder ? `№ ${hireOrder}` : 'не указан',
      works: gone ? (sex === 'Ж' ? 'работала' : 'работал') : 'работает',
      workedTill: gone ? ` по ${ru(dismissal)}` : ' по настоящее время',
    },
  };
}

function certificatePdfBlocks(kind: CertificateKind, d: Record<string, string>): string[] {
  if (kind === 'study') {
    return [
      `Выдана ${d.nameDat}, ${d.birthDate} года рождения, в том, что ${d.nameNom} действительно является ${d.pupilWordIns} ${d.className} класса ${d.schoolFullName} в ${d.yearName} учебном году.`,
      `Обучается по ${d.programme}. Зачислен(а) ${d.enrolDate} (приказ ${d.enrolOrder}).`,
    ];
  }
  return [`Выдана ${d.nameDat} в том, что ${d.nameNom} действительно ${d.works} в ${d.schoolFullName} в должности «${d.position}» с ${d.hireDate} (приказ о приёме ${d.hireOrder})${d.workedTill}.`];
}

/** Issues a certificate: the next number, the register row and the audit in one transaction, then the file. */
export async function issueCertificate(ctx: HandlerContext, kind: CertificateKind, personId: string, format: 'docx' | 'pdf', purpose: string | null): Promise<ExportedFile & { number: number }> {
  const user = ctx.caller.user;
  // The register mixes both kinds; each is issued by whoever may see the cards it is about.
  if (kind === 'study' && !hasRight(user, 'pupils.read')) throw new AppError('FORBIDDEN', 'Недостаточно прав: справку об обучении выдаёт секретарь (нужен доступ к карточкам обучающихся).');
  if (kind === 'work' && !hasRight(user, 'staff.read')) throw new AppError('FORBIDDEN', 'Недостаточно прав: справку с места работы выдаёт специалист по кадрам (нужен доступ к карточкам сотрудников).');
  const today = schoolToday();
  const year = Number(today.slice(0, 4));
  const drafted = kind === 'study' ? await studyData(ctx, personId, today) : await workData(ctx, personId, today);
  const key = CERTIFICATE_FORMS[kind];
  const base = { ...(await common(ctx.core.db, today, purpose)), ...drafted.data };
  try {
    return await ctx.core.db.transaction().execute(async (trx) => {
      const number = await nextCertificateNumber(trx, kind, year);
      const data: PrintData = { ...base, number: String(number) };
      const content = await renderPrintForm(ctx, key, data, format, {
        title: `СПРАВКА № ${number}`,
        top: [base.schoolFullName, base.schoolAddress].filter(Boolean),
        subtitle: [`от ${base.issuedOn}`],
        blocks: [...certificatePdfBlocks(kind, { ...base }).map((text) => ({ kind: 'text' as const, text, size: 12 })), { kind: 'text', text: `Справка выдана для предъявления ${base.purpose}.`, size: 12 }],
        footer: [`Директор ____________________ ${base.directorName}`, 'М. П.'],
      }, trx);
      await insertCertificate(trx, {
        id: newId(),
        kind,
        year,
        number,
        issuedOn: today,
        personKind: kind === 'study' ? 'pupil' : 'staff',
        personId,
        personName: drafted.personName,
        detail: drafted.detail,
        purpose: base.purpose,
        issuedBy: user?.name ?? null,
        createdAt: nowIso(),
      });
      await ctx.audit.record(trx, {
        entity: kind === 'study' ? 'pupil' : 'staff',
        recordId: personId,
        action: 'export',
        changes: { form: PRINT_FORMS[key].title, number: `${number}/${year}`, format, name: drafted.personName, purpose: base.purpose },
      });
      const fileName = `${PRINT_FORMS[key].title} № ${number} — ${drafted.personName}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
      return { fileName, mimeType: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf', contentBase64: content.toString('base64'), rows: 1, number };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'Этот номер справки только что занял другой пользователь. Нажмите ещё раз — справка получит следующий номер.');
    throw err;
  }
}

/** The register the secretary (study) and HR (work) see, newest first. */
export async function certificateRegister(ctx: HandlerContext, year: number | null): Promise<CertificateRow[]> {
  const user = ctx.caller.user;
  // A class teacher issues certificates for their class but does not read the whole school's register.
  const kinds = [...(hasRight(user, 'pupils.read') && hasRight(user, 'classes.all') ? ['study'] : []), ...(hasRight(user, 'staff.read') ? ['work'] : [])];
  const rows = await listCertificates(ctx.core.db, kinds, year, 2000);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CertificateKind,
    number: Number(r.number),
    year: Number(r.year),
    issuedOn: r.issuedOn,
    personKind: r.personKind as 'pupil' | 'staff',
    personId: r.personId,
    personName: r.personName,
    detail: r.detail,
    purpose: r.purpose,
    issuedBy: r.issuedBy,
  }));
}
