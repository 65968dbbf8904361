import iconv from 'iconv-lite';
import type { MethodSample, SampleContext } from '../access/methodSamples';

/**
 * Sample inputs of the portal exchange methods (issue 9) for the generated rights test. Each builds
 * what it needs with the system caller first (a staff card in the outbox, a previewed pull, a push
 * file), so it can run any number of times.
 */
const LETTERS = 'абвгдежзиклмнопрстуфхцчшэюя';

function ru(ctx: SampleContext): string {
  let n = Number(ctx.unique('x').split('-').pop());
  let s = '';
  do {
    s += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return s;
}

function staffCsv(ctx: SampleContext): string {
  return iconv.encode(`Обменова${ru(ctx)};Анна;Петровна;Ж;1.02.1990;У;\r\n`, 'win1251').toString('base64');
}

async function preview(ctx: SampleContext) {
  return ctx.t.client.call('exchange.pull.preview', { files: [{ fileName: 'staff.csv', contentBase64: staffCsv(ctx) }] });
}

async function staffInOutbox(ctx: SampleContext): Promise<string> {
  const s = await ctx.t.client.call('staff.create', { lastName: `Выгрузкина${ru(ctx)}`, firstName: 'Вера', sex: 'Ж', birthDate: '1991-01-01' } as never);
  return s.id;
}

export const EXCHANGE_SAMPLES: Record<string, MethodSample> = {
  'exchange.formats': { input: () => ({}) },
  'exchange.pull.preview': { input: (ctx) => ({ files: [{ fileName: 'staff.csv', contentBase64: staffCsv(ctx) }] }) },
  'exchange.pull.get': { input: async (ctx) => ({ exchangeId: (await preview(ctx)).exchangeId }) },
  'exchange.pull.entries': { input: async (ctx) => ({ exchangeId: (await preview(ctx)).exchangeId, offset: 0, limit: 10, action: 'create' }) },
  'exchange.pull.stop': { input: (ctx) => ({ jobId: ctx.unique('job') }) },
  'exchange.pull.apply': {
    input: async (ctx) => {
      const p = await preview(ctx);
      return { exchangeId: p.exchangeId, version: p.version, decisions: {} };
    },
  },
  'exchange.pull.cancel': {
    input: async (ctx) => {
      const p = await preview(ctx);
      return { exchangeId: p.exchangeId, version: p.version };
    },
  },
  'exchange.history': { input: () => ({ limit: 10 }) },
  'exchange.file': { input: async (ctx) => ({ fileId: (await preview(ctx)).files[0].id }) },
  'exchange.outbox': { input: () => ({}) },
  'exchange.push.create': { input: async (ctx) => ({ kind: 'staffSimple', personIds: [await staffInOutbox(ctx)] }) },
  'exchange.push.markImported': {
    input: async (ctx) => {
      const r = await ctx.t.client.call('exchange.push.create', { kind: 'staffSimple', personIds: [await staffInOutbox(ctx)] });
      const h = (await ctx.t.client.call('exchange.history', { limit: 50 })).find((x) => x.id === r.exchangeId)!;
      return { exchangeId: h.id, version: h.version, date: '2026-11-30' };
    },
  },
  'exchange.reconciliation': { input: () => ({}) },
  'exchange.reconciliation.export': { input: () => ({}) },
};
