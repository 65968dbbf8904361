import { contractEndpoints, onEachCall, type ResultOf } from '../../api/contractApi';

export type MergePreview = ResultOf<'people.merge.preview'>;

/** Pupil, parent and staff cards and lists, family links, duplicates and merging. */
export const peopleApi = contractEndpoints({
  pupils: 'people.pupils.list',
  pupilsCount: 'people.pupils.count',
  pupil: 'people.pupils.get',
  createPupil: 'people.pupils.create',
  updatePupil: 'people.pupils.update',
  exportPupils: onEachCall('people.pupils.export'),
  pupilHistory: 'people.pupils.history',
  pupilDuplicates: 'people.pupils.duplicates',

  parents: 'people.parents.list',
  parentsCount: 'people.parents.count',
  parent: 'people.parents.get',
  createParent: 'people.parents.create',
  updateParent: 'people.parents.update',
  exportParents: onEachCall('people.parents.export'),
  parentHistory: 'people.parents.history',
  parentDuplicates: 'people.parents.duplicates',

  addLink: 'people.links.add',
  updateLink: 'people.links.update',
  removeLink: 'people.links.remove',

  staffList: 'staff.list',
  staffCount: 'staff.count',
  staff: 'staff.get',
  createStaff: 'staff.create',
  updateStaff: 'staff.update',
  exportStaff: onEachCall('staff.export'),
  staffHistory: 'staff.history',
  staffDuplicates: 'staff.duplicates',

  mergePreview: 'people.merge.preview',
  merge: 'people.merge.apply',
});

export const {
  usePupilsQuery,
  usePupilsCountQuery,
  usePupilQuery,
  useCreatePupilMutation,
  useUpdatePupilMutation,
  useExportPupilsMutation,
  usePupilHistoryQuery,
  usePupilDuplicatesQuery,
  useParentsQuery,
  useParentsCountQuery,
  useParentQuery,
  useCreateParentMutation,
  useUpdateParentMutation,
  useExportParentsMutation,
  useParentHistoryQuery,
  useParentDuplicatesQuery,
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
  useStaffDuplicatesQuery,
  useMergePreviewQuery,
  useMergeMutation,
} = peopleApi;
