import { PUPIL_EMPTY, PUPIL_LABELS, PUPIL_SCHEMAS } from '../../../src-shared/contract/people';
import { PARENT_EMPTY, PARENT_LABELS, PARENT_SCHEMAS } from '../../../src-shared/contract/peopleParents';
import { STAFF_EMPTY, STAFF_LABELS, STAFF_SCHEMAS } from '../../../src-shared/contract/staff';
import {
  useCreateParentMutation,
  useCreatePupilMutation,
  useCreateStaffMutation,
  useParentHistoryQuery,
  useParentQuery,
  usePupilHistoryQuery,
  usePupilQuery,
  useStaffHistoryQuery,
  useStaffQuery,
  useUpdateParentMutation,
  useUpdatePupilMutation,
  useUpdateStaffMutation,
} from './peopleApi';
import type { ParentView, PupilView, StaffView } from '../../../src-shared/contract/peopleViews';
import type { PersonCardSpec } from './PersonCardPage';

/** The three people cards: one scaffold (./PersonCardPage.tsx), these differences. */

const PERSON_EMPTY = { lastName: '', firstName: '', sex: undefined, documents: [], addresses: [], photo: null };

export const PUPIL_CARD: PersonCardSpec<PupilView, 'people.pupils.create', 'people.pupils.update'> = {
  kind: 'pupil',
  record: 'Карточка обучающегося',
  labels: PUPIL_LABELS,
  fieldKeys: Object.keys(PUPIL_SCHEMAS.full.shape),
  patchSchema: PUPIL_SCHEMAS.patch,
  empty: { ...PUPIL_EMPTY, ...PERSON_EMPTY },
  editRight: 'pupils.edit',
  listPath: '/pupils',
  newTitle: 'Новый обучающийся',
  createMethod: 'people.pupils.create',
  updateMethod: 'people.pupils.update',
  useView: usePupilQuery,
  useHistory: usePupilHistoryQuery,
  useCreate: useCreatePupilMutation,
  useUpdate: useUpdatePupilMutation,
};

export const PARENT_CARD: PersonCardSpec<ParentView, 'people.parents.create', 'people.parents.update'> = {
  kind: 'parent',
  record: 'Карточка родителя',
  labels: PARENT_LABELS,
  fieldKeys: Object.keys(PARENT_SCHEMAS.full.shape),
  patchSchema: PARENT_SCHEMAS.patch,
  empty: { ...PARENT_EMPTY, ...PERSON_EMPTY },
  editRight: 'parents.edit',
  listPath: '/parents',
  newTitle: 'Новый родитель',
  createMethod: 'people.parents.create',
  updateMethod: 'people.parents.update',
  useView: useParentQuery,
  useHistory: useParentHistoryQuery,
  useCreate: useCreateParentMutation,
  useUpdate: useUpdateParentMutation,
};

export const STAFF_CARD: PersonCardSpec<StaffView, 'staff.create', 'staff.update'> = {
  kind: 'staff',
  record: 'Карточка сотрудника',
  labels: STAFF_LABELS,
  fieldKeys: Object.keys(STAFF_SCHEMAS.full.shape),
  patchSchema: STAFF_SCHEMAS.patch,
  empty: { ...STAFF_EMPTY, ...PERSON_EMPTY, positions: [], educations: [], familyMembers: [], trainings: [] },
  editRight: 'staff.edit',
  listPath: '/staff',
  newTitle: 'Новый сотрудник',
  createMethod: 'staff.create',
  updateMethod: 'staff.update',
  createOnlyKeys: ['hireOrder'],
  // The hire order goes only with its date: the portal account's deadline counts from it.
  prepareCreate: (payload) => {
    const order = payload.hireOrder as { orderDate?: string | null } | undefined;
    return { ...payload, hireOrder: order?.orderDate ? { orderDate: order.orderDate } : undefined };
  },
  useView: useStaffQuery,
  useHistory: useStaffHistoryQuery,
  useCreate: useCreateStaffMutation,
  useUpdate: useUpdateStaffMutation,
};
