import type { MethodInput } from '../../../src-shared/contract/define';
import type { Contract } from '../../../src-shared/contract/index';
import { contractEndpoints, onEachCall } from '../../api/contractApi';

export type AssignChange = MethodInput<Contract, 'load.assign'>['changes'][number];

export const loadApi = contractEndpoints({
  loadGrid: 'load.grid',
  assignTeachers: 'load.assign',
  teacherCard: 'load.teacher',
  saveQualifications: 'load.qualifications.save',
  saveLoadSettings: 'load.settings.save',
  exportTarification: onEachCall('load.export.tarification'),
  exportVacancies: onEachCall('load.export.vacancies'),
});

export const {
  useLoadGridQuery,
  useAssignTeachersMutation,
  useTeacherCardQuery,
  useSaveQualificationsMutation,
  useSaveLoadSettingsMutation,
  useExportTarificationMutation,
  useExportVacanciesMutation,
} = loadApi;
