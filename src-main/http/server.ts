import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { Caller } from '../core/foundation/context';
import type { Dispatcher } from '../core/dispatcher';
import { createHttpSessions, type HttpSessionBinding } from '../core/access/index';
import { serveStatic } from './staticFiles';

export interface HttpServerOptions {
  dispatcher: Dispatcher;
  /** Built renderer folder; omitted in API-only tests. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** Overrides who the caller is (tests only); by default the session of `sessions` decides. */
  resolveCaller?: (req: http.IncomingMessage) => Caller | Promise<Caller>;
  /** Sign-in sessions (cookie or bearer token); defaults to the access layer's over this core's database. */
  sessions?: HttpSessionBinding;
  maxBodyBytes?: number;
}

export interface RunningHttpServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  LOCKED: 423,
  DB_TOO_NEW: 409,
  DB_UNAVAILABLE: 503,
  CANCELLED: 409,
  INTERNAL: 500,
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A state-changing request must come from our own page: browsers always send Origin on POST, so a
 * foreign Origin is a cross-site request. Requests without Origin (CLI, tests) are allowed.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && o.host === host;
  } catch {
    return false;
  }
}

function errorEnvelope(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

export function createHttpServer(opts: HttpServerOptions): http.Server {
  const { dispatcher } = opts;
  const limit = opts.maxBodyBytes ?? 50 * 1024 * 1024;
  const sessions = opts.sessions ?? createHttpSessions(dispatcher.core);
  const resolveCaller = opts.resolveCaller ?? ((req: http.IncomingMessage) => sessions.resolveCaller(req));

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!opts.resolveCaller && !(await sessions.canSubscribe(req))) {
          return sendJson(res, 401, errorEnvelope('UNAUTHENTICATED', 'Войдите в программу, чтобы получать уведомления'));
        }
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        const send = (e: PushEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
        const off = dispatcher.core.events.subscribe(send);
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => {
          clearInterval(ping);
          off();
        });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, errorEnvelope('UNKNOWN_METHOD', 'Используйте POST'));
        if (!isAllowedOrigin(req.headers.origin, req.headers.host)) {
          return sendJson(res, 403, errorEnvelope('FORBIDDEN', 'Запрос с чужой страницы отклонён'));
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, errorEnvelope('VALIDATION', 'Ожидается тело запроса в формате JSON'));
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        let input: unknown;
        try {
          const text = await readBody(req, limit);
          input = text.trim() === '' ? undefined : JSON.parse(text);
        } catch {
          return sendJson(res, 400, errorEnvelope('VALIDATION', 'Тело запроса не является корректным JSON или слишком велико'));
        }
        const caller = await resolveCaller(req);
        const env = await dispatcher.call(caller, method, input);
        const { envelope, headers } = sessions.afterCall(req, method, env);
        return sendJson(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 400), envelope, headers);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorEnvelope('UNKNOWN_METHOD', 'Метод не поддерживается'));
      if (!opts.staticDir) return sendJson(res, 404, errorEnvelope('NOT_FOUND', 'Не найдено'));
      serveStatic(opts.staticDir, req, res);
    } catch (err) {
      dispatcher.core.logger.error('http request failed', { path: url.pathname, error: String(err) });
      if (!res.headersSent) sendJson(res, 500, errorEnvelope('INTERNAL', 'Внутренняя ошибка сервера'));
      else res.end();
    }
  });
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createHttpServer(opts);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
