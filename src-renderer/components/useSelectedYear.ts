import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { useCallback, useEffect } from 'react';
import { useDispatch, useSelector } from 'react-redux';
import { useSearchParams } from 'react-router';
import type { AcademicYear } from '../../src-shared/contract/years';
import { useYearsQuery } from './yearsApi';

const KEY = 'school-office.selectedYear';

/** The browser's storage; typed here because the store also runs in Node tests (no DOM types there). */
function storage(): { getItem(key: string): string | null; setItem(key: string, value: string): void } | undefined {
  return (globalThis as { localStorage?: ReturnType<typeof storage> }).localStorage;
}

/** The year picked last time on this PC (the next year is prepared while the current one runs). */
function rememberedYear(): string | null {
  try {
    return storage()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * The selected academic year as the window's shared state (the store registers this slice): a year
 * picked on one page is the year of every other page, with no feature importing another for it.
 */
export const selectedYearSlice = createSlice({
  name: 'selectedYear',
  initialState: () => ({ id: rememberedYear() }),
  reducers: {
    yearSelected(state, action: PayloadAction<string | null>) {
      state.id = action.payload;
    },
  },
});

const { yearSelected } = selectedYearSlice.actions;

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
  const picked = useSelector((s: { selectedYear: { id: string | null } }) => s.selectedYear.id);
  const dispatch = useDispatch();
  const [params, setParams] = useSearchParams();
  const linked = params.get('yearId');
  const setYearId = useCallback(
    (id: string) => {
      dispatch(yearSelected(id));
      try {
        storage()?.setItem(KEY, id);
      } catch {
        /* private mode: the choice lasts for this window only */
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
    [dispatch, setParams],
  );
  const years = data?.years ?? [];
  const year = years.find((y) => y.id === linked) ?? years.find((y) => y.id === picked) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
  useEffect(() => {
    if (linked && years.some((y) => y.id === linked)) setYearId(linked);
  }, [linked, years, setYearId]);
  // A year deleted elsewhere must not stay selected.
  useEffect(() => {
    if (data && picked && !years.some((y) => y.id === picked)) dispatch(yearSelected(null));
  }, [data, picked, years, dispatch]);
  return { years, year, setYearId, isLoading };
}
