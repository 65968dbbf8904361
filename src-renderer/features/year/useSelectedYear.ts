import { useCallback, useEffect, useState } from 'react';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { useYearsQuery } from './yearApi';

const KEY = 'school-office.selectedYear';

/**
 * The academic year the set-up pages work on: the one the user picked last time on this PC (the
 * next year is prepared while the current one runs), else the current one.
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
  const years = data?.years ?? [];
  const year = years.find((y) => y.id === picked) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
  // A year deleted elsewhere must not stay selected.
  useEffect(() => {
    if (data && picked && !years.some((y) => y.id === picked)) setPicked(null);
  }, [data, picked, years]);
  const setYearId = useCallback((id: string) => {
    setPicked(id);
    try {
      window.localStorage.setItem(KEY, id);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  return { years, year, setYearId, isLoading };
}
