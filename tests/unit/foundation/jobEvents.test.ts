import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src-main/core/foundation/events';
import { createJobRegistry } from '../../../src-main/core/foundation/jobs';
import type { PushEvent } from '../../../src-shared/events';

describe('a long job', () => {
  it('announces what it wrote when it finishes, after its last progress', () => {
    const events = createEventBus();
    const seen: PushEvent[] = [];
    events.subscribe((e) => seen.push(e));
    const job = createJobRegistry(events).start('Загрузка из портала', 'j1');
    job.progress(5, 10);
    expect(seen.filter((e) => e.type === 'dataChanged')).toEqual([]);
    job.finish('Готово', ['pupil', 'classMembership']);
    expect(seen.map((e) => (e.type === 'progress' ? `progress ${e.done}/${e.total}${e.finished ? ' finished' : ''}` : e.type === 'dataChanged' ? `${e.type} ${e.entity}` : e.type))).toEqual([
      'progress 5/10',
      'progress 10/10 finished',
      'dataChanged pupil',
      'dataChanged classMembership',
    ]);
  });

  it('announces nothing when cancelled', () => {
    const events = createEventBus();
    const seen: PushEvent[] = [];
    events.subscribe((e) => seen.push(e));
    const registry = createJobRegistry(events);
    const job = registry.start('Переход на новый год', 'j2');
    registry.cancel('j2');
    expect(() => job.throwIfCancelled()).toThrow(/отменена/);
    expect(seen.some((e) => e.type === 'dataChanged')).toBe(false);
  });
});
