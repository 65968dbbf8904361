import { contractEndpoints } from '../../api/contractApi';

export const accessApi = contractEndpoints({
  sessionState: 'access.session.state',
  signIn: 'access.signIn',
  createAdmin: 'access.setup.createAdmin',
  signOut: 'access.signOut',
  changePassword: 'access.password.change',
  users: 'access.users.list',
  staffOptions: 'access.users.staffOptions',
  createUser: 'access.users.create',
  updateUser: 'access.users.update',
  resetPassword: 'access.users.resetPassword',
  unlockUser: 'access.users.unlock',
  rightsMatrix: 'access.rights.matrix',
  setRoleRight: 'access.rights.setRole',
  setUserRight: 'access.rights.setUser',
  accessSettings: 'access.settings.get',
  saveAccessSettings: 'access.settings.save',
});

export const {
  useSessionStateQuery,
  useSignInMutation,
  useCreateAdminMutation,
  useSignOutMutation,
  useChangePasswordMutation,
  useUsersQuery,
  useStaffOptionsQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  useResetPasswordMutation,
  useUnlockUserMutation,
  useRightsMatrixQuery,
  useSetRoleRightMutation,
  useSetUserRightMutation,
  useAccessSettingsQuery,
  useSaveAccessSettingsMutation,
} = accessApi;
