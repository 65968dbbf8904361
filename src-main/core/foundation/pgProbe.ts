import pg from 'pg';

export interface PgTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/** `user@host:port/database`: how a server is named on screen, in the audit and in messages (no password). */
export function pgWhere(t: Omit<PgTarget, 'password'>): string {
  return `${t.user}@${t.host}:${t.port}/${t.database}`;
}

/**
 * Why a connection failed, in Russian. PostgreSQL answers a wrong password and an unknown user alike
 * (28P01, so as not to tell which logins exist), hence «неверный пароль» names both.
 */
export function pgFailureReason(err: unknown, database: string, timeoutMs = 5000): string {
  const e = err as { code?: string; message?: string };
  if (e.code === '28P01') return 'неверный пароль (или такого пользователя на сервере нет)';
  if (e.code === '28000') return 'сервер не пускает этого пользователя с этого компьютера (pg_hba.conf) или такого пользователя нет';
  if (e.code === '3D000') return `базы данных «${database}» на сервере нет`;
  if (e.code === 'ECONNREFUSED') return 'сервер не принимает подключения на этом порту';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'такого сервера в сети нет';
  if (/timeout/i.test(e.message ?? '')) return `сервер не ответил за ${Math.round(timeoutMs / 1000)} с`;
  return `ошибка подключения (${e.code ?? 'неизвестная'})`;
}

/**
 * «Проверить подключение к PostgreSQL» (issue 23, part 4): one connection with a 5 s limit, closed at
 * once. The answer is a Russian sentence; the password is never put into it (nor into the log or
 * the audit — the caller records only host, port, database and user).
 */
export async function probePostgres(t: PgTarget, timeoutMs = 5000): Promise<{ ok: boolean; message: string; serverVersion: string | null }> {
  const client = new pg.Client({ ...t, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs });
  const where = pgWhere(t);
  try {
    await client.connect();
    const r = await client.query<{ v: string }>('select current_setting(\'server_version\') as v');
    const version = r.rows[0]?.v ?? null;
    return { ok: true, message: `Подключение к ${where} установлено (PostgreSQL ${version ?? '?'}).`, serverVersion: version };
  } catch (err) {
    return { ok: false, message: `Не удалось подключиться к ${where}: ${pgFailureReason(err, t.database, timeoutMs)}.`, serverVersion: null };
  } finally {
    await client.end().catch(() => undefined);
  }
}
