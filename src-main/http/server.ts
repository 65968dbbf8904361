import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ErrorCode, Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { Caller } from '../core/foundation/context';
import type { Dispatcher } from '../core/dispatcher';
import { createHttpSessions, type HttpSessionBinding } from '../core/access/index';
import type { MethodDef } from '../../src-shared/contract/define';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from './hostGuard';
import {
  ANONYMOUS_BODY_LIMIT,
  ANONYMOUS_BODY_TIMING,
  createRateLimiter,
  declaredLength,
  DEFAULT_BODY_LIMIT,
  drainAfterAnswer,
  RATE_LIMITED_MESSAGE,
  readBody,
  SIGN_IN_RATE,
  SIGNED_IN_BODY_TIMING,
  tooLargeMessage,
  tooSlowMessage,
  type BodyTiming,
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
  /** How long a signed-in caller's body may take (tests shorten it); default a minute's stall, 30 minutes in all. */
  bodyTiming?: BodyTiming;
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


/** Writes a JSON answer; with `end: false` the response stays open (its length is declared, so a client reads it whole). */
function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}, end = true): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(text.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  if (end) res.end(text);
  else res.write(text);
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

  /** An answer before (or instead of) reading the body: the rest of it is drained, not parsed. */
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, env: Envelope<never>, headers: Record<string, string> = {}) => {
    sendJson(res, status, env, headers, false);
    drainAfterAnswer(req, () => res.end());
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
    const timing = caller.user ? (opts.bodyTiming ?? SIGNED_IN_BODY_TIMING) : ANONYMOUS_BODY_TIMING;
    const body = await readBody(req, limit, timing);
    if (!body.ok) {
      if (body.reason === 'tooLarge') return refuse(req, res, 413, errorEnvelope('VALIDATION', tooLargeMessage(limit)));
      if (body.reason === 'aborted') return;
      return refuse(req, res, 408, errorEnvelope('VALIDATION', tooSlowMessage(timing, body.reason === 'stalled')));
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

  // Node's whole-request deadline (300 s, then a bare 408 and a reset) is off: bodies are timed in
  // readBody, by the caller's kind, and answered in Russian. The headers still have 60 s.
  const server = http.createServer({ requestTimeout: 0 }, async (req, res) => {
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
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket));
  return server;
}

/** A request Node could not parse or whose headers never came: a Russian answer, then close. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // An answer already under way (sent early, before a body that then broke the parser) is finished.
  const answering = (socket as { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || answering) {
    if (answering?.headersSent && !answering.writableEnded && socket.writable) {
      answering.end();
      socket.end();
    } else socket.destroy();
    return;
  }
  const [status, text, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'Заголовки запроса не получены за минуту. Проверьте сеть и отправьте запрос ещё раз.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'Заголовки запроса слишком велики.']
        : [400, 'Bad Request', 'Запрос не разобран: это не HTTP-запрос программы.'];
  const body = JSON.stringify(errorEnvelope('VALIDATION', message));
  socket.end(`HTTP/1.1 ${status} ${text}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
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
