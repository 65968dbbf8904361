import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src-main/http/server';
import type { Envelope } from '../../../src-shared/errors';
import type { GenerationStatus, VersionView } from '../../../src-shared/contract/timetableFields';
import { createSignedInUser, httpSignIn } from '../../helpers/accessHelpers';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';

/**
 * Who sees what (work order §3.9, §7.1): a class teacher their class and their own lessons, a teacher
 * their own lessons, only approved versions; the office the whole school. And the solver runs in a
 * worker: over HTTP, other users' requests are answered while it runs.
 */
describeEachDb('timetable access and responsiveness', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  let approved: VersionView;
  let draftId: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
    await t.client.call('access.setup.createAdmin', { login: 'admin', fullName: 'Админова Анна', password: 'Admin-2026-pass' });
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Утверждённое', budget: { seconds: 600, seed: 5, maxIterations: 15_000 } });
    const done = await waitJob(t, started.jobId);
    const v = await t.client.call('timetable.version.get', { versionId: done.versionId! });
    await t.client.call('timetable.version.approve', { versionId: v.meta.id, version: v.meta.version, effectiveFrom: '2026-09-01' });
    approved = await t.client.call('timetable.version.get', { versionId: v.meta.id });
    draftId = (await t.client.call('timetable.version.copy', { versionId: v.meta.id, name: 'Черновик' })).id;
  });
  afterAll(async () => t?.cleanup());

  it('shows a class teacher their class and their own lessons, approved versions only', async () => {
    const rus = s.staff.get('Русакова')!;
    const { client } = await createSignedInUser(t, { login: 'ct5a', roles: ['classTeacher'], staffId: rus });
    const list = await client.call('timetable.versions.list', { yearId: s.yearId });
    expect(list.versions.map((v) => v.name)).toEqual(['Утверждённое']);
    expect((await client.raw('timetable.version.get', { versionId: draftId })).ok).toBe(false);
    const v = await client.call('timetable.version.get', { versionId: approved.meta.id });
    const a5 = s.classes.get('5А')!;
    expect(v.scope).toEqual({ all: false, classIds: [a5], staffId: rus });
    expect(v.classes.map((c) => c.name)).toEqual(['5А']);
    const mine = approved.lessons.filter((l) => l.audiences.some((a) => a.classId === a5) || l.teacherIds.includes(rus));
    expect(v.lessons.map((l) => l.id).sort()).toEqual(mine.map((l) => l.id).sort());
    expect(v.lessons.some((l) => l.audiences.some((a) => a.label === '5Б'))).toBe(true); // her Russian in 5Б
    expect(v.lessons.some((l) => l.audiences.some((a) => a.label.startsWith('10')))).toBe(false);
    expect(v.placements.every((p) => mine.some((l) => l.id === p.lessonId))).toBe(true);
    const f = await client.call('timetable.version.figures', { versionId: approved.meta.id });
    expect(f.classes.map((c) => c.classId)).toEqual([a5]);
    expect(f.teachers.map((x) => x.staffId)).toEqual([rus]);
    const file = await client.call('timetable.export', { versionId: approved.meta.id, kind: 'class', format: 'xlsx' });
    expect(file.rows).toBe(1);
    const refused: { kind: 'master' | 'class' | 'room'; ids?: string[] }[] = [{ kind: 'master' }, { kind: 'class', ids: [s.classes.get('5Б')!] }, { kind: 'room' }];
    for (const x of refused) {
      const r = await client.raw('timetable.export', { versionId: approved.meta.id, format: 'pdf', ...x });
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
    expect((await client.raw('timetable.precheck', { yearId: s.yearId, studyPeriodId: null })).ok).toBe(false);
  });

  it('shows a teacher only their own lessons', async () => {
    const eng = s.staff.get('Англичанова')!;
    const { client } = await createSignedInUser(t, { login: 'eng', roles: ['teacher'], staffId: eng });
    const v = await client.call('timetable.version.get', { versionId: approved.meta.id });
    expect(v.classes).toEqual([]);
    expect(v.lessons.length).toBeGreaterThan(0);
    expect(v.lessons.every((l) => l.teacherIds.includes(eng))).toBe(true);
    expect(v.teachers.map((x) => x.id)).toEqual([eng]);
    const own = await client.call('timetable.export', { versionId: approved.meta.id, kind: 'teacher', format: 'pdf' });
    expect(own.rows).toBe(1);
    const other = await client.raw('timetable.export', { versionId: approved.meta.id, kind: 'teacher', format: 'pdf', ids: [s.staff.get('Русакова')!] });
    expect(other.ok ? 'ok' : other.error.code).toBe('FORBIDDEN');
  });

  it('answers other users over HTTP while the solver runs, and streams progress', async () => {
    const server: RunningHttpServer = await startHttpServer({ dispatcher: t.dispatcher });
    try {
      const token = await httpSignIn(server.url, 'admin', 'Admin-2026-pass');
      const post = async <T>(method: string, body: unknown): Promise<T> => {
        const res = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
        const env = (await res.json()) as Envelope<T>;
        if (!env.ok) throw new Error(env.error.message);
        return env.value;
      };
      const draft = await post<{ meta: { version: number } }>('timetable.version.get', { versionId: draftId });
      const started = await post<{ jobId: string }>('timetable.generate.start', { target: 'fill', versionId: draftId, version: draft.meta.version, budget: { seconds: 12 } });
      const statuses: GenerationStatus[] = [];
      // Other users keep working: lists, a card, the timetable itself.
      for (let i = 0; i < 5; i++) {
        await post('setup.classes.list', { yearId: s.yearId });
        await post('timetable.versions.list', { yearId: s.yearId });
        await post('timetable.version.get', { versionId: approved.meta.id });
        statuses.push(await post<GenerationStatus>('timetable.generate.status', { jobId: started.jobId }));
        await new Promise((r) => setTimeout(r, 300));
      }
      // All of that was answered before the 12-second run ended.
      expect(statuses.at(-1)?.state).toBe('running');
      expect(statuses.filter((x) => x.progress !== null).length).toBeGreaterThan(0);
      const last = statuses.at(-1)!.progress!;
      expect(last.units).toBe(approved.lessons.reduce((n, l) => n + l.count, 0));
      const ended = await waitJob(t, started.jobId);
      expect(ended.state).toBe('done');
    } finally {
      await server.close();
    }
  });
});
