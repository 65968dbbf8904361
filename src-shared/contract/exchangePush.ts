import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate } from './fields';
import { exportedFile } from './files';
import { exchangeRow, outboxEntry, PUSH_KINDS, pushResult, reconciliation } from './exchange';

const exchangeId = z.string().min(1).max(100);

/** Pushes to the portal (its import files), the outbox and the reconciliation report. */
export const exchangePushContract = {
  /** People changed since the last push, with what will change in the portal and which file carries them. */
  'exchange.outbox': query({
    summary: 'Исходящие в портал: что изменилось с последней передачи',
    right: 'exchange.read',
    input: z.object({}).optional(),
    /** `counts`: the rows each push file would have now (the buttons show them). */
    output: z.object({ entries: z.array(outboxEntry), since: z.string().nullable(), counts: z.record(z.enum(PUSH_KINDS), z.number().int()) }),
  }),
  /** Writes a portal import file; values the portal would reject are returned and nothing is written. */
  'exchange.push.create': mutation({
    summary: 'Сформировать файл для импорта в портал',
    right: 'exchange.push',
    entity: 'portalExchange',
    exportsPersonalData: true,
    input: z.object({
      kind: z.enum(PUSH_KINDS),
      /** Only these people (default: all of the outbox the file kind carries). */
      personIds: z.array(z.string().max(100)).max(20_000).optional(),
      separator: z.enum([';', ',']).default(';'),
    }),
    output: pushResult,
  }),
  /** A person confirms the file was imported into the portal. */
  'exchange.push.markImported': mutation({
    summary: 'Отметить файл как загруженный в портал',
    right: 'exchange.push',
    entity: 'portalExchange',
    input: z.object({ exchangeId, version: z.number().int(), date: isoDate }),
    output: exchangeRow,
  }),
  /** People and classes that differ between the office and the last applied pull. */
  'exchange.reconciliation': query({
    summary: 'Сверка с порталом',
    right: 'exchange.read',
    input: z.object({}).optional(),
    output: reconciliation,
  }),
  'exchange.reconciliation.export': query({
    summary: 'Сверка с порталом в Excel',
    right: 'exchange.read',
    exportsPersonalData: true,
    input: z.object({}).optional(),
    output: exportedFile,
  }),
};
