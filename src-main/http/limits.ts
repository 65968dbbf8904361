import type http from 'node:http';

/**
 * Request-size limits and the sign-in rate limit of the HTTP transport. The body is read only after
 * the caller was found allowed to call the method (server.ts), and never beyond its limit.
 */

/** Before sign-in only the open methods (sign-in, first run, status) are reachable: tiny bodies. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Ordinary calls of a signed-in user; methods that upload files declare more (`maxRequestBytes`). */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
/** After answering early, read at most this much of what the client still sends, then hang up. */
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 2000;

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} МБ` : `${Math.round(bytes / 1024)} КБ`;
}

export function tooLargeMessage(limit: number): string {
  return `Запрос слишком велик: не больше ${megabytes(limit)} для этой операции. Ничего не изменено.`;
}

/** The declared length, or null when the body comes chunked. NaN counts as too large. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const v = req.headers['content-length'];
  if (v === undefined) return null;
  return /^\d+$/.test(v) ? Number(v) : Number.POSITIVE_INFINITY;
}

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false };

/** Reads the body up to `limit` bytes; stops reading (without waiting for the rest) when it grows past it. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const done = (r: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(r);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        done({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(c);
    };
    const onEnd = () => done({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onError = () => done({ ok: false, tooLarge: false });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * After an answer sent before the body was read: the connection is closed (`connection: close` was
 * sent), but the client gets a moment to finish sending so it reads the answer instead of a reset.
 */
export function hangUpAfterAnswer(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.complete) return;
  res.once('finish', () => {
    let drained = 0;
    const stop = () => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(stop, DRAIN_MS);
    req.on('data', (c: Buffer) => {
      drained += c.length;
      if (drained > DRAIN_BYTES) stop();
    });
    req.on('end', () => clearTimeout(timer));
    req.resume();
  });
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
