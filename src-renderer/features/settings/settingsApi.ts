import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const settingsApi = contractEndpoints({
  settings: 'system.settings.get',
  saveSettings: 'system.settings.save',
  // Each click reads the feed again: never an answer cached from the last click.
  checkUpdates: onEachCall('system.updates.check'),
  // The log grows while the program runs: each opening and each download reads the file again.
  readLog: onEachCall('system.logs.read'),
  downloadLog: onEachCall('system.logs.download'),
  loadDemo: 'system.demo.load',
  cancelDemo: onEachCall('system.demo.cancel'),
  // Each click tries the server again.
  testDatabase: onEachCall('system.database.test'),
  chooseDatabase: 'system.database.choose',
  setupState: 'system.setup.get',
  saveSetupState: 'system.setup.save',
});

export const { useSettingsQuery, useSaveSettingsMutation, useCheckUpdatesMutation, useReadLogMutation, useDownloadLogMutation, useSetupStateQuery, useSaveSetupStateMutation, useLoadDemoMutation, useCancelDemoMutation, useTestDatabaseMutation, useChooseDatabaseMutation } = settingsApi;
