import { changedWith, DOMAIN_ENTITIES, domainEntitiesOf, type DomainEntity } from '../../src-shared/events';

/**
 * The one place where the renderer decides what is stale. RTK Query tags are the domain entities
 * of src-shared/events.ts (plus `audit`, the log every write adds to): a query provides the tags of
 * the entities it shows, a write — this window's own mutation or anyone's `dataChanged` event —
 * invalidates the tags of the entity it changed, so every open list and card showing it refetches.
 */
export const TAG_TYPES = [...DOMAIN_ENTITIES, 'audit'] as const;
export type Tag = (typeof TAG_TYPES)[number];


const PEOPLE: readonly DomainEntity[] = ['pupil', 'parent', 'staff', 'pupilParent', 'portalAccount'];
const ROSTERS: readonly DomainEntity[] = ['classMembership', 'schoolClass', 'movementOrder', 'academicYear'];

/**
 * What each query shows, by method-name prefix (the longest prefix that matches wins). A new query
 * under a listed prefix needs nothing here; a new area adds one line. A unit test checks that every
 * query of the contract finds an entry.
 */
export const QUERY_TAGS: Readonly<Record<string, readonly Tag[]>> = {
  'access.session': ['session', 'appUser', 'roleRight', 'userRight'],
  'access.users': ['appUser', 'roleRight', 'userRight', 'staff'],
  'access.rights': ['roleRight', 'userRight', 'appUser'],
  'access.settings': ['accessSettings'],
  accounts: [...PEOPLE, 'portalAccountSettings', ...ROSTERS],
  audit: ['audit'],
  calendar: ['calendarEntry', 'dayTransfer', 'schoolEvent', 'productionCalendar', 'academicYear', 'studyPeriodScheme', 'schoolClass'],
  'calendar.production': ['productionCalendar'],
  curriculum: ['curriculumPlan', 'jointGroup', 'subject', 'subjectArea', 'subgroup', 'teachingAssignment', 'staff', ...ROSTERS],
  // The monitor's tasks come from nearly everything the office enters (issue 20).
  deadlines: ['deadline', 'portalAccount', 'movementOrder', 'schoolEvent', 'calendarEntry', 'dayTransfer', 'studyPeriodScheme', 'productionCalendar', 'curriculumPlan', 'school', 'bellSchedule', 'timetable', 'appUser', ...ROSTERS],
  'deadlines.rules': ['deadline'],
  exchange: ['portalExchange', ...PEOPLE, ...ROSTERS, 'subject', 'room', 'bellSchedule', 'subgroup', 'curriculumPlan', 'teachingAssignment', 'jointGroup'],
  load: ['teachingAssignment', 'jointGroup', 'staffSubject', 'loadSettings', 'curriculumPlan', 'subject', 'subgroup', 'staff', ...ROSTERS],
  movement: ['movementOrder', 'classMembership', 'pupil', 'schoolClass', 'academicYear', 'subgroup', 'movementNumbering'],
  'movement.numbering': ['movementNumbering', 'movementOrder'],
  'movement.templates': ['documentTemplate'],
  'movement.rollover': [...ROSTERS, 'pupil', 'staff', 'subgroup', 'curriculumPlan', 'teachingAssignment'],
  'people.pupils': ['pupil', 'parent', 'pupilParent', 'portalAccount', ...ROSTERS],
  'people.pupils.history': ['pupil', 'audit'],
  'people.parents': ['parent', 'pupil', 'pupilParent', 'portalAccount', ...ROSTERS],
  'people.parents.history': ['parent', 'audit'],
  'people.merge': [...PEOPLE, ...ROSTERS],
  reports: [...ROSTERS, 'pupil', 'school'],
  // The report catalogue (issue 21): reports read pupils, families, staff, their courses and load.
  'reports.catalogue': ['report', 'roleRight', 'userRight'],
  'reports.school': [...PEOPLE, ...ROSTERS, 'school', 'teachingAssignment', 'staffSubject'],
  'reports.class': [...PEOPLE, ...ROSTERS, 'school'],
  'reports.staff': ['staff', 'teachingAssignment', 'staffSubject', 'schoolClass', 'academicYear', 'school'],
  'reports.custom': ['report', ...PEOPLE, ...ROSTERS, 'school'],
  'reports.templates': ['report'],
  // The register of issued certificates grows with each справка printed from a pupil's or staff card.
  'reports.certificates': ['pupil', 'staff', 'report'],
  school: ['school'],
  'setup.bells': ['bellSchedule', 'academicYear'],
  'setup.classes': ['schoolClass', 'classMembership', 'staff', 'pupil', 'academicYear'],
  'setup.periods': ['studyPeriodScheme', 'academicYear'],
  'setup.rooms': ['room', 'roomType'],
  'setup.roomTypes': ['roomType', 'room'],
  'setup.staff': ['staff'],
  'setup.subgroups': ['subgroup', 'classMembership', 'pupil', 'subject'],
  'setup.subjects': ['subject', 'subjectArea'],
  'setup.years': ['academicYear'],
  // The set-up check looks at everything a year needs before it starts.
  'setup.years.check': ['academicYear', 'studyPeriodScheme', 'calendarEntry', 'dayTransfer', 'productionCalendar', 'bellSchedule', 'schoolClass', 'subject', 'room', 'school'],
  staff: ['staff', 'portalAccount', 'appUser', 'schoolClass', 'academicYear', 'teachingAssignment'],
  'staff.history': ['staff', 'audit'],
  'system.status': ['school', 'academicYear', 'backup'],
  'system.settings': ['appSettings', 'backup'],
  'system.updates': ['appSettings'],
  'system.setup': ['appSettings', 'school', 'academicYear', 'schoolClass', 'appUser'],
  'system.backup': ['backup'],
  // The program's log grows with every call; the audit tag goes stale on every write anyone makes.
  'system.logs': ['audit'],
  // The wizard's demo school: offered while the database has no pupils.
  'system.demo': ['school', 'academicYear', 'pupil'],
  // The PostgreSQL connection test and the connection kept for the next start live in the settings.
  'system.database': ['appSettings'],
  // The timetable is built from the plan, load, bells, rooms and classes: its pre-check follows them.
  timetable: ['timetable', 'jointGroup', 'curriculumPlan', 'teachingAssignment', 'staffSubject', 'subject', 'room', 'roomType', 'bellSchedule', 'subgroup', 'staff', 'academicYear', 'studyPeriodScheme', ...ROSTERS],
};

/** The entry of QUERY_TAGS a method falls under, or undefined when none does. */
export function queryTagsKey(method: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(QUERY_TAGS)) {
    if ((method === key || method.startsWith(`${key}.`)) && (!best || key.length > best.length)) best = key;
  }
  return best;
}

/** The tags a query provides. */
export function tagsForQuery(method: string): Tag[] {
  const key = queryTagsKey(method);
  return key ? [...QUERY_TAGS[key]] : [];
}

/**
 * The tags a change makes stale: the entity, what its change implies (a merge of two cards, the
 * year-end transfer, a portal pull) and the audit log. A name outside the vocabulary (an older
 * audit name) is resolved through its alias; an unknown one changes only the log.
 */
export function tagsForChange(entity: string | undefined): Tag[] {
  const out = new Set<Tag>(['audit']);
  for (const e of domainEntitiesOf(entity)) for (const t of changedWith(e)) out.add(t);
  return [...out];
}
