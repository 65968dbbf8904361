import { baseApi } from '../../api/baseApi';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { PupilCreateInput, PupilFilter, PupilUpdateInput } from '../../../src-shared/contract/people';
import type { ParentCreateInput, ParentFilter, ParentLinkInput, ParentUpdateInput } from '../../../src-shared/contract/peopleParents';
import type { DuplicateCandidate, HistoryRow, ParentRow, ParentView, PupilRow, PupilView, StaffRow, StaffView } from '../../../src-shared/contract/peopleViews';
import type { StaffCreateInput, StaffFilter, StaffUpdateInput } from '../../../src-shared/contract/staff';
import type { DuplicateQuery } from '../../../src-shared/contract/peopleMerge';
import type { PersonKind } from '../../../src-shared/domain/personRules';

type Paged<F> = F & { offset?: number; limit?: number };
type Columns<F> = F & { columns?: string[] };

// A card change shows in lists, in the other side of a link, and in portal accounts.
const PEOPLE = ['Pupils', 'Parents', 'Staff', 'Accounts'] as const;

export interface MergePreview {
  keepName: string;
  removeName: string;
  keepVersion: number;
  removeVersion: number;
  fields: { field: string; label: string; keep: unknown; remove: unknown; result: 'keep' | 'remove' | 'same' | 'both' }[];
  moves: string[];
}

export const peopleApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    pupils: build.query<PupilRow[], Paged<PupilFilter>>({ query: (input) => ({ method: 'people.pupils.list', input }), providesTags: ['Pupils'] }),
    pupilsCount: build.query<{ total: number }, PupilFilter>({ query: (input) => ({ method: 'people.pupils.count', input }), providesTags: ['Pupils'] }),
    pupil: build.query<PupilView, string>({ query: (id) => ({ method: 'people.pupils.get', input: { id } }), providesTags: ['Pupils'] }),
    createPupil: build.mutation<PupilView, PupilCreateInput>({ query: (input) => ({ method: 'people.pupils.create', input }), invalidatesTags: [...PEOPLE] }),
    updatePupil: build.mutation<PupilView, PupilUpdateInput>({ query: (input) => ({ method: 'people.pupils.update', input }), invalidatesTags: [...PEOPLE] }),
    exportPupils: build.mutation<ExportedFile, Columns<PupilFilter>>({ query: (input) => ({ method: 'people.pupils.export', input }) }),
    pupilHistory: build.query<HistoryRow[], string>({ query: (id) => ({ method: 'people.pupils.history', input: { id } }), providesTags: ['Pupils', 'Audit'] }),

    parents: build.query<ParentRow[], Paged<ParentFilter>>({ query: (input) => ({ method: 'people.parents.list', input }), providesTags: ['Parents'] }),
    parentsCount: build.query<{ total: number }, ParentFilter>({ query: (input) => ({ method: 'people.parents.count', input }), providesTags: ['Parents'] }),
    parent: build.query<ParentView, string>({ query: (id) => ({ method: 'people.parents.get', input: { id } }), providesTags: ['Parents'] }),
    createParent: build.mutation<ParentView, ParentCreateInput>({ query: (input) => ({ method: 'people.parents.create', input }), invalidatesTags: [...PEOPLE] }),
    updateParent: build.mutation<ParentView, ParentUpdateInput>({ query: (input) => ({ method: 'people.parents.update', input }), invalidatesTags: [...PEOPLE] }),
    exportParents: build.mutation<ExportedFile, Columns<ParentFilter>>({ query: (input) => ({ method: 'people.parents.export', input }) }),
    parentHistory: build.query<HistoryRow[], string>({ query: (id) => ({ method: 'people.parents.history', input: { id } }), providesTags: ['Parents', 'Audit'] }),

    addLink: build.mutation<unknown, ParentLinkInput>({ query: (input) => ({ method: 'people.links.add', input }), invalidatesTags: [...PEOPLE] }),
    updateLink: build.mutation<unknown, ParentLinkInput & { isLegalRepresentative: boolean }>({ query: (input) => ({ method: 'people.links.update', input }), invalidatesTags: [...PEOPLE] }),
    removeLink: build.mutation<{ removed: boolean }, { pupilId: string; parentId: string }>({ query: (input) => ({ method: 'people.links.remove', input }), invalidatesTags: [...PEOPLE] }),

    staffList: build.query<StaffRow[], Paged<StaffFilter>>({ query: (input) => ({ method: 'staff.list', input }), providesTags: ['Staff'] }),
    staffCount: build.query<{ total: number }, StaffFilter>({ query: (input) => ({ method: 'staff.count', input }), providesTags: ['Staff'] }),
    staff: build.query<StaffView, string>({ query: (id) => ({ method: 'staff.get', input: { id } }), providesTags: ['Staff'] }),
    createStaff: build.mutation<StaffView, StaffCreateInput>({ query: (input) => ({ method: 'staff.create', input }), invalidatesTags: [...PEOPLE] }),
    updateStaff: build.mutation<StaffView, StaffUpdateInput>({ query: (input) => ({ method: 'staff.update', input }), invalidatesTags: [...PEOPLE] }),
    exportStaff: build.mutation<ExportedFile, Columns<StaffFilter>>({ query: (input) => ({ method: 'staff.export', input }) }),
    staffHistory: build.query<HistoryRow[], string>({ query: (id) => ({ method: 'staff.history', input: { id } }), providesTags: ['Staff', 'Audit'] }),

    duplicates: build.query<DuplicateCandidate[], DuplicateQuery & { kind: PersonKind }>({
      query: ({ kind, ...input }) => ({ method: kind === 'pupil' ? 'people.pupils.duplicates' : kind === 'parent' ? 'people.parents.duplicates' : 'staff.duplicates', input }),
    }),
    mergePreview: build.query<MergePreview, { kind: PersonKind; keepId: string; removeId: string }>({
      query: (input) => ({ method: 'people.merge.preview', input }),
      providesTags: [...PEOPLE],
    }),
    merge: build.mutation<{ keepId: string; moved: string[] }, { kind: PersonKind; keepId: string; removeId: string; keepVersion: number; removeVersion: number; takeFromRemoved: string[] }>({
      query: (input) => ({ method: 'people.merge.apply', input }),
      invalidatesTags: [...PEOPLE],
    }),
  }),
});

export const {
  usePupilsQuery,
  usePupilsCountQuery,
  usePupilQuery,
  useCreatePupilMutation,
  useUpdatePupilMutation,
  useExportPupilsMutation,
  usePupilHistoryQuery,
  useParentsQuery,
  useParentsCountQuery,
  useParentQuery,
  useCreateParentMutation,
  useUpdateParentMutation,
  useExportParentsMutation,
  useParentHistoryQuery,
  useAddLinkMutation,
  useUpdateLinkMutation,
  useRemoveLinkMutation,
  useStaffListQuery,
  useStaffCountQuery,
  useStaffQuery,
  useCreateStaffMutation,
  useUpdateStaffMutation,
  useExportStaffMutation,
  useStaffHistoryQuery,
  useDuplicatesQuery,
  useLazyDuplicatesQuery,
  useMergePreviewQuery,
  useMergeMutation,
} = peopleApi;
