import { contractEndpoints } from '../../api/contractApi';

export const systemApi = contractEndpoints({
  status: 'system.status',
  backups: 'system.backup.list',
  createBackup: 'system.backup.create',
  restoreBackup: 'system.backup.restore',
  backupSchedule: 'system.backup.schedule.get',
  saveBackupSchedule: 'system.backup.schedule.save',
  exportKeys: 'system.keys.export',
  importKeys: 'system.keys.import',
});

export const { useStatusQuery, useBackupsQuery, useCreateBackupMutation, useRestoreBackupMutation, useBackupScheduleQuery, useSaveBackupScheduleMutation, useExportKeysMutation, useImportKeysMutation } =
  systemApi;
