import type { Envelope } from '../../src-shared/errors';
import type { PushEvent, PushListener } from '../../src-shared/events';
import type { Transport } from '../../src-shared/transport';

/**
 * The HTTP transport as a browser uses it (POST /api/<method>, SSE at /api/events), written for
 * Node tests where EventSource does not exist.
 */
export function createNodeHttpTransport(base: string, headers: Record<string, string> = {}): Transport & { close(): void } {
  const listeners = new Set<PushListener>();
  let abort: AbortController | null = null;

  async function openStream(): Promise<void> {
    abort = new AbortController();
    const res = await fetch(`${base}/api/events`, { signal: abort.signal, headers });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let idx: number;
          while ((idx = buffer.indexOf('\n\n')) >= 0) {
            const chunk = buffer.slice(0, idx);
            buffer = buffer.slice(idx + 2);
            const data = chunk.split('\n').find((l) => l.startsWith('data: '));
            if (data) {
              const event = JSON.parse(data.slice(6)) as PushEvent;
              for (const l of [...listeners]) l(event);
            }
          }
        }
      } catch {
        // aborted on close
      }
    })();
  }

  let streamReady: Promise<void> | null = null;
  return {
    async call(method, input) {
      if (streamReady) await streamReady;
      const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    on(listener) {
      listeners.add(listener);
      if (!streamReady) streamReady = openStream();
      return () => listeners.delete(listener);
    },
    close() {
      abort?.abort();
    },
  };
}
