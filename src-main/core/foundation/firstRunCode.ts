import { randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code that lets a browser create the first administrator (issue 19, item 1). Whoever
 * reaches the server over HTTP before anyone signed up could otherwise become administrator; the code
 * is printed only on the console of `serve`, so only the person who started it can type it in. The
 * desktop window (IPC) and the command line (in-process) need no code: they are that person already.
 */
export interface FirstRunCode {
  /** The current code, made on first use: `1234-5678`. */
  issue(): string;
  current(): string | null;
  /** Compares in constant time; spaces, dashes and a missing dash are forgiven. */
  matches(input: unknown): boolean;
  /** Spent once the administrator exists. */
  spend(): void;
}

function normalise(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export function createFirstRunCode(): FirstRunCode {
  let code: string | null = null;
  return {
    issue() {
      code ??= `${String(randomInt(0, 10_000)).padStart(4, '0')}-${String(randomInt(0, 10_000)).padStart(4, '0')}`;
      return code;
    },
    current: () => code,
    matches(input) {
      if (code === null || typeof input !== 'string') return false;
      const a = Buffer.from(normalise(code));
      const b = Buffer.from(normalise(input).slice(0, 64));
      return a.length === b.length && timingSafeEqual(a, b);
    },
    spend() {
      code = null;
    },
  };
}
