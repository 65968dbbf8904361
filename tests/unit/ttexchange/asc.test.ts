import { describe, expect, it } from 'vitest';
import { classKey, dayOfMask, readAsc } from '../../../src-main/core/sync/timetable/ascRead';
import { teacherName } from '../../../src-main/core/sync/timetable/ascSetup';
import { schoolClassName } from '../../../src-main/core/sync/timetable/fetSchool';

/** aSc Timetables 2012 XML as real exports differ (formats/netschool.md §2.2), written by hand. */

const BOM = '\uFEFF';

function file(body: string, opts: { bom?: boolean; options?: string } = {}): Uint8Array {
  return Buffer.from(`${opts.bom ? BOM : ''}<?xml version="1.0" encoding="UTF-8"?>\r\n<timetable ascttversion="2012" importtype="database" options="${opts.options ?? 'idprefix:X'}" displaycountry="ru">\r\n${body}\r\n</timetable>\r\n`, 'utf8');
}

const SIX_DAY = `
<periods options="canadd" columns="period,name,short,starttime,endtime">
  <period period="1" name="1" short="1" starttime="8:30" endtime="9:15"/>
  <period period="2" name="2" short="2" starttime="9:25" endtime="10:10"/>
  <period period="3" name="3" short="3" starttime="10:30" endtime="11:15"/>
</periods>
<daysdefs options="canadd" columns="id,name,short,days">
  <daysdef id="A1" name="Любой день" short="X" days="100000,010000,001000,000100,000010,000001"/>
</daysdefs>
<subjects options="canadd" columns="id,name,short,partner_id">
  <subject id="S1" name="Математика " short="Мат" partner_id=""/>
  <subject id="S2" name="Русский язык &amp; литература" short="Рус" partner_id=""/>
  <subject id="S3" name="Английский язык" short="Англ" partner_id=""/>
</subjects>
<teachers options="canadd" columns="id,firstname,lastname,name,short">
  <teacher id="T1" firstname="" lastname="Иванова Анна Петровна" name="Иванова Анна Петровна " short="ИвАП"/>
  <teacher id="T2" firstname="Олег" lastname="Петров" name="" short=""/>
</teachers>
<classrooms options="canadd" columns="id,name,short,capacity">
  <classroom id="R1" name="Кабинет 12 " short="12" capacity="*"/>
</classrooms>
<classes options="canadd" columns="id,name,short,teacherid,classroomids,grade">
  <class id="C1" name="VII Б" short="7б" teacherid="T1" classroomids="R1" grade=""/>
  <class id="C2" name="10А" short="10А" grade="10"/>
</classes>
<groups options="canadd" columns="id,classid,name,entireclass,divisiontag,studentcount">
  <group id="G0" classid="C1" name="Весь класс" entireclass="1" divisiontag="0"/>
  <group id="G1" classid="C1" name="1 группа" entireclass="0" divisiontag="1"/>
  <group id="G2" classid="C1" name="2 группа" entireclass="0" divisiontag="1"/>
</groups>
<lessons options="canadd" columns="id,classids,subjectid,periodspercard,periodsperweek,teacherids,classroomids,groupids">
  <lesson id="L1" classids="C1" subjectid="S1" periodspercard="2" periodsperweek="4.0" teacherids="" classroomids="R1" groupids="G0"/>
  <lesson id="L2" classids="C1,C2" subjectid="S2" periodspercard="1" periodsperweek="1.0" teacherids="T1,T2" classroomids="" groupids="G0"/>
  <lesson id="L3" classids="C1" subjectid="S3" durationperiods="1" periodsperweek="2" teacherids="T2" classroomids="" groupids="G2"/>
</lessons>
<cards options="canadd" columns="lessonid,period,days,weeks,terms,classroomids">
  <card lessonid="L1" period="1" days="100000" weeks="1" terms="1" classroomids="R1"/>
  <card lessonid="L1" period="2" days="100000" weeks="1" terms="1" classroomids="R1"/>
  <card lessonid="L1" period="2" days="000001" weeks="1" terms="1" classroomids=""/>
  <card lessonid="L2" period="3" days="001000" weeks="1" terms="1" classroomids=""/>
</cards>
<classroomsupervisions options="canadd" columns="id">
  <classroomsupervision id="X1"/>
</classroomsupervisions>`;

