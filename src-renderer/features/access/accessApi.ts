import { baseApi } from '../../api/baseApi';
import type { AccessSettings, AppUserRow, RightsMatrix, SessionUser } from '../../../src-shared/contract/access';

export interface SessionState {
  setupRequired: boolean;
  /** In a browser: the first administrator needs the one-time code printed by `serve`. */
  setupCodeRequired: boolean;
  user: SessionUser | null;
}

export interface StaffOption {
  id: string;
  fullName: string;
  position: string | null;
}

export const accessApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    sessionState: build.query<SessionState, void>({
      query: () => ({ method: 'access.session.state' }),
      providesTags: ['Session'],
    }),
    signIn: build.mutation<{ user: SessionUser }, { login: string; password: string }>({
      query: (input) => ({ method: 'access.signIn', input }),
    }),
    createAdmin: build.mutation<{ user: SessionUser }, { login: string; fullName: string; password: string; setupCode?: string }>({
      query: (input) => ({ method: 'access.setup.createAdmin', input }),
    }),
    signOut: build.mutation<{ signedOut: boolean }, void>({
      query: () => ({ method: 'access.signOut', input: {} }),
    }),
    changePassword: build.mutation<{ user: SessionUser }, { currentPassword: string; newPassword: string }>({
      query: (input) => ({ method: 'access.password.change', input }),
      invalidatesTags: ['Session'],
    }),
    users: build.query<AppUserRow[], void>({
      query: () => ({ method: 'access.users.list' }),
      providesTags: ['Users'],
    }),
    staffOptions: build.query<StaffOption[], void>({
      query: () => ({ method: 'access.users.staffOptions' }),
    }),
    createUser: build.mutation<AppUserRow, { login: string; fullName: string; staffId: string | null; roles: string[]; password: string }>({
      query: (input) => ({ method: 'access.users.create', input }),
      invalidatesTags: ['Users', 'Audit'],
    }),
    updateUser: build.mutation<AppUserRow, { id: string; version: number; fullName: string; staffId: string | null; roles: string[]; isActive: boolean }>({
      query: (input) => ({ method: 'access.users.update', input }),
      invalidatesTags: ['Users', 'Session', 'Audit'],
    }),
    resetPassword: build.mutation<AppUserRow, { id: string; password: string }>({
      query: (input) => ({ method: 'access.users.resetPassword', input }),
      invalidatesTags: ['Users', 'Audit'],
    }),
    unlockUser: build.mutation<AppUserRow, { id: string }>({
      query: (input) => ({ method: 'access.users.unlock', input }),
      invalidatesTags: ['Users', 'Audit'],
    }),
    rightsMatrix: build.query<RightsMatrix, void>({
      query: () => ({ method: 'access.rights.matrix' }),
      providesTags: ['Rights'],
    }),
    setRoleRight: build.mutation<RightsMatrix, { role: string; right: string; granted: boolean }>({
      query: (input) => ({ method: 'access.rights.setRole', input }),
      invalidatesTags: ['Session', 'Audit'],
      // The answer is the new matrix: show it at once instead of asking again.
      async onQueryStarted(_input, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(accessApi.util.upsertQueryData('rightsMatrix', undefined, data));
        } catch {
          // the error is shown by the global notifier
        }
      },
    }),
    setUserRight: build.mutation<AppUserRow, { userId: string; right: string; mode: 'default' | 'grant' | 'deny' }>({
      query: (input) => ({ method: 'access.rights.setUser', input }),
      invalidatesTags: ['Users', 'Session', 'Audit'],
    }),
    accessSettings: build.query<AccessSettings, void>({
      query: () => ({ method: 'access.settings.get' }),
      providesTags: ['AccessSettings'],
    }),
    saveAccessSettings: build.mutation<AccessSettings, AccessSettings>({
      query: (input) => ({ method: 'access.settings.save', input }),
      invalidatesTags: ['AccessSettings', 'Audit'],
    }),
  }),
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
