import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const settingsApi = contractEndpoints({
  settings: 'system.settings.get',
  saveSettings: 'system.settings.save',
  // Each click reads the feed again: never an answer cached from the last click.
  checkUpdates: onEachCall('system.updates.check'),
  setupState: 'system.setup.get',
  saveSetupState: 'system.setup.save',
});

export const { useSettingsQuery, useSaveSettingsMutation, useCheckUpdatesMutation, useSetupStateQuery, useSaveSetupStateMutation } = settingsApi;
