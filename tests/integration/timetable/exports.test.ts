import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool, pdfText, squash, tempFile } from '../movement/readers';
import { sheets } from './officeSheets';
import { timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';

const file = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64');

describeEachDb('timetable printouts and Excel', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  let v: VersionView;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Печать', budget: { seconds: 600, seed: 3, maxIterations: 15_000 } });
    const done = await waitJob(t, started.jobId);
    v = await t.client.call('timetable.version.get', { versionId: done.versionId! });
  });
  afterAll(async () => t?.cleanup());

  const subjectName = (id: string) => v.subjects.find((x) => x.id === id)!;

  it.skipIf(!hasTool('soffice'))('writes the class timetable and the master timetable to Excel as the placements say (read back by LibreOffice)', async () => {
    const classes = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'class', format: 'xlsx' });
    expect(classes.fileName).toBe('Расписание классов — Печать.xlsx');
    expect(classes.rows).toBe(4);
    const book = sheets(file(classes));
    expect([...book.keys()].sort()).toEqual(['10А', '10Б', '5А', '5Б']);
    const a5 = book.get('5А')!;
    expect(a5[1][0]).toContain('Расписание уроков 5А класса');
    const header = a5.findIndex((r) => r[0] === 'Урок');
    expect(a5[header]).toEqual(['Урок', 'Время', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница']);
    const id5 = s.classes.get('5А')!;
    for (const p of v.placements) {
      const l = v.lessons.find((x) => x.id === p.lessonId)!;
      if (!l.audiences.some((a) => a.classId === id5)) continue;
      for (let q = 0; q < l.duration; q++) expect(a5[header + 1 + p.period + q][2 + p.day]).toContain(subjectName(l.subjectId).name);
    }
    const empty = a5.slice(header + 1).flatMap((r) => r.slice(2)).filter((c) => c === '').length;
    expect(empty).toBe(5 * 7 - 29 - 1);

    const master = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'master', format: 'xlsx', paper: 'A3' });
    const m = sheets(file(master)).get('1 смена')!;
    const mh = m.findIndex((r) => r[0] === 'День');
    expect(m[mh]).toEqual(['День', 'Урок', 'Время', '5А', '5Б', '10А', '10Б']);
    expect(m.slice(mh + 1)).toHaveLength(5 * 7);
    const col = 3 + ['5А', '5Б', '10А', '10Б'].indexOf('10Б');
    const id10 = s.classes.get('10Б')!;
    for (const p of v.placements) {
      const l = v.lessons.find((x) => x.id === p.lessonId)!;
      if (!l.audiences.some((a) => a.classId === id10)) continue;
      const room = v.rooms.find((r) => r.id === p.roomId)?.number ?? '';
      expect(m[mh + 1 + p.day * 7 + p.period][col]).toContain(`${subjectName(l.subjectId).shortName} ${room}`.trim());
    }
  });

  it.skipIf(!hasTool('pdftotext', '-v'))('prints a teacher, a room, the master timetable and the SanPiN passport as PDF (read back by pdftotext)', async () => {
    const teacher = s.staff.get('Англичанова')!;
    const pdf = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'teacher', format: 'pdf', ids: [teacher] });
    expect(pdf.mimeType).toBe('application/pdf');
    const { file: f1 } = tempFile('teacher.pdf', file(pdf));
    const text = squash(pdfText(f1));
    expect(text).toContain('Расписание учителя Англичанова Мария Сергеевна (12 ч в неделю)');
    expect(text.match(/гр\. 1/g) ?? []).toHaveLength(12);
    const room = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'room', format: 'pdf', ids: [s.rooms.get('Спортзал')!] });
    const { file: f2 } = tempFile('room.pdf', file(room));
    expect(squash(pdfText(f2))).toContain('Занятость кабинета Спортзал');
    const master = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'master', format: 'pdf', paper: 'A3' });
    const { file: f3 } = tempFile('master.pdf', file(master));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f3], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(1);
    expect(squash(pdfText(f3))).toContain('Сводное расписание уроков, 1 смена');
    const passport = await t.client.call('timetable.export', { versionId: v.meta.id, kind: 'passport', format: 'pdf' });
    const { file: f4 } = tempFile('passport.pdf', file(passport));
    const ptext = squash(pdfText(f4));
    expect(ptext).toContain('Паспорт расписания по СанПиН');
    const figures = await t.client.call('timetable.version.figures', { versionId: v.meta.id });
    const p5 = figures.classes.find((c) => c.classId === s.classes.get('5А'))!.passport;
    expect(ptext).toContain(`5А ${p5.daySums.map((sum, d) => `${sum} (${p5.dayLessons[d]} ур.)`).join(' ')}`);
    const audit = await t.core.db.selectFrom('auditLog').select(['action', 'method']).where('method', '=', 'timetable.export').execute();
    expect(audit.filter((a) => a.action === 'export').length).toBeGreaterThanOrEqual(4);
  });
});
