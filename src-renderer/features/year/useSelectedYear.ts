import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { useYearsQuery } from './yearApi';

const KEY = 'school-office.selectedYear';

/**
 * The academic year the set-up pages work on: the one the user picked last time on this PC (the
 * next year is prepared while the current one runs), else the current one. A link that names the
 * year (`?yearId=`, the timetable's pre-check links) wins and becomes the choice.
 */
export function useSelectedYear(): {
  years: AcademicYear[];
  year: AcademicYear | null;
  setYearId: (id: string) => void;
  isLoading: boolean;
} {
  const { data, isLoading } = useYearsQuery();
  const [picked, setPicked] = useState<string | null>(() => {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  });
  const [params, setParams] = useSearchParams();
  const linked = params.get('yearId');
  const setYearId = useCallback(
    (id: string) => {
      setPicked(id);
      try {
        window.localStorage.setItem(KEY, id);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      // The link's year has become the choice; the address stops overriding the year select.
      setParams(
        (p) => {
          p.delete('yearId');
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const years = data?.years ?? [];
  const year = years.find((y) => y.id === linked) ?? years.find((y) => y.id === picked) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
  useEffect(() => {
    if (linked && years.some((y) => y.id === linked)) setYearId(linked);
  }, [linked, years, setYearId]);
  // A year deleted elsewhere must not stay selected.
  useEffect(() => {
    if (data && picked && !years.some((y) => y.id === picked)) setPicked(null);
  }, [data, picked, years]);
  return { years, year, setYearId, isLoading };
}
