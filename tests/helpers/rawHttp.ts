import http from 'node:http';
import net from 'node:net';

/**
 * Raw HTTP over loopback with any headers (fetch will not forge `Host`), the way a rebinding page
 * or a script on this machine would talk to the server.
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json<T = { ok: boolean; error?: { code: string; message: string }; value?: unknown }>(): T;
}

export function rawRequest(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POSTs JSON to `/api/<method>` with the given headers. */
export function rawApi(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, {
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}

/**
 * Sends the headers and only the first `firstBytes` of a body of `totalBytes`, then waits for the
 * server's answer before sending anything more. Resolves with the answer and how many bytes had been
 * sent when it came; a server that reads the whole body before answering never answers (the test
 * times out), which is exactly the failure this probes.
 */
export function partialUpload(
  url: string,
  opts: { path: string; headers?: Record<string, string>; totalBytes: number; firstBytes: number; declareLength?: boolean },
): Promise<{ status: number; text: string; sentBytes: number }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 20 s after ${sent} of ${opts.totalBytes} bytes: the server waits for the whole body`));
    }, 20_000);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.declareLength !== false) headers['content-length'] = String(opts.totalBytes);
    const req = http.request({ host: u.hostname, port: u.port, method: 'POST', path: opts.path, headers, agent: false }, (res) => {
      answered = true;
      clearTimeout(timer);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), sentBytes: sent });
        req.destroy();
      });
    });
    // The server may close the connection after answering; a write error then is expected.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const first = Buffer.alloc(opts.firstBytes, 0x20);
    first[0] = 0x7b; // '{'
    sent += first.length;
    req.write(first);
    req.flushHeaders();
  });
}

/**
 * An upload over a bare socket, as a browser on a slow network sends it: the headers, then the body
 * in `parts` (each after its `delayMs`), and — like a client busy sending — the answer is read only
 * once everything was written. Resolves with the answer, or with the socket error a client would see
 * (a reset, a broken pipe) instead of one.
 */
export function slowUpload(
  url: string,
  opts: { path: string; headers: Record<string, string>; parts: { bytes: Buffer; delayMs: number }[] },
): Promise<{ status: number; text: string } | { error: string }> {
  const u = new URL(url);
  const total = opts.parts.reduce((n, p) => n + p.bytes.length, 0);
  return new Promise((resolve) => {
    const socket = net.connect(Number(u.port), u.hostname);
    const received: Buffer[] = [];
    let failed: string | null = null;
    socket.pause();
    socket.on('error', (e: NodeJS.ErrnoException) => (failed ??= e.code ?? e.message));
    socket.on('data', (c: Buffer) => received.push(c));
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(text);
      resolve(m ? { status: Number(m[1]), text: m[2] } : { error: failed ?? 'closed without an answer' });
    });
    socket.once('connect', async () => {
      const head = Object.entries({ host: u.host, 'content-length': String(total), connection: 'close', ...opts.headers }).map(([k, v]) => `${k}: ${v}\r\n`);
      const write = (b: Buffer | string) =>
        new Promise<void>((ok) => {
          if (socket.destroyed || socket.write(b)) return ok();
          socket.once('drain', ok);
          socket.once('close', ok);
        });
      try {
        await write(`POST ${opts.path} HTTP/1.1\r\n${head.join('')}\r\n`);
        for (const p of opts.parts) {
          if (p.delayMs) await new Promise((r) => setTimeout(r, p.delayMs));
          if (failed || socket.destroyed) break;
          await write(p.bytes);
        }
      } finally {
        socket.resume();
      }
    });
  });
}
