import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const classesApi = contractEndpoints({
  exportClasses: onEachCall('setup.classes.export'),
  setupStaffOptions: 'setup.staff.options',
  classes: 'setup.classes.list',
  saveClass: 'setup.classes.save',
  createClasses: 'setup.classes.createMany',
  deleteClass: 'setup.classes.delete',
  classPupils: 'setup.classes.pupils',
  subgroups: 'setup.subgroups.list',
  splitClass: 'setup.subgroups.split',
  deleteSubgroup: 'setup.subgroups.delete',
  setSubgroupMembers: 'setup.subgroups.setMembers',
});

export const {
  useExportClassesMutation,
  useSetupStaffOptionsQuery,
  useClassesQuery,
  useSaveClassMutation,
  useCreateClassesMutation,
  useDeleteClassMutation,
  useClassPupilsQuery,
  useSubgroupsQuery,
  useSplitClassMutation,
  useDeleteSubgroupMutation,
  useSetSubgroupMembersMutation,
} = classesApi;

/**
 * The old name, kept for the rollover wizard (features/movement). It must come from here: the access
 * feature has an endpoint `staffOptions` of its own with another shape, and RTK Query keeps only the
 * first endpoint of a name — which is why this one is called `setupStaffOptions`.
 */
export const useStaffOptionsQuery = useSetupStaffOptionsQuery;
