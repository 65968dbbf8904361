import { contractEndpoints, type ResultOf } from '../../api/contractApi';

export type SchoolCardState = ResultOf<'school.card.get'>;

export const schoolApi = contractEndpoints({
  schoolCard: 'school.card.get',
  saveSchoolCard: 'school.card.save',
});

export const { useSchoolCardQuery, useSaveSchoolCardMutation } = schoolApi;
