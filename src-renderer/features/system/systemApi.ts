import { baseApi } from '../../api/baseApi';
import type { BackupInfo, SystemStatus } from '../../../src-shared/contract/system';

export const systemApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    status: build.query<SystemStatus, void>({
      query: () => ({ method: 'system.status' }),
      providesTags: ['System'],
    }),
    backups: build.query<BackupInfo[], void>({
      query: () => ({ method: 'system.backup.list' }),
      providesTags: ['Backup'],
    }),
    createBackup: build.mutation<BackupInfo, { jobId: string }>({
      query: (input) => ({ method: 'system.backup.create', input }),
      invalidatesTags: ['Backup'],
    }),
  }),
});

export const { useStatusQuery, useBackupsQuery, useCreateBackupMutation } = systemApi;
