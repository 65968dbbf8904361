import type { HistoryRow } from '../../../../src-shared/contract/peopleViews';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import type { Executor } from '../../foundation/executor';


/**
 * The «История изменений» tab: audit entries of the card, of the cards merged into it, of its links
 * to parents or children and of its portal account — oldest first. Readable by whoever may read the
 * card (the full log stays with `audit.read`).
 */
export async function mergedIds(db: Executor, kind: PersonKind, id: string): Promise<string[]> {
  const out: string[] = [];
  let frontier = [id];
  // Merges can chain (A ← B, then B's earlier merge C): follow them a few levels.
  for (let depth = 0; depth < 5 && frontier.length > 0; depth++) {
    const rows = await db.selectFrom('personMerge').select('removedId').where('kind', '=', kind).where('keptId', 'in', frontier).execute();
    frontier = rows.map((r) => r.removedId).filter((r) => !out.includes(r));
    out.push(...frontier);
  }
  return out;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function cardHistory(db: Executor, kind: PersonKind, id: string): Promise<HistoryRow[]> {
  const ids = [id, ...(await mergedIds(db, kind, id))];
  const accounts = (await db.selectFrom('portalAccount').select('id').where('personKind', '=', kind).where('personId', 'in', ids).execute()).map((a) => a.id);
  const rows = await db
    .selectFrom('auditLog')
    .select(['id', 'at', 'userName', 'action', 'recordId', 'changes', 'cause', 'entity', 'seq'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', kind), eb('recordId', 'in', ids)]),
        eb.and([eb('entity', '=', 'person'), eb('recordId', 'in', ids)]),
        ...(accounts.length ? [eb.and([eb('entity', '=', 'portalAccount'), eb('recordId', 'in', accounts)])] : []),
      ]),
    )
    .orderBy('at')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.userName,
    action: r.entity === 'portalAccount' ? `account-${r.action}` : r.action,
    recordId: r.recordId,
    changes: parse(r.changes),
    cause: r.cause,
  }));
}
