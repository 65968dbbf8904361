/** Error codes every transport carries unchanged from the dispatcher to the caller. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LOCKED'
  | 'UNKNOWN_METHOD'
  | 'DB_TOO_NEW'
  | 'DB_UNAVAILABLE'
  | 'CANCELLED'
  | 'INTERNAL';

export interface ErrorIssue {
  /** Dotted path of the field, e.g. `card.inn`. */
  path: string;
  /** Russian text a person can act on, naming the field. */
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: ErrorIssue[]; [key: string]: unknown };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorBody['details'];

  constructor(code: ErrorCode, message: string, details?: ErrorBody['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
