import type { Contract, MethodName } from './contract/index';
import type { MethodInput, MethodOutput } from './contract/define';
import { AppError, isErrorBody, type Envelope } from './errors';
import type { PushListener } from './events';

/** What every transport (in-process, Electron IPC, HTTP) provides: exactly `call` and `on`. */
export interface Transport {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(listener: PushListener): () => void;
}

export interface ApiClient {
  /** Calls a contract method; resolves with the value or rejects with an AppError. */
  call<K extends MethodName>(method: K, input?: MethodInput<Contract, K>): Promise<MethodOutput<Contract, K>>;
  /** Same, but returns the envelope instead of throwing. */
  raw<K extends MethodName>(method: K, input?: MethodInput<Contract, K>): Promise<Envelope<MethodOutput<Contract, K>>>;
  on(listener: PushListener): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  async function raw(method: string, input: unknown): Promise<Envelope<unknown>> {
    try {
      return await transport.call(method, input);
    } catch (err) {
      // A transport failure (server down, IPC gone) becomes an envelope too: one error path for the UI.
      return {
        ok: false,
        error: { code: 'DB_UNAVAILABLE', message: `Нет связи с программой: ${(err as Error)?.message ?? String(err)}` },
      };
    }
  }
  return {
    async call(method, input) {
      const env = await raw(method, input);
      if (env.ok) return env.value as never;
      const body = isErrorBody(env.error) ? env.error : { code: 'INTERNAL' as const, message: 'Неизвестная ошибка' };
      throw new AppError(body.code, body.message, body.details);
    },
    raw: (method, input) => raw(method, input) as never,
    on: (listener) => transport.on(listener),
  };
}
