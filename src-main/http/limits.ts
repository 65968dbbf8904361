import type http from 'node:http';

/**
 * Request-size limits and the sign-in rate limit of the HTTP transport. The body is read only after
 * the caller was found allowed to call the method (server.ts), and never beyond its limit.
 */

/** Before sign-in only the open methods (sign-in, first run, status) are reachable: tiny bodies. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Ordinary calls of a signed-in user; methods that upload files declare more (`maxRequestBytes`). */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
/**
 * How long a request body may take. Node's own `requestTimeout` (300 s for the whole request, then a
 * bare 408 and a reset socket) is switched off in server.ts: a signed-in person's upload of tens of
 * megabytes over a slow office network may take longer and must still arrive, while a stalled one
 * must end with a message. So the body is timed here: `idleMs` without a byte, or `totalMs` in all.
 */
export interface BodyTiming {
  idleMs: number;
  totalMs: number;
}
/** Signed-in callers: a stall of a minute ends the upload; 30 minutes is the most any upload may take. */
export const SIGNED_IN_BODY_TIMING: BodyTiming = { idleMs: 60_000, totalMs: 30 * 60_000 };
/** Before sign-in bodies are tiny: a client trickling them byte by byte is let go soon. */
export const ANONYMOUS_BODY_TIMING: BodyTiming = { idleMs: 10_000, totalMs: 30_000 };

/**
 * After an answer sent before the body was read, what the client still sends is read and dropped
 * (up to this much, for at most this long) before the connection may close: closing a socket with
 * unread data makes the kernel reset it, and a client still uploading then loses the answer (a
 * browser shows «соединение сброшено» instead of «войдите в программу» or «запрос слишком велик»).
 */
export interface DrainBudget {
  bytes: number;
  ms: number;
}
/** Enough to drain the largest upload any method accepts (64 МБ, base64 of a district's export). */
export const DRAIN_AFTER_ANSWER: DrainBudget = { bytes: 80 * 1024 * 1024, ms: 60_000 };

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} МБ` : `${Math.round(bytes / 1024)} КБ`;
}

export function tooLargeMessage(limit: number): string {
  return `Запрос слишком велик: не больше ${megabytes(limit)} для этой операции. Ничего не изменено.`;
}

export function tooSlowMessage(timing: BodyTiming, stalled: boolean): string {
  const why = stalled ? `за ${Math.round(timing.idleMs / 1000)} с не пришло ни одного байта` : `передача заняла больше ${Math.round(timing.totalMs / 60_000)} мин`;
  return `Запрос не получен целиком: ${why}. Проверьте сеть и отправьте его ещё раз. Ничего не изменено.`;
}

/** The declared length, or null when the body comes chunked. NaN counts as too large. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const v = req.headers['content-length'];
  if (v === undefined) return null;
  return /^\d+$/.test(v) ? Number(v) : Number.POSITIVE_INFINITY;
}

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'stalled' | 'tooLong' | 'aborted' };

/**
 * Reads the body up to `limit` bytes within `timing`; stops reading (without waiting for the rest)
 * when it grows past the limit or runs out of time.
 */
export function readBody(req: http.IncomingMessage, limit: number, timing: BodyTiming): Promise<BodyResult> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const done = (r: BodyResult) => {
      clearTimeout(idle);
      clearTimeout(total);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (!r.ok) req.pause();
      resolve(r);
    };
    const idle = setTimeout(() => done({ ok: false, reason: 'stalled' }), timing.idleMs);
    const total = setTimeout(() => done({ ok: false, reason: 'tooLong' }), timing.totalMs);
    const onData = (c: Buffer) => {
      idle.refresh();
      size += c.length;
      if (size > limit) return done({ ok: false, reason: 'tooLarge' });
      chunks.push(c);
    };
    const onEnd = () => done({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onError = () => done({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

/**
 * An answer sent before the whole body arrived: the rest of the body is read and dropped while the
 * answer goes out, so the client — still uploading — reads the answer instead of a reset; `whenDrained`
 * runs once the body is in (the response may end then: Node closes a `connection: close` socket at
 * the end of the response, unread data or not). A client sending more than the budget is cut off.
 */
export function drainAfterAnswer(req: http.IncomingMessage, whenDrained: () => void, budget: DrainBudget = DRAIN_AFTER_ANSWER): void {
  if (req.complete) return whenDrained();
  let drained = 0;
  const stop = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(stop, budget.ms);
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > budget.bytes) stop();
  });
  req.on('end', () => {
    clearTimeout(timer);
    whenDrained();
  });
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

export interface RateOptions {
  /** Attempts allowed at once. */
  burst: number;
  /** Attempts that come back per minute. */
  perMinute: number;
}

export const SIGN_IN_RATE: RateOptions = { burst: 10, perMinute: 10 };

/**
 * A token bucket per client address: a script guessing passwords (or the first-run code) from one
 * computer gets `retryAfterSeconds` instead of a password check once it spent its burst.
 */
export function createRateLimiter(opts: RateOptions = SIGN_IN_RATE, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = opts.perMinute / 60_000;
  return {
    /** Takes one attempt; returns 0 when allowed, otherwise the seconds to wait. */
    take(client: string): number {
      const t = now();
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= opts.burst) buckets.delete(k);
      }
      const b = buckets.get(client) ?? { tokens: opts.burst, at: t };
      b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(client, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    },
  };
}

export const RATE_LIMITED_MESSAGE = 'Слишком много попыток входа с этого компьютера. Подождите минуту и попробуйте снова.';
