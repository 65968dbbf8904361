import { personTokens } from '../../../../src-shared/domain/personSearch';
import { newId } from '../../../../src-shared/domain/ids';
import { insertMany } from '../../db/insertMany';
import type { Executor } from '../../foundation/executor';
import { scalarColumns, type CardSpec } from '../cardSpec';
import { derivedColumns, searchable, writeChildren, type Card } from './cards';

/**
 * New cards written many at a time (an import of a whole school): the same rows `insertCard`
 * writes — the card, its documents and addresses, its search tokens — in a few multi-row
 * statements. On PostgreSQL every statement is a round trip; one card took eight of them.
 */

async function insertChunked(db: Executor, table: 'pupil' | 'parent' | 'staff' | 'personDocument' | 'personAddress' | 'personSearchToken', rows: Record<string, unknown>[]): Promise<void> {
  await insertMany(db, table, rows as never);
}

export async function insertCards(trx: Executor, spec: CardSpec, cards: readonly { id: string; card: Card }[], now: string): Promise<void> {
  if (cards.length === 0) return;
  // Every row names the same columns (a multi-row insert takes the first row's): complete cards only.
  await insertChunked(
    trx,
    spec.table,
    cards.map(({ id, card }) => ({ id, ...scalarColumns(spec, card), ...derivedColumns(spec, card), version: 1, createdAt: now, updatedAt: now, searchIndexed: 1 })),
  );
  const documents = cards.flatMap(({ id, card }) =>
    card.documents.map((d, i) => ({ id: d.id ?? newId(), personKind: spec.kind, personId: id, sortOrder: i, type: d.type, series: d.series, number: d.number, issueDate: d.issueDate, issuer: d.issuer, issuerCode: d.issuerCode })),
  );
  await insertChunked(trx, 'personDocument', documents);
  const addresses = cards.flatMap(({ id, card }) => card.addresses.map((a) => ({ ...a, personKind: spec.kind, personId: id })));
  await insertChunked(trx, 'personAddress', addresses);
  // Staff cards carry more lists; an import brings few staff, so they go one card at a time.
  if (spec.kind === 'staff') for (const { id, card } of cards) await writeChildren(trx, spec, id, { positions: card.positions, educations: card.educations, familyMembers: card.familyMembers, trainings: card.trainings } as Partial<Card>);
  const tokens = cards.flatMap(({ id, card }) => personTokens(searchable(card, spec)).map((token) => ({ kind: spec.kind, token, personId: id })));
  await insertChunked(trx, 'personSearchToken', tokens);
}
