import type { Transport } from '../../src-shared/transport';
import type { Caller } from './foundation/context';
import type { Dispatcher } from './dispatcher';

/**
 * The transport used by the CLI and tests. Inputs and outputs go through a JSON round trip so
 * that in-process calls behave exactly like IPC and HTTP (no Dates, no shared object identity).
 */
export function createInProcessTransport(dispatcher: Dispatcher, caller: Caller = { transport: 'in-process', user: null }): Transport {
  return {
    async call(method, input) {
      const wireInput = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
      const env = await dispatcher.call(caller, method, wireInput);
      return JSON.parse(JSON.stringify(env));
    },
    on: (listener) => dispatcher.core.events.subscribe((e) => listener(JSON.parse(JSON.stringify(e)))),
  };
}
