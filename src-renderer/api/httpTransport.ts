import type { Envelope } from '../../src-shared/errors';
import type { PushEvent, PushListener } from '../../src-shared/events';
import type { Transport } from '../../src-shared/transport';

/** Browser shape: POST /api/<method> for calls, one EventSource for push events. */
export function createHttpTransport(base = ''): Transport {
  const listeners = new Set<PushListener>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`);
    const deliver = (event: PushEvent) => {
      for (const l of [...listeners]) l(event);
    };
    let broken = false;
    source.onmessage = (msg) => deliver(JSON.parse(msg.data as string) as PushEvent);
    // EventSource reconnects by itself (a server restart, a dropped LAN); what changed meanwhile was
    // never announced to this window, so it asks for everything again once the stream is back.
    source.onerror = () => {
      broken = true;
    };
    source.onopen = () => {
      if (broken) deliver({ type: 'resync' });
      broken = false;
    };
  };

  return {
    async call(method, input) {
      const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    on(listener) {
      listeners.add(listener);
      ensureSource();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
