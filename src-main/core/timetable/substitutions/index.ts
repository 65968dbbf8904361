import type { HandlerContext } from '../../foundation/context';
import { getSchoolCard } from '../../schoolSetup/index';
import { subsDay } from './dayView';
import { monthLedger } from './ledger';
import { daySheet, ledgerWorkbook } from './subsXlsx';

/** Substitutions (issue 16 parts 5–6): public surface used by the api handlers. */
export { subsDay } from './dayView';
export { monthLedger } from './ledger';
export { weekMarks } from './weekMarks';
export { assignSubstitution, createAbsence, deleteAbsence, removeSubstitution } from './subsService';
export { createClosure, deleteClosure } from './closureService';

export async function exportSubs(ctx: HandlerContext, input: { kind: 'day'; date: string } | { kind: 'ledger'; month: string }) {
  const card = await getSchoolCard(ctx);
  const school = card.card?.fullName ?? card.card?.shortName ?? 'Образовательная организация';
  if (input.kind === 'day') return daySheet(await subsDay(ctx.core.db, input.date), school);
  return ledgerWorkbook(ctx.core.db, await monthLedger(ctx.core.db, input.month), school);
}
