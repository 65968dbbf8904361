import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src-shared/contract/index';
import { createChangeSet, DOMAIN_ENTITIES, MAX_RECORD_IDS_PER_EVENT, type PushEvent, type PushListener } from '../../../src-shared/events';
import { startLiveRefresh } from '../../../src-renderer/api/liveRefresh';
import { QUERY_TAGS, queryTagsKey, tagsForChange, tagsForQuery } from '../../../src-renderer/api/tags';
import { makeStore } from '../../../src-renderer/app/store';
import { roomsApi } from '../../../src-renderer/features/rooms/roomsApi';

const methods = Object.keys(contract) as MethodName[];

describe('event → tag mapping', () => {
  it('gives every query of the contract the tags of what it shows, and lists no prefix that matches nothing', () => {
    const queries = methods.filter((m) => contract[m].kind === 'query');
    expect(queries.filter((m) => tagsForQuery(m).length === 0)).toEqual([]);
    const unused = Object.keys(QUERY_TAGS).filter((key) => !methods.some((m) => queryTagsKey(m) === key));
    expect(unused).toEqual([]);
  });

  it('takes the longest prefix: a card history shows the log, the list does not', () => {
    expect(tagsForQuery('people.pupils.history')).toEqual(['pupil', 'audit']);
    expect(tagsForQuery('people.pupils.list')).toContain('classMembership');
    expect(tagsForQuery('people.pupils.list')).not.toContain('audit');
    expect(tagsForQuery('setup.roomTypes.list')).toEqual(['roomType', 'room']);
    expect(tagsForQuery('setup.rooms')).toEqual(['room', 'roomType']);
  });

  it('makes every mutation invalidate something a query shows, and the audit log', () => {
    const provided = new Set(methods.flatMap((m) => (contract[m].kind === 'query' ? tagsForQuery(m) : [])));
    for (const m of methods) {
      const def = contract[m];
      if (def.kind !== 'mutation') continue;
      const tags = tagsForChange(def.entity);
      expect(tags, m).toContain('audit');
      expect(tags.some((t) => t !== 'audit' && provided.has(t)), m).toBe(true);
    }
  });

  it('resolves older audit names and processes that write across domains', () => {
    expect(tagsForChange('class')).toEqual(['audit', 'schoolClass']);
    expect(tagsForChange('person')).toEqual(expect.arrayContaining(['pupil', 'parent', 'staff', 'audit']));
    expect(tagsForChange('rollover')).toEqual(expect.arrayContaining(['academicYear', 'schoolClass', 'classMembership', 'movementOrder']));
    expect(tagsForChange('no-such-thing')).toEqual(['audit']);
    expect(tagsForChange(undefined)).toEqual(['audit']);
  });
});

describe('change set of one call', () => {
  it('announces each audited record once, a kind once when no id is known, and skips names that are not data', () => {
    const c = createChangeSet();
    c.add('pupil', 'p1');
    c.add('pupil', 'p1');
    c.add('class', 'c1');
    c.add('audit', 'x');
    c.addUnlessNamed('pupil');
    c.addUnlessNamed('movementOrder');
    expect(c.events()).toEqual([
      { type: 'dataChanged', entity: 'pupil', recordId: 'p1' },
      { type: 'dataChanged', entity: 'schoolClass', recordId: 'c1' },
      { type: 'dataChanged', entity: 'movementOrder' },
    ]);
  });

  it('turns many records of one kind into one event for the kind', () => {
    const c = createChangeSet();
    for (let i = 0; i <= MAX_RECORD_IDS_PER_EVENT; i++) c.add('staff', `s${i}`);
    c.add('staff', 'one-more');
    expect(c.events()).toEqual([{ type: 'dataChanged', entity: 'staff' }]);
    expect(DOMAIN_ENTITIES).toContain('staff');
  });
});

describe('live refresh in a store', () => {
  it('refetches an open list once per burst of events about what it shows, and not for other entities', async () => {
    let calls = 0;
    const client = {
      call: async (method: string) => {
        if (method !== 'setup.rooms.list') throw new Error(`unexpected ${method}`);
        calls++;
        return { rooms: [] };
      },
    };
    const store = makeStore(client as never);
    const listeners = new Set<PushListener>();
    const emit = (e: PushEvent) => listeners.forEach((l) => l(e));
    const stop = startLiveRefresh((l) => (listeners.add(l), () => listeners.delete(l)), store.dispatch, 10);
    const sub = store.dispatch(roomsApi.endpoints.rooms.initiate());
    await sub;
    expect(calls).toBe(1);

    emit({ type: 'dataChanged', entity: 'room', recordId: 'r1' });
    emit({ type: 'dataChanged', entity: 'roomType' });
    emit({ type: 'progress', jobId: 'j', title: 't', done: 1, total: 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(2);

    emit({ type: 'dataChanged', entity: 'pupil', recordId: 'p1' });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(2);

    stop();
    emit({ type: 'dataChanged', entity: 'room' });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(2);
    sub.unsubscribe();
  });
});
