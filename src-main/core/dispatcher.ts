import type { z } from 'zod';
import { contract as fullContract, type Contract, type MethodName } from '../../src-shared/contract/index';
import type { MethodDef } from '../../src-shared/contract/define';
import { AppError, type Envelope, type ErrorIssue } from '../../src-shared/errors';
import { createChangeSet } from '../../src-shared/events';
import type { Handlers } from './api/types';
import { translateDbError } from './foundation/dbErrors';
import { auditRecorder } from './foundation/auditRecorder';
import type { Caller, Core, HandlerContext } from './foundation/context';

export interface DispatcherHooks {
  /**
   * Rights check before the input is parsed; throws FORBIDDEN or UNAUTHENTICATED. Every entry point
   * passes `accessHooks()` from src-main/core/access/authorize.ts; without it every method is allowed.
   */
  authorize?(caller: Caller, method: MethodName, def: MethodDef): void | Promise<void>;
}

/** A failed envelope. */
export type Refusal = Extract<Envelope<never>, { ok: false }>;

export interface Dispatcher {
  call(caller: Caller, method: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * The checks that need no input (the method exists, the caller may call it), so a transport can
   * refuse a call before it reads the request body: the refusal `call` would give, or null.
   */
  precheck(caller: Caller, method: string): Promise<Refusal | null>;
  readonly contract: Contract;
  readonly core: Core;
}

function pathOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('.');
}

/** Turns zod issues into Russian messages that name the record and the field. */
export function validationError(def: MethodDef, error: z.ZodError, mutating: boolean): AppError {
  const issues: ErrorIssue[] = error.issues.map((issue) => {
    const p = pathOf(issue.path);
    const label = def.labels?.[p] ?? (p || 'данные');
    return { path: p, message: `поле «${label}»: ${issue.message}` };
  });
  const first = issues[0]?.message ?? 'данные не прошли проверку';
  const more = issues.length > 1 ? ` (и ещё ошибок: ${issues.length - 1})` : '';
  const prefix = def.record ? `${def.record}, ` : '';
  const tail = mutating ? ' Ничего не сохранено.' : '';
  return new AppError('VALIDATION', `${prefix}${first}${more}.${tail}`, { issues });
}

function toAppError(err: unknown, core: Core, method: string): AppError {
  if (err instanceof AppError) return err;
  const retry = translateDbError(err);
  if (retry) return retry;
  const e = err as { message?: string };
  core.logger.error('unexpected error in handler', { method, error: String(e?.message ?? err), stack: (err as Error)?.stack });
  return new AppError('INTERNAL', `Внутренняя ошибка при выполнении «${method}». Данные не изменены. Подробности записаны в журнал программы.`);
}

/**
 * The only door into the core: unknown method → rights → input parsing → handler → output check
 * → audit → envelope. Every transport calls this and nothing else.
 */
export function createDispatcher(core: Core, handlers: Handlers<Contract>, hooks: DispatcherHooks = {}): Dispatcher {
  const contract: Contract = fullContract;
  const table = handlers as unknown as Record<string, (input: unknown, ctx: HandlerContext) => Promise<unknown>>;

  const defOf = (method: string) =>
    Object.prototype.hasOwnProperty.call(contract, method) && table[method] ? (contract[method as MethodName] as MethodDef) : undefined;
  const unknownMethod = (method: string): Refusal => ({
    ok: false,
    error: new AppError('UNKNOWN_METHOD', `Неизвестная операция «${String(method).slice(0, 100)}»`).toBody(),
  });

  async function precheck(caller: Caller, method: string): Promise<Refusal | null> {
    const def = defOf(method);
    if (!def) return unknownMethod(method);
    try {
      await hooks.authorize?.(caller, method as MethodName, def);
      return null;
    } catch (err) {
      return { ok: false, error: toAppError(err, core, method).toBody() };
    }
  }

  async function call(caller: Caller, method: string, rawInput: unknown): Promise<Envelope<unknown>> {
    const def = defOf(method);
    const handler = def ? table[method] : undefined;
    if (!def || !handler) return unknownMethod(method);
    try {
      await hooks.authorize?.(caller, method as MethodName, def);
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) throw validationError(def, parsed.error, def.kind === 'mutation');

      // What this call changed, announced to every client once the handler has succeeded.
      const changes = createChangeSet();
      const audit = auditRecorder(caller, method, def.entity ?? method, (entity, recordId) => changes.add(entity ?? def.entity, recordId));
      const result = await handler(parsed.data, { core, caller, method, audit });
      // A mutation whose handler wrote no audit row of its own still leaves a trace.
      if (def.kind === 'mutation' && audit.count === 0) {
        await audit.record(core.db, { recordId: null, action: 'call', changes: summariseInput(parsed.data) });
      }
      // Personal data leaving the app is logged even when the handler forgot to say so (152-ФЗ).
      if (def.exportsPersonalData && audit.exported === 0) {
        await audit.record(core.db, { recordId: null, action: 'export', changes: { input: summariseInput(parsed.data) } });
      }
      const out = def.output.safeParse(result);
      if (!out.success) {
        core.logger.error('handler output violates contract', { method, issues: out.error.issues.slice(0, 5) });
        throw new AppError('INTERNAL', `Внутренняя ошибка: ответ операции «${method}» не соответствует контракту`);
      }
      if (def.kind === 'mutation') {
        changes.addUnlessNamed(def.entity);
        for (const event of changes.events()) core.events.emit(event);
      }
      return { ok: true, value: out.data };
    } catch (err) {
      return { ok: false, error: toAppError(err, core, method).toBody() };
    }
  }

  return { call, precheck, contract, core };
}

const SECRET_KEY = /password|token|secret/i;

/** The input as it goes into the log: passwords and tokens never do. */
function summariseInput(input: unknown): unknown {
  const text = JSON.stringify(input ?? null, (key, value) => (key && SECRET_KEY.test(key) ? '***' : value));
  return text.length > 2000 ? { truncated: text.slice(0, 2000) } : JSON.parse(text);
}
