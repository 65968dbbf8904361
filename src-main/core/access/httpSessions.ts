import type { IncomingMessage } from 'node:http';
import type { Envelope } from '../../../src-shared/errors';
import type { Caller, Core } from '../foundation/context';
import { isActivity, resolveSessionCaller } from './repo/sessions';

export const SESSION_COOKIE = 'so_session';
/** A script that wants the token in the sign-in answer (bearer mode) sends this header. */
export const AUTH_MODE_HEADER = 'x-auth-mode';

/** Methods whose successful answer carries a new session token. */
const SIGN_IN_METHODS = new Set(['access.signIn', 'access.setup.createAdmin']);

export interface HttpSessionBinding {
  resolveCaller(req: IncomingMessage): Promise<Caller>;
  /** Turns a sign-in's token into an HttpOnly cookie (or leaves it in the body in bearer mode). */
  afterCall(req: IncomingMessage, method: string, env: Envelope<unknown>): { envelope: Envelope<unknown>; headers: Record<string, string> };
  /** Push events go only to signed-in connections. */
  canSubscribe(req: IncomingMessage): Promise<boolean>;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const key = part.slice(0, i).trim();
    try {
      out[key] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // a malformed cookie is no session
    }
  }
  return out;
}

export function tokenFromRequest(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim() || null;
  return parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null;
}

function methodOf(req: IncomingMessage): string | null {
  const path = (req.url ?? '').split('?')[0];
  if (!path.startsWith('/api/')) return null;
  try {
    return decodeURIComponent(path.slice('/api/'.length));
  } catch {
    return null;
  }
}

function sessionCookie(token: string): string {
  // No Max-Age: the cookie dies with the browser; the server ends idle sessions on its own clock.
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

const CLEAR_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

/**
 * HTTP sessions: an HttpOnly, SameSite=Strict cookie for the browser, or `Authorization: Bearer` for
 * scripts. Cross-site requests are already stopped by the Origin check in server.ts.
 */
export function createHttpSessions(core: Core): HttpSessionBinding {
  return {
    resolveCaller: (req) => resolveSessionCaller(core.db, tokenFromRequest(req), 'http', { activity: isActivity(methodOf(req)) }),
    afterCall(req, method, env): { envelope: Envelope<unknown>; headers: Record<string, string> } {
      if (method === 'access.signOut' && env.ok) return { envelope: env, headers: { 'set-cookie': CLEAR_COOKIE } };
      if (!SIGN_IN_METHODS.has(method) || !env.ok) return { envelope: env, headers: {} };
      const value = env.value as { token?: string; user: unknown };
      if (!value.token) return { envelope: env, headers: {} };
      if (String(req.headers[AUTH_MODE_HEADER] ?? '').toLowerCase() === 'bearer') return { envelope: env, headers: {} };
      // The page never sees the token: scripts in it cannot steal what they cannot read.
      const { token, ...rest } = value;
      return { envelope: { ok: true, value: rest }, headers: { 'set-cookie': sessionCookie(token) } };
    },
    async canSubscribe(req) {
      return (await resolveSessionCaller(core.db, tokenFromRequest(req), 'http', { activity: false })).user !== null;
    },
  };
}
