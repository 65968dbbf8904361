import type { ExportedFile } from '../../../src-shared/contract/files';
import { comparePersons, fullName } from '../../../src-shared/domain/names';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../../src-shared/domain/portalAccounts';
import { declineName, pupilWord } from '../../../src-shared/domain/movement/declension';
import { RELATIONS } from '../../../src-shared/domain/peopleDictionaries';
import { AppError } from '../../../src-shared/errors';
import { assertCanEditClass } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { accountScope, inScope, kindsFor } from './accountScope';
import { readPortalUrl } from './accountsService';
import { lettersDocx, lettersPdf, type Letter, type LetterSet } from './letterDocuments';
import { openVault } from './passwordVault';
import { schoolToday } from '../foundation/clock';
import { schoolShortName } from '../schoolSetup/index';
import { accountRecordsOfPersons } from './repo/accounts';
import { classById, classRosterOn } from './repo/accountPeople';
import { parentNamesOfPupils } from '../people/index';

/**
 * Account letters of a class for the class teacher to hand out (work order 3.7): each pupil's and
 * each parent's login and initial password. Only accounts created in the portal and not yet handed
 * over have a password to print; the rest are listed as skipped so nobody is forgotten silently.
 */
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function accountLetters(ctx: HandlerContext, classId: string, format: 'pdf' | 'docx', includeParents = true): Promise<ExportedFile & { skipped: string[] }> {
  const db = ctx.core.db;
  const cls = await classById(db, classId);
  if (!cls) throw new AppError('NOT_FOUND', 'Класс не найден: обновите список классов.');
  // Asked before the class scope, whose refusal speaks to teachers («не относится к вашим классам»).
  if (!kindsFor(ctx, 'handOver').has('pupil')) {
    throw new AppError(
      'FORBIDDEN',
      `Недостаточно прав: письма класса ${cls.name} (обучающимся и родителям) печатают секретарь и классный руководитель. ` +
        'Специалист по кадрам печатает письма сотрудников: в «Учётных записях портала» выберите вид «Сотрудник», отметьте сотрудников и нажмите «Письма сотрудникам».',
    );
  }
  await assertCanEditClass(ctx, classId);
  const scope = await accountScope(ctx, 'handOver');
  const today = schoolToday();
  const pupils = await classRosterOn(db, classId, today);
  pupils.sort(comparePersons);
  const pupilIds = pupils.map((p) => p.id);
  const links = await parentNamesOfPupils(db, pupilIds);
  const personIds = [...pupilIds, ...links.map((l) => l.id)];
  const accounts = await accountRecordsOfPersons(db, personIds);
  const accountOf = (kind: string, id: string) => accounts.find((a) => a.personKind === kind && a.personId === id);

  const vault = openVault(ctx.core.config.portalKeyDir, ctx.core.config.dataDir);
  const letters: Letter[] = [];
  const skipped: string[] = [];
  const printed: string[] = [];
  const add = (kind: 'pupil' | 'parent', id: string, name: string, role: string) => {
    if (!inScope(scope, kind, id)) return;
    const a = accountOf(kind, id);
    if (!a) return void skipped.push(`${name} — задача на учётную запись не поставлена`);
    if (a.status !== 'created' || !a.login) return void skipped.push(`${name} — ${ACCOUNT_STATUSES[a.status as AccountStatus].toLowerCase()}`);
    if (!a.passwordEnc) return void skipped.push(`${name} — начальный пароль не записан`);
    letters.push({ name, role, login: a.login, password: vault.open(a.passwordEnc) });
    printed.push(a.id);
  };
  const seenParents = new Set<string>();
  for (const p of pupils) {
    const name = fullName(p);
    add('pupil', p.id, name, `${pupilWord(p.sex, 'nominative')}, ${cls.name}`);
    // «родитель (мать) обучающейся Абрамовой Анны Михайловны»: declined with the pupil's sex.
    const whose = `${pupilWord(p.sex, 'genitive')} ${declineName(p, 'genitive')}`;
    if (!includeParents) continue;
    const mine = links.filter((l) => l.pupilId === p.id).sort((a, b) => RELATIONS.indexOf(a.relation as never) - RELATIONS.indexOf(b.relation as never));
    for (const l of mine) {
      if (seenParents.has(l.id)) continue;
      seenParents.add(l.id);
      add('parent', l.id, fullName(l), `${l.relation === 'мать' || l.relation === 'отец' ? `родитель (${l.relation})` : l.relation} ${whose}, ${cls.name}`);
    }
  }

  const { content, set } = await letterFile(ctx, cls.name, letters, format);
  // The log says who printed which letters, never the passwords themselves.
  await ctx.audit.record(db, {
    entity: 'portalAccount',
    recordId: null,
    action: 'export',
    changes: { format, classId, className: cls.name, rows: letters.length, letters: letters.map((l) => l.name), accounts: printed, skipped: skipped.length },
  });
  return {
    fileName: `Учётные записи портала ${set.className}.${format}`,
    mimeType: LETTER_MIME[format],
    contentBase64: content.toString('base64'),
    rows: letters.length,
    skipped,
  };
}

export async function letterFile(ctx: HandlerContext, title: string, letters: Letter[], format: 'pdf' | 'docx', forStaff = false): Promise<{ content: Buffer; set: LetterSet }> {
  const db = ctx.core.db;
  const set = { schoolName: (await schoolShortName(db)) || 'Школьный офис', className: title, portalUrl: await readPortalUrl(db), letters, forStaff };
  return { content: format === 'pdf' ? await lettersPdf(set) : lettersDocx(set), set };
}

export const LETTER_MIME = { pdf: 'application/pdf', docx: DOCX_MIME } as const;
