import { useMemo } from 'react';
import { isValidIsoDate } from '../../../src-shared/contract/fields';
import type { DuplicateQuery } from '../../../src-shared/contract/peopleMerge';
import type { DuplicateCandidate } from '../../../src-shared/contract/peopleViews';
import type { PersonKind } from '../../../src-shared/domain/personRules';
import { checkSnils } from '../../../src-shared/domain/validators';
import { useParentDuplicatesQuery, usePupilDuplicatesQuery, useStaffDuplicatesQuery } from './peopleApi';
import { useDebounced } from '../../components/usePersisted';

/**
 * The duplicate warning while a new card is being typed: as soon as the ФИО with a birth date, or a
 * valid СНИЛС, match an existing card, the form shows it with «Открыть» / «Привязать» — before the
 * user has typed the rest of the card twice. The server still refuses a duplicate on save.
 */
export interface EarlyProbe {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  snils?: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function useEarlyDuplicates(kind: PersonKind, probe: EarlyProbe, enabled: boolean): DuplicateCandidate[] {
  const lastName = text(probe.lastName);
  const firstName = text(probe.firstName);
  const birthDate = text(probe.birthDate);
  const snils = text(probe.snils);
  const byName = lastName.length > 0 && firstName.length > 0 && isValidIsoDate(birthDate);
  const bySnils = snils.length > 0 && checkSnils(snils) === null;
  // Debounced as text: a fresh object every render would restart the timer for ever.
  const key = useDebounced(JSON.stringify({ kind, lastName, firstName, middleName: text(probe.middleName) || null, birthDate: byName ? birthDate : null, snils: bySnils ? snils : null }), 300);
  const query = useMemo(() => JSON.parse(key) as DuplicateQuery & { kind: PersonKind; birthDate: string | null; snils: string | null }, [key]);
  const ready = enabled && (Boolean(query.birthDate && query.lastName && query.firstName) || Boolean(query.snils));
  const { kind: asked, ...input } = query;
  // One endpoint per kind of card; only the one of this card's kind asks the core.
  const pupils = usePupilDuplicatesQuery(input, { skip: !ready || asked !== 'pupil' });
  const parents = useParentDuplicatesQuery(input, { skip: !ready || asked !== 'parent' });
  const staff = useStaffDuplicatesQuery(input, { skip: !ready || asked !== 'staff' });
  const data = asked === 'pupil' ? pupils.data : asked === 'parent' ? parents.data : staff.data;
  return ready ? (data ?? []) : [];
}
