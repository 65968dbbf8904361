import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src-shared/contract/index';
import { createChangeSet, DOMAIN_ENTITIES, MAX_RECORD_IDS_PER_EVENT, type PushEvent, type PushListener } from '../../../src-shared/events';
import { startLiveRefresh } from '../../../src-renderer/api/liveRefresh';
import { createOwnWrites, recordIdsOf } from '../../../src-renderer/api/ownWrites';
import { QUERY_TAGS, queryTagsKey, tagsForChange, tagsForQuery } from '../../../src-renderer/api/tags';
import type { ApiExtra } from '../../../src-renderer/api/baseApi';
import { makeStore } from '../../../src-renderer/app/store';
import { roomsApi } from '../../../src-renderer/features/rooms/roomsApi';

const methods = Object.keys(contract) as MethodName[];

/** A window's store over a stand-in transport: `answer` plays the core, `emit` its push events. */
function fakeWindow(answer: (method: string) => unknown) {
  const calls: string[] = [];
  const client: ApiExtra['client'] = {
    // The stand-in answers any method; the store only passes the value through.
    call: (async (method: string) => {
      calls.push(method);
      return answer(method);
    }) as ApiExtra['client']['call'],
  };
  const store = makeStore(client);
  const listeners = new Set<PushListener>();
  const emit = (e: PushEvent) => listeners.forEach((l) => l(e));
  const stop = startLiveRefresh((l) => (listeners.add(l), () => listeners.delete(l)), store.dispatch, 10);
  return { store, calls, emit, stop };
}

const settle = () => new Promise((r) => setTimeout(r, 120));

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
    const { store, calls: asked, emit, stop } = fakeWindow(() => ({ rooms: [] }));
    const count = () => asked.filter((m) => m === 'setup.rooms.list').length;
    const sub = store.dispatch(roomsApi.endpoints.rooms.initiate());
    await sub;
    expect(count()).toBe(1);

    emit({ type: 'dataChanged', entity: 'room', recordId: 'r1' });
    emit({ type: 'dataChanged', entity: 'roomType' });
    emit({ type: 'progress', jobId: 'j', title: 't', done: 1, total: 2 });
    await settle();
    expect(count()).toBe(2);

    emit({ type: 'dataChanged', entity: 'pupil', recordId: 'p1' });
    await settle();
    expect(count()).toBe(2);

    // The stream was broken and is back: changes may have been missed, so everything open refetches.
    emit({ type: 'resync' });
    await settle();
    expect(count()).toBe(3);

    stop();
    emit({ type: 'dataChanged', entity: 'room' });
    await settle();
    expect(count()).toBe(3);
    sub.unsubscribe();
  });
});

describe('the echo of this window\'s own write', () => {
  it('finds the record ids a call names', () => {
    expect(recordIdsOf({ id: 'a', version: 1 }, { cls: { id: 'b' }, warnings: [] })).toEqual(['a', 'b']);
    expect(recordIdsOf({ id: null }, { id: 'n' })).toEqual(['n']);
    expect(recordIdsOf({ ids: ['x'] }, [{ id: 'y' }])).toEqual([]);
  });

  it('counts only an event about exactly a record written here, and only for a moment', () => {
    let t = 1000;
    const own = createOwnWrites(3000, () => t);
    own.note('room', { id: null }, { id: 'r1' });
    expect(own.isEcho({ type: 'dataChanged', entity: 'room', recordId: 'r1' })).toBe(true);
    expect(own.isEcho({ type: 'dataChanged', entity: 'room', recordId: 'r2' })).toBe(false);
    expect(own.isEcho({ type: 'dataChanged', entity: 'room' })).toBe(false);
    expect(own.isEcho({ type: 'dataChanged', entity: 'roomType', recordId: 'r1' })).toBe(false);
    own.note('class', { id: 'c1' }, {});
    expect(own.isEcho({ type: 'dataChanged', entity: 'schoolClass', recordId: 'c1' })).toBe(true);
    t += 3001;
    expect(own.isEcho({ type: 'dataChanged', entity: 'room', recordId: 'r1' })).toBe(false);
  });

  it('refetches once after this window saves, and again when someone else writes', async () => {
    const saved214 = { id: 'r1', number: '214', name: null, floor: null, capacity: null, typeId: 't', typeName: 'Обычный', typeCode: null, note: null, isActive: true, version: 1 };
    const { store, calls, emit, stop } = fakeWindow((method) => (method === 'setup.rooms.save' ? saved214 : { rooms: [] }));
    const sub = store.dispatch(roomsApi.endpoints.rooms.initiate());
    await sub;
    const saved = store.dispatch(roomsApi.endpoints.saveRoom.initiate({ id: null, version: 0, room: { number: '214', typeId: 't' } }));
    // The core announces the write before its answer arrives, and once more from the domain.
    emit({ type: 'dataChanged', entity: 'room', recordId: 'r1' });
    await saved;
    emit({ type: 'dataChanged', entity: 'room', recordId: 'r1' });
    await settle();
    expect(calls).toEqual(['setup.rooms.list', 'setup.rooms.save', 'setup.rooms.list']);

    emit({ type: 'dataChanged', entity: 'room', recordId: 'r9' });
    await settle();
    expect(calls.filter((c) => c === 'setup.rooms.list')).toHaveLength(3);
    stop();
    sub.unsubscribe();
  });
});
