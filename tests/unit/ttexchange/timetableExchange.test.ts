import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readPortalTimetable } from '../../../src-main/core/sync/timetable/portalPull';
import { writeTimetableExchange } from '../../../src-main/core/sync/timetable/timetableExchangeFile';

/** The portal's TimeTableExchange (formats/netschool.md §2.1): the current week read, our import file written — hand-written files. */

const HEAD = '<?xml version="1.0" encoding="windows-1251"?>\r\n<TimeTableExchange xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TimeTableWeek.xsd">\r\n';
const TIMES = '<LessonTimes>\r\n<LessonTime id="1" starttime="8:30" endtime="9:15" sm="1" number="1"/>\r\n<LessonTime id="2" starttime="9:25" endtime="10:10" sm="1" number="2"/>\r\n<LessonTime id="14" starttime="13:30" endtime="14:15" sm="2" number="1"/>\r\n</LessonTimes>\r\n';

function cm(body: string): Uint8Array {
  return iconv.encode(`${HEAD}${TIMES}${body}</TimeTableExchange>\r\n`, 'win1251');
}

describe('the portal current week (ExportCM TimeTable)', () => {
  it('reads wd 2…7 as Monday…Saturday, second-shift time ids, several csg in one Lesson, a csg without a room', () => {
    const f = readPortalTimetable({
      fileName: 'ExportCM.nsxml',
      bytes: cm('<TimeTable>\r\n<Week id="7" name="Неделя">\r\n<Day id="1" name="Понедельник" wd="2">\r\n<Lesson timeId="1">\r\n<csg id="501" roomid="31"/>\r\n<csg id="502"/>\r\n</Lesson>\r\n</Day>\r\n<Day id="6" name="Суббота" wd="7">\r\n<Lesson timeId="14">\r\n<csg id="503" roomid="32" fixed="1"/>\r\n</Lesson>\r\n</Day>\r\n</Week>\r\n</TimeTable>\r\n'),
    });
    expect(f.lessons).toEqual([
      { weekId: '7', wd: 2, timeId: '1', csgId: '501', roomId: '31' },
      { weekId: '7', wd: 2, timeId: '1', csgId: '502', roomId: null },
      { weekId: '7', wd: 7, timeId: '14', csgId: '503', roomId: '32' },
    ]);
    expect(f.lessonTimes.find((t) => t.id === '14')).toMatchObject({ shift: 2, number: 1 });
  });

  it('refuses a week without a TimeTable, a time id LessonTimes lacks, an unreadable day, a cut-off file — whole, with the element', () => {
    expect(() => readPortalTimetable({ fileName: 'a.nsxml', bytes: cm('') })).toThrow(/^Файл «a\.nsxml» не загружен: в выгрузке нет раздела TimeTable/);
    expect(() => readPortalTimetable({ fileName: 'b.nsxml', bytes: cm('<TimeTable><Week id="1"><Day id="1" wd="2"><Lesson timeId="9"><csg id="1"/></Lesson></Day></Week></TimeTable>') })).toThrow(
      /урок \(Lesson timeId="9", день wd=2\) ссылается на время урока, которого нет в разделе LessonTimes/,
    );
    expect(() => readPortalTimetable({ fileName: 'c.nsxml', bytes: cm('<TimeTable><Week id="1"><Day id="1" name="Пн" wd="пн"><Lesson timeId="1"><csg id="1"/></Lesson></Day></Week></TimeTable>') })).toThrow(/элемент Day 1: день недели wd="пн" не прочитан/);
    const whole = iconv.decode(Buffer.from(cm('<TimeTable><Week id="1"><Day id="1" wd="2"><Lesson timeId="1"><csg id="1"/></Lesson></Day></Week></TimeTable>')), 'win1251');
    expect(() => readPortalTimetable({ fileName: 'd.nsxml', bytes: iconv.encode(whole.slice(0, whole.indexOf('</Day>')), 'win1251') })).toThrow(/^Файл «d\.nsxml» не загружен: строка \d+: .+Ничего не изменено\.$/);
    expect(() => readPortalTimetable({ fileName: 'e.xml', bytes: Buffer.from('<?xml version="1.0"?>\r\n<timetable/>\r\n') })).toThrow(/нет элемента TimeTableExchange/);
  });
});

describe('our TimeTableExchange import file', () => {
  it('is windows-1251 with CRLF, LessonTimes then TimeTable/Week/Day/Lesson/csg in the export order, two weeks for a two-week pattern', () => {
    const bytes = writeTimetableExchange(
      [{ id: '1', start: '8:30', end: '9:15', shift: 1, number: 1 }, { id: '2', start: '9:25', end: '10:10', shift: 1, number: 2 }],
      [
        { id: '1', name: '1-я неделя', lessons: [{ wd: 3, timeId: '2', csgId: '9', roomId: null }, { wd: 2, timeId: '1', csgId: '8', roomId: '31' }, { wd: 2, timeId: '1', csgId: '7', roomId: '30' }] },
        { id: '2', name: '2-я неделя', lessons: [{ wd: 7, timeId: '1', csgId: '8', roomId: '31' }] },
      ],
    );
    const text = iconv.decode(bytes, 'win1251');
    expect(bytes.includes(Buffer.from('неделя', 'utf8'))).toBe(false);
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="windows-1251"?>',
        '<TimeTableExchange xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TimeTableWeek.xsd">',
        '<LessonTimes>',
        '<LessonTime id="1" starttime="8:30" endtime="9:15" sm="1" number="1"/>',
        '<LessonTime id="2" starttime="9:25" endtime="10:10" sm="1" number="2"/>',
        '</LessonTimes>',
        '<TimeTable>',
        '<Week id="1" name="1-я неделя">',
        '<Day id="1" name="Понедельник" wd="2">',
        '<Lesson timeId="1">',
        '<csg id="7" roomid="30"/>',
        '<csg id="8" roomid="31"/>',
        '</Lesson>',
        '</Day>',
        '<Day id="2" name="Вторник" wd="3">',
        '<Lesson timeId="2">',
        '<csg id="9"/>',
        '</Lesson>',
        '</Day>',
        '</Week>',
        '<Week id="2" name="2-я неделя">',
        '<Day id="6" name="Суббота" wd="7">',
        '<Lesson timeId="1">',
        '<csg id="8" roomid="31"/>',
        '</Lesson>',
        '</Day>',
        '</Week>',
        '</TimeTable>',
        '</TimeTableExchange>',
        '',
      ].join('\r\n'),
    );
  });
});
