import type { schoolContract } from '../../../src-shared/contract/school';
import { getSchoolCard, saveSchoolCard } from '../schoolSetup/index';
import type { Handlers } from './types';

export const schoolHandlers: Handlers<typeof schoolContract> = {
  'school.card.get': async (_input, ctx) => getSchoolCard(ctx),
  'school.card.save': async ({ card, version }, ctx) => saveSchoolCard(ctx, card, version),
};
