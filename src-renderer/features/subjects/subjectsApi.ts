import { contractEndpoints } from '../../api/contractApi';

export const subjectsApi = contractEndpoints({
  subjects: 'setup.subjects.list',
  saveSubject: 'setup.subjects.save',
  deleteSubject: 'setup.subjects.delete',
  loadStarterSubjects: 'setup.subjects.loadStarter',
  saveSubjectArea: 'setup.subjectAreas.save',
});

export const { useSubjectsQuery, useSaveSubjectMutation, useDeleteSubjectMutation, useLoadStarterSubjectsMutation, useSaveSubjectAreaMutation } = subjectsApi;
