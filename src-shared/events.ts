/**
 * Push events sent from the core to every connected client, and the vocabulary of domain events:
 * the names of the things a write can change. A contract mutation names one of them as its
 * `entity`; after every successful mutation the dispatcher emits `dataChanged` for it (and for
 * every record the handler audited), and the renderer turns each name into the RTK Query tags of
 * the lists and cards that show it (src-renderer/api/liveRefresh.ts).
 */
export const DOMAIN_ENTITIES = [
  // access
  'session',
  'appUser',
  'roleRight',
  'userRight',
  'accessSettings',
  'backup',
  /** This computer's settings file and the first-run wizard's progress. */
  'appSettings',
  // school set-up
  'school',
  'academicYear',
  'studyPeriodScheme',
  'calendarEntry',
  'dayTransfer',
  'schoolEvent',
  'productionCalendar',
  'bellSchedule',
  'subjectArea',
  'subject',
  'roomType',
  'room',
  'schoolClass',
  'subgroup',
  // people
  'pupil',
  'parent',
  'staff',
  /** A card of any kind (merging two cards of a pupil, parent or staff member). */
  'person',
  'pupilParent',
  'portalAccount',
  'portalAccountSettings',
  // movement
  'movementOrder',
  'classMembership',
  'movementNumbering',
  'documentTemplate',
  /** The year-end transfer: new year, classes, orders and memberships at once. */
  'rollover',
  // curriculum and load
  'curriculumPlan',
  'teachingAssignment',
  'staffSubject',
  'loadSettings',
  /** A joint group (сводная группа) of several classes taught as one lesson. */
  'jointGroup',
  // timetable, reports, deadlines (the app's domains being built around them)
  'timetable',
  'substitution',
  'report',
  'deadline',
  // the portal exchange
  'portalExchange',
] as const;

export type DomainEntity = (typeof DOMAIN_ENTITIES)[number];

const KNOWN = new Set<string>(DOMAIN_ENTITIES);

export function isDomainEntity(name: string): name is DomainEntity {
  return KNOWN.has(name);
}

/**
 * Names the audit log has used for the same things over time (it keeps rows as they were written).
 * An audited change under one of these names is announced under the vocabulary's names.
 */
const AUDIT_ALIASES: Readonly<Record<string, readonly DomainEntity[]>> = {
  class: ['schoolClass'],
  order: ['movementOrder'],
  movementDoc: ['movementOrder'],
  movement: ['movementOrder', 'classMembership'],
  membership: ['classMembership'],
  link: ['pupilParent'],
  bells: ['bellSchedule'],
  assignment: ['teachingAssignment'],
  curriculum: ['curriculumPlan'],
  account: ['portalAccount'],
  // Timetable (issue 15): versions, placements, teachers' time off and joint lessons are one view.
  timetableVersion: ['timetable'],
  timetablePlacement: ['timetable'],
  teacherAvailability: ['timetable'],
  // Substitutions (issue 16): shown in the day's class and teacher views.
  timetableAbsence: ['timetable'],
  timetableSubstitution: ['timetable'],
  timetableRoomClosure: ['timetable'],
  // Joint lessons moved to the curriculum's joint groups (migration 0071).
  timetableJoint: ['jointGroup'],
};

/**
 * What a change under a name means in the vocabulary: the name itself, an alias resolved, or
 * nothing for names that are not data (`audit`, a method name used as the audit entity).
 */
export function domainEntitiesOf(name: string | null | undefined): readonly DomainEntity[] {
  if (!name) return [];
  if (isDomainEntity(name)) return [name];
  return AUDIT_ALIASES[name] ?? [];
}

/**
 * What else a change of one entity changes: processes that write across domains name the kinds of
 * record they touch, so every view of those records refreshes too.
 */
export const CHANGE_IMPLIES: Readonly<Partial<Record<DomainEntity, readonly DomainEntity[]>>> = {
  person: ['pupil', 'parent', 'staff', 'pupilParent', 'portalAccount'],
  rollover: ['academicYear', 'schoolClass', 'classMembership', 'movementOrder', 'subgroup', 'curriculumPlan', 'teachingAssignment'],
  portalExchange: ['pupil', 'parent', 'staff', 'pupilParent', 'schoolClass', 'classMembership', 'movementOrder', 'portalAccount', 'subject', 'room', 'bellSchedule', 'subgroup', 'curriculumPlan', 'teachingAssignment', 'jointGroup'],
  academicYear: ['studyPeriodScheme', 'calendarEntry', 'bellSchedule'],
  productionCalendar: ['calendarEntry', 'dayTransfer'],
};

/** The entity and everything its change implies, each once. */
export function changedWith(entity: DomainEntity): DomainEntity[] {
  return [entity, ...(CHANGE_IMPLIES[entity] ?? [])].filter((e, i, all) => all.indexOf(e) === i);
}

export interface DataChangedEvent {
  type: 'dataChanged';
  entity: DomainEntity;
  /** The record, when one record of this kind changed; absent when many did or it is not known. */
  recordId?: string;
}

export type ProgressEvent = {
  type: 'progress';
  jobId: string;
  title: string;
  done: number;
  total: number;
  message?: string;
  finished?: boolean;
  /** Job-specific figures (the timetable generation: state, placed, hard, teacherGaps, …). */
  details?: Record<string, number | string | null>;
};

/**
 * Said by a client's own transport, never by the core: the event stream was broken and is back, so
 * changes may have been missed and everything shown should be asked for again.
 */
export interface ResyncEvent {
  type: 'resync';
}

/** Push events sent from the core to every connected client. */
export type PushEvent = ProgressEvent | DataChangedEvent | ResyncEvent;

export type PushListener = (event: PushEvent) => void;

/** More records of one kind than this in one call are announced as one change of the kind. */
export const MAX_RECORD_IDS_PER_EVENT = 20;

/**
 * Collects what one call changed (each audited record and the method's own entity) and turns it
 * into the events to announce: one per record, or one for the kind when there were many.
 */
export function createChangeSet() {
  const byEntity = new Map<DomainEntity, Set<string> | 'many'>();
  const add = (name: string | null | undefined, recordId?: string | null) => {
    for (const entity of domainEntitiesOf(name)) {
      const seen = byEntity.get(entity);
      if (seen === 'many') continue;
      if (!recordId) {
        byEntity.set(entity, 'many');
        continue;
      }
      const ids = seen ?? new Set<string>();
      ids.add(recordId);
      byEntity.set(entity, ids.size > MAX_RECORD_IDS_PER_EVENT ? 'many' : ids);
    }
  };
  return {
    add,
    /** Adds the method's entity unless an audited record of that kind already names it. */
    addUnlessNamed(name: string | null | undefined) {
      for (const entity of domainEntitiesOf(name)) if (!byEntity.has(entity)) add(entity);
    },
    events(): DataChangedEvent[] {
      const out: DataChangedEvent[] = [];
      for (const [entity, ids] of byEntity) {
        if (ids === 'many') out.push({ type: 'dataChanged', entity });
        else for (const recordId of ids) out.push({ type: 'dataChanged', entity, recordId });
      }
      return out;
    },
  };
}
