import type { AccessSettings } from '../../../../src-shared/contract/access';
import type { Executor } from '../../foundation/executor';


/** Defaults for an office PC: a half-hour away from the desk ends the session. */
export const DEFAULT_ACCESS_SETTINGS: AccessSettings = { sessionIdleMinutes: 30, lockMinutes: 5 };

const KEYS: Record<keyof AccessSettings, string> = {
  sessionIdleMinutes: 'access.sessionIdleMinutes',
  lockMinutes: 'access.lockMinutes',
};

export async function readAccessSettings(db: Executor): Promise<AccessSettings> {
  const rows = await db.selectFrom('appSetting').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const out = { ...DEFAULT_ACCESS_SETTINGS };
  for (const [field, key] of Object.entries(KEYS) as [keyof AccessSettings, string][]) {
    const n = Number(rows.find((r) => r.key === key)?.value);
    if (Number.isInteger(n) && n > 0) out[field] = n;
  }
  return out;
}

export async function writeAccessSettings(db: Executor, settings: AccessSettings, now: string): Promise<void> {
  for (const [field, key] of Object.entries(KEYS) as [keyof AccessSettings, string][]) {
    await db.deleteFrom('appSetting').where('key', '=', key).execute();
    await db.insertInto('appSetting').values({ key, value: String(settings[field]), updatedAt: now }).execute();
  }
}
