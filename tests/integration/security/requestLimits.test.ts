import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import { ADMIN, httpSignIn } from '../../helpers/accessHelpers';
import net from 'node:net';
import { partialUpload, rawApi, rawRequest, slowUpload } from '../../helpers/rawHttp';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * Request limits (issue 19, item 3), over loopback: the session is checked before the body is read,
 * bodies have per-method limits answered with 413 and a Russian message, and broken URLs get 400.
 */
describeEachDb('HTTP request limits', (kind) => {
  let t: TestCore;
  let server: RunningHttpServer;
  /** The same core with a body allowed to stall for 0,8 s only, so a test can outlast it. */
  let impatient: RunningHttpServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await t.client.call('access.setup.createAdmin', ADMIN);
    server = await startHttpServer({ dispatcher: t.dispatcher });
    impatient = await startHttpServer({ dispatcher: t.dispatcher, bodyTiming: { idleMs: 800, totalMs: 60_000 } });
    auth = { authorization: `Bearer ${await httpSignIn(server.url, ADMIN.login, ADMIN.password)}` };
  });
  afterAll(async () => {
    await impatient?.close();
    await server.close();
    await t.cleanup();
  });

  it('answers an anonymous 11 MB body to a signed-in method with 401 before reading it', async () => {
    const r = await partialUpload(server.url, { path: '/api/people.pupils.list', totalBytes: 11 * 1024 * 1024, firstBytes: 64 * 1024 });
    expect(r.status).toBe(401);
    expect(r.sentBytes).toBeLessThan(11 * 1024 * 1024);
    expect(JSON.parse(r.text).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an anonymous big body to an open method with 413 before reading it, declared or chunked', async () => {
    for (const declareLength of [true, false]) {
      const r = await partialUpload(server.url, { path: '/api/access.signIn', totalBytes: 200 * 1024 * 1024, firstBytes: 256 * 1024, declareLength });
      expect(r.status, `declared length: ${declareLength}`).toBe(413);
      expect(JSON.parse(r.text).error.message).toMatch(/^Запрос слишком велик/);
      expect(r.sentBytes).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('refuses 1e6 keys from an anonymous caller without parsing them, and still answers others', async () => {
    const keys = `{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(keys.length).toBeGreaterThan(10_000_000);
    const [sent, status] = await Promise.all([
      rawRequest(server.url, { path: '/api/access.signIn', headers: { 'content-type': 'application/json' }, body: keys }).catch((e: Error) => e),
      rawApi(server.url, 'system.status', {}),
    ]);
    expect(status.status).toBe(200);
    // Either the 413 arrives, or the server closed the socket after answering it mid-upload.
    if (!(sent instanceof Error)) expect(sent.status).toBe(413);
  });

  it('limits a signed-in caller per method: small for ordinary calls, large for file uploads', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const small = await rawApi(server.url, 'school.card.save', { card: { fullName: big }, version: 0 }, auth);
    expect(small.status).toBe(413);
    expect(small.json().error?.message).toMatch(/^Запрос слишком велик: не больше 4 МБ/);
    // A 15 MB portal file goes through to the reader, which refuses it whole, naming the file.
    const upload = await rawApi(server.url, 'exchange.pull.preview', { files: [{ fileName: 'big.csv', contentBase64: Buffer.alloc(11 * 1024 * 1024, 0x41).toString('base64') }] }, auth);
    expect(upload.status).not.toBe(413);
    expect(upload.status).toBe(400);
    expect(upload.json().error?.message).toMatch(/^Файл «big\.csv» не загружен/);
  });

  it('answers broken percent-encodings with 400, on the API and on pages', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/api/%', '/api/people.%ZZ', '/assets/%c0%af']) {
      const res = await rawRequest(server.url, { method: path.startsWith('/api/') ? 'POST' : 'GET', path, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, path).toBe(400);
      expect(res.json().error?.message).toMatch(/адрес/i);
    }
  });

  // Issue 18: a district's export is tens of megabytes; a client still sending must get the answer.
  // The transport is the same on either database: the big uploads run once, on SQLite (CI time).
  const once = it.runIf(kind === 'sqlite');
  const json = { 'content-type': 'application/json' };
  const upload = (mb: number) => Buffer.from(JSON.stringify({ files: [{ fileName: 'район.csv', contentBase64: 'QUJD'.repeat(mb * 256 * 1024) }] }));
  const parts = (body: Buffer, n: number, delayMs: number) => Array.from({ length: n }, (_, i) => ({ bytes: body.subarray(Math.floor((i * body.length) / n), Math.floor(((i + 1) * body.length) / n)), delayMs }));

  once('answers a 70 MB upload it refuses, and a 30 MB one of a signed-out caller, to a client that reads only after sending everything', async () => {
    const over = await slowUpload(server.url, { path: '/api/exchange.pull.preview', headers: { ...json, ...auth }, parts: parts(upload(70), 35, 0) });
    expect(over).toMatchObject({ status: 413 });
    expect(JSON.parse((over as { text: string }).text).error.message).toBe('Запрос слишком велик: не больше 64 МБ для этой операции. Ничего не изменено.');
    const anonymous = await slowUpload(server.url, { path: '/api/exchange.pull.preview', headers: { ...json, authorization: 'Bearer expired' }, parts: parts(upload(30), 15, 0) });
    expect(anonymous).toMatchObject({ status: 401 });
    expect(JSON.parse((anonymous as { text: string }).text).error.code).toBe('UNAUTHENTICATED');
  });

  once('takes a 20 MB upload that trickles in for longer than the body may stall, and answers a stalled one in Russian', async () => {
    const body = upload(20);
    // 10 parts 0,3 s apart: 3 s in all, far past the 0,8 s a stall may last — it keeps moving, so it is read.
    const slow = await slowUpload(impatient.url, { path: '/api/exchange.pull.preview', headers: { ...json, ...auth }, parts: parts(body, 10, 300) });
    expect(slow).toMatchObject({ status: 400 });
    expect(JSON.parse((slow as { text: string }).text).error.message).toMatch(/^Файл «район\.csv» не загружен/);
    // Half of it, then 1,5 s of silence: refused with a message the client reads once it sends the rest.
    const halves = parts(body, 2, 0);
    halves[1].delayMs = 1500;
    const stalled = await slowUpload(impatient.url, { path: '/api/exchange.pull.preview', headers: { ...json, ...auth }, parts: halves });
    expect(stalled).toMatchObject({ status: 408 });
    expect(JSON.parse((stalled as { text: string }).text).error.message).toBe('Запрос не получен целиком: за 1 с не пришло ни одного байта. Проверьте сеть и отправьте его ещё раз. Ничего не изменено.');
    expect(server.server.requestTimeout).toBe(0);
  });

  it('answers bytes that are not HTTP with a Russian message', async () => {
    const answer = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      const s = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => s.write('ЗДРАВСТВУЙ СЕРВЕР\r\n\r\n'));
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Запрос не разобран: это не HTTP-запрос программы.');
  });
});
