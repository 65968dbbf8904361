import type { peopleContract } from '../../../src-shared/contract/people';
import { addLink, removeLink, updateLink } from '../people/index';
import { visibleDuplicates } from '../people/index';
import { applyMerge, previewMerge } from '../people/index';
import { countParents, listParents } from '../people/index';
import { createParent, getParent, parentHistory, updateParent } from '../people/index';
import { countPupils, listPupils } from '../people/index';
import { createPupil, getPupil, pupilHistory, updatePupil } from '../people/index';
import type { Handlers } from './types';
import { runJob } from '../workerJobs';

export const peopleHandlers: Handlers<typeof peopleContract> = {
  'people.pupils.list': async (input, ctx) => listPupils(ctx, input ?? {}),
  'people.pupils.count': async (input, ctx) => countPupils(ctx, input ?? {}),
  'people.pupils.get': async ({ id }, ctx) => getPupil(ctx, id),
  'people.pupils.create': async (input, ctx) => createPupil(ctx, input),
  'people.pupils.update': async (input, ctx) => updatePupil(ctx, input),
  'people.pupils.export': async (input, ctx) => runJob(ctx, 'people.pupils.export', input ?? {}),
  'people.pupils.history': async ({ id }, ctx) => pupilHistory(ctx, id),
  'people.pupils.duplicates': async (input, ctx) => visibleDuplicates(ctx, 'pupil', input),
  'people.parents.list': async (input, ctx) => listParents(ctx, input ?? {}),
  'people.parents.count': async (input, ctx) => countParents(ctx, input ?? {}),
  'people.parents.get': async ({ id }, ctx) => getParent(ctx, id),
  'people.parents.create': async (input, ctx) => createParent(ctx, input),
  'people.parents.update': async (input, ctx) => updateParent(ctx, input),
  'people.parents.export': async (input, ctx) => runJob(ctx, 'people.parents.export', input ?? {}),
  'people.parents.history': async ({ id }, ctx) => parentHistory(ctx, id),
  'people.parents.duplicates': async (input, ctx) => visibleDuplicates(ctx, 'parent', input),
  'people.links.add': async (input, ctx) => addLink(ctx, input),
  'people.links.update': async (input, ctx) => updateLink(ctx, input),
  'people.links.remove': async ({ pupilId, parentId }, ctx) => removeLink(ctx, pupilId, parentId),
  'people.merge.preview': async ({ kind, keepId, removeId, takeFromRemoved }, ctx) => previewMerge(ctx, kind, keepId, removeId, takeFromRemoved),
  'people.merge.apply': async (input, ctx) => applyMerge(ctx, input),
};
