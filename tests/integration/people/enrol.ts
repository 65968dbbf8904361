import type { ApiClient } from '../../../src-shared/transport';

/**
 * Puts pupils in a class the way the office does: an enrolment order of the movement book, signed.
 * Signing starts the 3-working-day deadline of their portal accounts (work order 3.6).
 */
export async function enrolByOrder(
  client: ApiClient,
  o: { pupilIds: string[]; classId: string; orderDate: string; effectiveDate?: string; numberText: string; enrollKind?: 'otherSchool' | 'contingent' | 'first' },
): Promise<void> {
  const draft = await client.call('movement.orders.save', {
    id: null,
    version: 0,
    order: {
      type: 'enroll',
      orderDate: o.orderDate,
      title: 'О зачислении обучающихся',
      items: o.pupilIds.map((pupilId) => ({ pupilId, toClassId: o.classId, effectiveDate: o.effectiveDate ?? o.orderDate, enrollKind: o.enrollKind ?? 'otherSchool', originSchool: 'МБОУ «СОШ № 12»' })),
    },
  });
  await client.call('movement.orders.sign', { id: draft.id, version: draft.version, numberText: o.numberText });
}
