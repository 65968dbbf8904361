import { z } from 'zod';
import { SETUP_STEPS, SETUP_STEP_TITLES, type SetupStep, type SetupView } from '../../src-shared/contract/settings';
import { countUsers } from './access/index';
import { readAppSetting, writeAppSetting } from './foundation/appSettings';
import { diffFields } from './foundation/auditLog';
import { hasPupils } from './demo/writeDemo';
import type { HandlerContext } from './foundation/context';
import type { Executor } from './foundation/executor';
import { getSchoolCard, listClasses, listYears } from './schoolSetup/index';

/**
 * The first-run wizard (issue 23, part 4). Whether a step is done is read from the data itself — a
 * school card saved, a year created, classes in it, a second user — so a school that filled the card
 * through the menu is not asked again; what the database keeps is only where the administrator
 * stopped, which steps they skipped, and whether they closed the wizard for good.
 */
const KEY = 'setup.wizard';

const stored = z.object({
  current: z.enum(SETUP_STEPS),
  skipped: z.array(z.enum(SETUP_STEPS)),
  finished: z.boolean(),
});
type Stored = z.output<typeof stored>;
const START: Stored = { current: 'school', skipped: [], finished: false };

async function readState(db: Executor): Promise<Stored> {
  const raw = await readAppSetting(db, KEY);
  if (!raw) return START;
  try {
    const parsed = stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : START;
  } catch {
    return START;
  }
}

export async function setupView(ctx: HandlerContext, db: Executor = ctx.core.db): Promise<SetupView> {
  const state = await readState(db);
  const card = (await getSchoolCard(ctx)).card;
  const years = await listYears(db);
  const year = years.find((y) => y.isCurrent) ?? years[0] ?? null;
  const classes = year ? (await listClasses(db, year.id)).length : 0;
  const users = await countUsers(db);
  // «Загрузить демонстрационную школу» is offered only while no pupil exists.
  const demoAllowed = !(await hasPupils(db));
  const done: Record<SetupStep, [boolean, string]> = {
    school: [Boolean(card), card ? card.shortName || card.fullName : 'карточка не заполнена'],
    year: [Boolean(year), year ? `текущий год ${year.name}` : 'учебного года нет'],
    classes: [classes > 0, year ? `классов в ${year.name}: ${classes}` : 'сначала создайте учебный год'],
    users: [users > 1, users > 1 ? `пользователей: ${users}` : 'только администратор'],
  };
  return { ...state, demoAllowed, steps: SETUP_STEPS.map((key) => ({ key, title: SETUP_STEP_TITLES[key], done: done[key][0], detail: done[key][1] })) };
}

export async function saveSetupState(ctx: HandlerContext, next: Stored): Promise<SetupView> {
  const clean: Stored = { ...next, skipped: SETUP_STEPS.filter((s) => next.skipped.includes(s)) };
  await ctx.core.db.transaction().execute(async (trx) => {
    const before = await readState(trx);
    await writeAppSetting(trx, KEY, JSON.stringify(clean), new Date().toISOString());
    const changes = diffFields({ current: before.current, skipped: before.skipped.join(', '), finished: before.finished }, { current: clean.current, skipped: clean.skipped.join(', '), finished: clean.finished });
    if (Object.keys(changes).length) await ctx.audit.record(trx, { entity: 'appSettings', recordId: KEY, action: 'update', changes });
  });
  return setupView(ctx);
}
