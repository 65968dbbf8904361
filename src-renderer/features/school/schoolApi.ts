import { baseApi } from '../../api/baseApi';
import type { SchoolCard, SchoolCardInput } from '../../../src-shared/contract/school';

export interface SchoolCardState {
  card: SchoolCard | null;
  version: number;
  updatedAt: string | null;
}

export const schoolApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    schoolCard: build.query<SchoolCardState, void>({
      query: () => ({ method: 'school.card.get' }),
      providesTags: ['School'],
    }),
    saveSchoolCard: build.mutation<SchoolCardState, { card: SchoolCardInput; version: number }>({
      query: (input) => ({ method: 'school.card.save', input }),
      invalidatesTags: ['School'],
    }),
  }),
});

export const { useSchoolCardQuery, useSaveSchoolCardMutation } = schoolApi;
