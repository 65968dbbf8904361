import { contractEndpoints, onEachCall } from '../../api/contractApi';

export const subjectsApi = contractEndpoints({
  exportSubjects: onEachCall('setup.subjects.export'),
  subjects: 'setup.subjects.list',
  saveSubject: 'setup.subjects.save',
  deleteSubject: 'setup.subjects.delete',
  loadStarterSubjects: 'setup.subjects.loadStarter',
  saveSubjectArea: 'setup.subjectAreas.save',
});

export const { useExportSubjectsMutation, useSubjectsQuery, useSaveSubjectMutation, useDeleteSubjectMutation, useLoadStarterSubjectsMutation, useSaveSubjectAreaMutation } = subjectsApi;
