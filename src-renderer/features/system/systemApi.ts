import { contractEndpoints } from '../../api/contractApi';

export const systemApi = contractEndpoints({
  status: 'system.status',
  backups: 'system.backup.list',
  createBackup: 'system.backup.create',
});

export const { useStatusQuery, useBackupsQuery, useCreateBackupMutation } = systemApi;