describe('aSc Timetables XML reader', () => {
  it('reads a six-day export with a BOM, trailing spaces, &amp;, an empty teacherids, a Roman-numeral class and one card per period of a double', () => {
    const f = readAsc('asc.xml', file(SIX_DAY, { bom: true }));
    expect(f.dayCount).toBe(6);
    expect(f.subjects.get('S1')!.name).toBe('Математика');
    expect(f.subjects.get('S2')!.name).toBe('Русский язык & литература');
    expect(f.teachers.get('T1')).toMatchObject({ name: 'Иванова Анна Петровна', lastname: 'Иванова Анна Петровна', firstname: '' });
    expect(f.teachers.get('T2')).toMatchObject({ name: 'Петров Олег', short: 'Петров Олег' });
    expect(f.rooms.get('R1')!.name).toBe('Кабинет 12');
    expect(f.classes.get('C1')).toMatchObject({ name: 'VII Б', grade: 7 });
    expect(classKey('VII Б')).toBe('7Б');
    expect(classKey(' 7 б ')).toBe('7Б');
    expect(classKey('XI-А')).toBe('11А');
    expect(f.lessons.get('L1')).toMatchObject({ teacherIds: [], periodsPerCard: 2, periodsPerWeek: 4 });
    expect(f.lessons.get('L2')!.classIds).toEqual(['C1', 'C2']);
    expect(f.lessons.get('L3')!.periodsPerCard).toBe(1);
    expect(f.cards.map((c) => [c.lessonId, c.period, c.day])).toEqual([['L1', 1, 0], ['L1', 2, 0], ['L1', 2, 5], ['L2', 3, 2]]);
    expect(f.unknown).toEqual([{ part: 'classroomsupervisions', count: 1 }]);
  });

  it('reads five-character masks and cards with a day number (daynumbering1)', () => {
    const body = SIX_DAY.replace(/days="(\d{6})"/g, (_m, d: string) => `days="${d.slice(0, 5)}"`)
      .replace('100000,010000,001000,000100,000010,000001', '10000,01000,00100,00010,00001')
      .replace('<card lessonid="L1" period="2" days="00000" weeks="1" terms="1" classroomids=""/>', '')
      .replace('<card lessonid="L2" period="3" days="00100" weeks="1" terms="1" classroomids=""/>', '<card lessonid="L2" period="3" day="3" classroomids=""/>');
    const f = readAsc('asc5.xml', file(body, { options: 'idprefix:X,daynumbering1' }));
    expect(f.dayCount).toBe(5);
    expect(f.cards.map((c) => [c.lessonId, c.period, c.day])).toEqual([['L1', 1, 0], ['L1', 2, 0], ['L2', 3, 2]]);
    expect(dayOfMask('00001')).toBe(4);
    expect(dayOfMask('01100')).toBeNull();
  });

  it('refuses ids that do not resolve, naming the element, its number and line', () => {
    const bad = SIX_DAY.replace('<card lessonid="L2"', '<card lessonid="L9"');
    expect(() => readAsc('asc.xml', file(bad))).toThrow(/^Файл «asc\.xml» не загружен: строка 42: элемент <card> № 4: карточка ссылается на урок lessonid="L9", которого нет в разделе lessons\. Ничего не изменено\.$/);
    const teacher = SIX_DAY.replace('teacherids="T2" classroomids=""', 'teacherids="T7" classroomids=""');
    expect(() => readAsc('asc.xml', file(teacher))).toThrow(/элемент <lesson> № 3: учитель "T7" из teacherids не найден в разделе teachers/);
    const group = SIX_DAY.replace('<group id="G2" classid="C1"', '<group id="G2" classid="C5"');
    expect(() => readAsc('asc.xml', file(group))).toThrow(/элемент <group> № 3: группа «2 группа» ссылается на класс classid="C5"/);
  });

  it('refuses a cut-off file, another root and a wrong declared encoding whole', () => {
    const whole = Buffer.from(file(SIX_DAY)).toString('utf8');
    const cut = Buffer.from(whole.slice(0, whole.indexOf('<cards') + 60), 'utf8');
    expect(() => readAsc('cut.xml', cut)).toThrow(/^Файл «cut\.xml» не загружен: строка \d+: .+Ничего не изменено\.$/);
    expect(() => readAsc('cm.xml', Buffer.from('<?xml version="1.0"?>\r\n<TimeTableExchange/>\r\n'))).toThrow(/корневой элемент <TimeTableExchange>, а должен быть <timetable>/);
    const latin = Buffer.from(whole.replace('encoding="UTF-8"', 'encoding="windows-1251"'), 'utf8');
    expect(() => readAsc('resaved.xml', latin)).toThrow(/кодировка windows-1251, а записан файл в UTF-8/);
  });
});

describe('aSc teacher names as a staff card reads them', () => {
  it('takes the fullest spelling the file gives: ФИО in lastname, first name apart, initials, a patronymic only in name', () => {
    expect(teacherName({ name: 'Иванова Анна Петровна', lastname: 'Иванова Анна Петровна', firstname: '' })).toEqual({ last: 'Иванова', first: 'Анна', middle: 'Петровна' });
    expect(teacherName({ name: 'Петров Олег', lastname: 'Петров', firstname: 'Олег' })).toEqual({ last: 'Петров', first: 'Олег', middle: '' });
    expect(teacherName({ name: 'Сидорова А.А.', lastname: 'Сидорова А.А.', firstname: '' })).toEqual({ last: 'Сидорова', first: 'А', middle: 'А' });
    expect(teacherName({ name: 'Кузнецова Мария Ивановна', lastname: 'Кузнецова', firstname: 'Мария' })).toEqual({ last: 'Кузнецова', first: 'Мария', middle: 'Ивановна' });
  });
});

describe('a .fet class name as the school names it', () => {
  it('keeps the grade, turns Latin letters Cyrillic (look-alikes as themselves, the rest by sound), drops «класс»', () => {
    const table: [string, number, string][] = [
      ['5А', 5, '5А'],
      ['10 Б', 10, '10Б'],
      ['11-а', 11, '11А'],
      ['6A', 6, '6А'],
      ['6B', 6, '6В'],
      ['6D', 6, '6Д'],
      ['5 класс А', 5, '5А'],
      ['1 класс', 1, '1'],
      ['VII Б', 7, '7Б'],
      // The grade typed in the preview for a name that does not say it: the name's letters stay only when they are one or two.
      ['Year 1', 5, '5'],
      ['8', 8, '8'],
    ];
    for (const [name, grade, expected] of table) expect([name, schoolClassName(name, grade)]).toEqual([name, expected]);
  });
});
