import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { Caller } from '../core/foundation/context';
import type { Dispatcher } from '../core/dispatcher';
import { createHttpSessions, type HttpSessionBinding } from '../core/access/index';
import type { MethodDef } from '../../src-shared/contract/define';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from './hostGuard';
import {
  ANONYMOUS_BODY_LIMIT,
  createRateLimiter,
  declaredLength,
  DEFAULT_BODY_LIMIT,
  hangUpAfterAnswer,
  RATE_LIMITED_MESSAGE,
  readBody,
  SIGN_IN_RATE,
  tooLargeMessage,
  type RateOptions,
} from './limits';
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
  /** Overrides every method's body limit (tests); by default the contract's `maxRequestBytes` or 4 МБ. */
  maxBodyBytes?: number;
  /** Names besides the loopback ones and the bound address that clients may use (`--allow-host`). */
  allowedHostNames?: readonly string[];
  /** Sign-in attempts per client address; default 10 at once, 10 more per minute. */
  signInRate?: RateOptions;
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

function errorEnvelope(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** The path of a request, percent-decoded; null when the encoding is broken (`/%`, `/%E0%A4%A`). */
export function decodedPath(rawUrl: string | undefined): string | null {
  const raw = (rawUrl ?? '/').split('?')[0].split('#')[0];
  if (!raw.startsWith('/')) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const SIGN_IN_METHODS = new Set(['access.signIn', 'access.setup.createAdmin']);

export function createHttpServer(opts: HttpServerOptions): http.Server {
  const { dispatcher } = opts;
  const sessions = opts.sessions ?? createHttpSessions(dispatcher.core);
  const resolveCaller = opts.resolveCaller ?? ((req: http.IncomingMessage) => sessions.resolveCaller(req));
  const signInLimiter = createRateLimiter(opts.signInRate ?? SIGN_IN_RATE);
  let allowed: ReadonlySet<string> | null = null;

  /** An early answer: the body (if any) is not read, and the connection closes after it. */
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, env: Envelope<never>, headers: Record<string, string> = {}) => {
    const early = !req.complete;
    sendJson(res, status, env, early ? { ...headers, connection: 'close' } : headers);
    if (early) hangUpAfterAnswer(req, res);
  };

  async function api(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(req, res, 405, errorEnvelope('UNKNOWN_METHOD', 'Используйте POST'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(req, res, 415, errorEnvelope('VALIDATION', 'Ожидается тело запроса в формате JSON'));
    }
    // Who is calling and whether they may call this method are known from the headers alone: an
    // anonymous or unauthorised caller is refused before a byte of the body is read.
    const caller = await resolveCaller(req);
    const refused = await dispatcher.precheck(caller, method);
    if (refused) return refuse(req, res, STATUS[refused.error.code] ?? 400, refused);
    if (SIGN_IN_METHODS.has(method)) {
      const wait = signInLimiter.take(req.socket.remoteAddress ?? 'unknown');
      if (wait > 0) return refuse(req, res, 429, errorEnvelope('LOCKED', RATE_LIMITED_MESSAGE), { 'retry-after': String(wait) });
    }
    const def = (dispatcher.contract as Record<string, MethodDef>)[method];
    const limit = caller.user ? (opts.maxBodyBytes ?? def.maxRequestBytes ?? DEFAULT_BODY_LIMIT) : ANONYMOUS_BODY_LIMIT;
    if ((declaredLength(req) ?? 0) > limit) return refuse(req, res, 413, errorEnvelope('VALIDATION', tooLargeMessage(limit)));
    const body = await readBody(req, limit);
    if (!body.ok) {
      if (body.tooLarge) return refuse(req, res, 413, errorEnvelope('VALIDATION', tooLargeMessage(limit)));
      return;
    }
    let input: unknown;
    try {
      input = body.text.trim() === '' ? undefined : JSON.parse(body.text);
    } catch {
      return sendJson(res, 400, errorEnvelope('VALIDATION', 'Тело запроса не является корректным JSON'));
    }
    const env = await dispatcher.call(caller, method, input);
    const { envelope, headers } = sessions.afterCall(req, method, env);
    return sendJson(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 400), envelope, headers);
  }

  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
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
  }

  const server = http.createServer(async (req, res) => {
    const path = decodedPath(req.url);
    try {
      // Before anything else: only the names the server was started for (DNS rebinding), and only
      // pages served under them (cross-site requests).
      allowed ??= allowedHosts(opts.host ?? '127.0.0.1', (server.address() as AddressInfo).port, opts.allowedHostNames);
      if (!isAllowedHost(req.headers.host, allowed)) {
        return refuse(req, res, 421, errorEnvelope('FORBIDDEN', 'Запрос на чужой адрес отклонён: откройте программу по адресу, который напечатал сервер при запуске.'));
      }
      if (!isAllowedOrigin(req.headers.origin, allowed)) {
        return refuse(req, res, 403, errorEnvelope('FORBIDDEN', 'Запрос с чужой страницы отклонён'));
      }
      if (path === null) return refuse(req, res, 400, errorEnvelope('VALIDATION', 'Неверный адрес: испорчена кодировка символов (%).'));
      if (path === '/api/events' && req.method === 'GET') {
        if (!opts.resolveCaller && !(await sessions.canSubscribe(req))) {
          return sendJson(res, 401, errorEnvelope('UNAUTHENTICATED', 'Войдите в программу, чтобы получать уведомления'));
        }
        return events(req, res);
      }
      if (path.startsWith('/api/')) return await api(req, res, path.slice('/api/'.length));
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, errorEnvelope('UNKNOWN_METHOD', 'Метод не поддерживается'));
      if (!opts.staticDir) return sendJson(res, 404, errorEnvelope('NOT_FOUND', 'Не найдено'));
      serveStatic(opts.staticDir, path, res);
    } catch (err) {
      dispatcher.core.logger.error('http request failed', { path, error: String(err) });
      if (!res.headersSent) refuse(req, res, 500, errorEnvelope('INTERNAL', 'Внутренняя ошибка сервера'));
      else res.end();
    }
  });
  return server;
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
