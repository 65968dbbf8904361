import pg from 'pg';

export interface PgTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/**
 * «Проверить подключение к PostgreSQL» (issue 23, part 4): one connection with a 5 s limit, closed at
 * once. The answer is a Russian sentence; the password is never put into it (nor into the log or
 * the audit — the caller records only host, port, database and user).
 */
export async function probePostgres(t: PgTarget, timeoutMs = 5000): Promise<{ ok: boolean; message: string; serverVersion: string | null }> {
  const client = new pg.Client({ ...t, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs });
  const where = `${t.user}@${t.host}:${t.port}/${t.database}`;
  try {
    await client.connect();
    const r = await client.query<{ v: string }>('select current_setting(\'server_version\') as v');
    const version = r.rows[0]?.v ?? null;
    return { ok: true, message: `Подключение к ${where} установлено (PostgreSQL ${version ?? '?'}).`, serverVersion: version };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const why =
      e.code === '28P01' || e.code === '28000'
        ? 'неверный пользователь или пароль'
        : e.code === '3D000'
          ? `базы данных «${t.database}» на сервере нет`
          : e.code === 'ECONNREFUSED'
            ? 'сервер не принимает подключения на этом порту'
            : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
              ? 'такого сервера в сети нет'
              : /timeout/i.test(e.message ?? '')
                ? `сервер не ответил за ${Math.round(timeoutMs / 1000)} с`
                : `ошибка подключения (${e.code ?? 'неизвестная'})`;
    return { ok: false, message: `Не удалось подключиться к ${where}: ${why}.`, serverVersion: null };
  } finally {
    await client.end().catch(() => undefined);
  }
}
