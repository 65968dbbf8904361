import iconv from 'iconv-lite';
import type { MethodSample, SampleContext } from '../access/methodSamples';
import { approvedSampleVersion } from '../timetable/timetableSamples';

/**
 * Sample inputs of the timetable exchange methods (issue 17) for the generated rights test. The
 * access fixture has no portal ids (no ExportCM was pulled), so an allowed call is refused by the
 * data: the week's lessons match nothing, and the push has no portal ids to map onto. The loop
 * itself is tested in `portalTimetable.test.ts`.
 */

const WEEK = iconv.encode(
  '<?xml version="1.0" encoding="windows-1251"?>\r\n<TimeTableExchange>\r\n<LessonTimes>\r\n<LessonTime id="1" starttime="8:30" endtime="9:15" sm="1" number="1"/>\r\n</LessonTimes>\r\n<TimeTable>\r\n<Week id="1" name="Неделя">\r\n<Day id="1" name="Понедельник" wd="2">\r\n<Lesson timeId="1">\r\n<csg id="99999"/>\r\n</Lesson>\r\n</Day>\r\n</Week>\r\n</TimeTable>\r\n</TimeTableExchange>\r\n',
  'win1251',
).toString('base64');

const ASC = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<timetable ascttversion="2012">\r\n<classes columns="id,name"><class id="C1" name="99Щ"/></classes>\r\n</timetable>\r\n',
  'utf8',
).toString('base64');

const FET = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\r\n<Activities_Timetable>\r\n<Activity><Id>1</Id><Day>Пн</Day><Hour>1</Hour><Room></Room></Activity>\r\n</Activities_Timetable>\r\n', 'utf8').toString('base64');

// A .fet whose activity names a students set the file does not list: refused whole.
const FET_SCHOOL = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<fet version="6.0.0">\n<Mode>Official</Mode>\n<Days_List><Day><Name>Пн</Name></Day></Days_List>\n<Hours_List><Hour><Name>1</Name></Hour></Hours_List>\n<Subjects_List><Subject><Name>Математика</Name></Subject></Subjects_List>\n<Teachers_List></Teachers_List>\n<Students_List><Year><Name>5Щ</Name></Year></Students_List>\n<Activities_List><Activity><Subject>Математика</Subject><Students>9Щ</Students><Duration>1</Duration><Total_Duration>1</Total_Duration><Id>1</Id><Activity_Group_Id>0</Activity_Group_Id><Active>true</Active></Activity></Activities_List>\n</fet>\n',
  'utf8',
).toString('base64');

async function yearId({ t }: SampleContext): Promise<string> {
  const { years } = await t.client.call('setup.years.list');
  return (years.find((y) => y.isCurrent) ?? years[0]).id;
}

export const TTEXCHANGE_SAMPLES: Record<string, MethodSample> = {
  'timetable.portal.preview': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'ExportCM.nsxml', contentBase64: WEEK } }), allowedOutcome: () => 'VALIDATION' },
  'timetable.portal.apply': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'ExportCM.nsxml', contentBase64: WEEK }, signature: 'x' }), allowedOutcome: () => 'VALIDATION' },
  'timetable.portal.push': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx), from: '2025-09-01', to: '2025-09-07', pattern: 1 }), allowedOutcome: () => 'VALIDATION' },
  // A class the school does not have: «a file of another school», refused whole.
  'timetable.asc.preview': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'asc.xml', contentBase64: ASC } }), allowedOutcome: () => 'VALIDATION' },
  'timetable.asc.apply': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'asc.xml', contentBase64: ASC }, signature: 'x' }), allowedOutcome: () => 'VALIDATION' },
  'timetable.asc.export': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx) }) },
  'timetable.fet.export': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx) }) },
  // The sample version has no lessons: the result places nothing, which is refused.
  'timetable.fet.preview': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx), file: { fileName: 'x_activities.xml', contentBase64: FET } }), allowedOutcome: () => 'VALIDATION' },
  'timetable.fetSchool.preview': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'school.fet', contentBase64: FET_SCHOOL } }), allowedOutcome: () => 'VALIDATION' },
  'timetable.fetSchool.apply': { input: async (ctx) => ({ yearId: await yearId(ctx), file: { fileName: 'school.fet', contentBase64: FET_SCHOOL }, signature: 'x' }), allowedOutcome: () => 'VALIDATION' },
  'timetable.fet.apply': { input: async (ctx) => ({ versionId: await approvedSampleVersion(ctx), file: { fileName: 'x_activities.xml', contentBase64: FET }, signature: 'x' }), allowedOutcome: () => 'VALIDATION' },
};
