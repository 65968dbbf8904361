import type { Right } from '../../../src-shared/contract/rights';
import { ROLE_IDS, type RoleId } from '../../../src-shared/contract/access';

const ALL: readonly RoleId[] = ROLE_IDS;

/**
 * Who gets which right by default — the school's work order, section 2 (DESIGN.md §7). One row per
 * right in RIGHTS (a missing row is a type error and fails tests/integration/access). Rules the tests
 * hold you to: the administrator is in every row (they set the school up and close the year); the
 * director is in every `*.read` row (read-all). The administrator changes these per role and per user
 * in «Права ролей»; only the differences are stored.
 *
 * To add a right: put it in src-shared/contract/rights.ts, add a row here, name it as `right:` of
 * your contract methods, and add a sample input in tests/integration/access/methodSamples.ts.
 */
export const DEFAULT_ROLE_RIGHTS: Record<Right, readonly RoleId[]> = {
  'school.read': ALL,
  'school.edit': ['admin'],
  'system.read': ['admin', 'director'],
  // Restoring replaces everyone's data; keys unlock the data folder elsewhere (issue 19).
  'system.manage': ['admin'],
  // Technical lines name methods, hosts and errors: for whoever maintains the program.
  'system.logs': ['admin'],
  'jobs.run': ['admin', 'deputy'],
  'users.read': ['admin', 'director'],
  'users.edit': ['admin'],
  'audit.read': ['admin', 'director'],
  // Without it a user sees only the classes they lead (and, once teaching load exists, teach).
  'classes.all': ['admin', 'director', 'deputy', 'secretary'],
  'pupils.read': ['admin', 'director', 'deputy', 'secretary', 'classTeacher', 'teacher'],
  'pupils.edit': ['admin', 'secretary', 'classTeacher'],
  'parents.read': ['admin', 'director', 'deputy', 'secretary', 'classTeacher'],
  // People (issue 5): HR keeps staff cards and staff accounts, the secretary pupils, parents and
  // their accounts; a class teacher keeps their class's cards and hands out its account letters
  // (work order 2, 3.5–3.8). Scoping to own classes and to the kinds a role keeps is in the services.
  // The secretary creates pupil cards; a class teacher keeps those of their class (work order 2).
  'pupils.create': ['admin', 'secretary'],
  'parents.edit': ['admin', 'secretary', 'classTeacher'],
  'staff.read': ['admin', 'director', 'deputy', 'hr'],
  'staff.edit': ['admin', 'hr'],
  'people.merge': ['admin', 'secretary', 'hr'],
  'accounts.read': ['admin', 'director', 'secretary', 'hr', 'classTeacher'],
  'accounts.edit': ['admin', 'secretary', 'hr'],
  'accounts.handOver': ['admin', 'secretary', 'hr', 'classTeacher'],
  // School set-up (issue 4): everybody signed in reads; the administrator owns years and the production
  // calendar; the завуч edits the calendar, bells, subjects, rooms, classes and subgroups (work order §2).
  'setup.read': ALL,
  'years.edit': ['admin'],
  'calendar.edit': ['admin', 'deputy'],
  'setup.edit': ['admin', 'deputy'],
  'productionCalendar.edit': ['admin'],
  // Movement book (issue 6): the secretary keeps the book (work order §2 «Секретарь») and registers
  // orders the director signed on paper; the завуч prepares orders and reports (§3.9, §3.10); the
  // administrator runs the year rollover (§2 «Администратор» 2).
  'movement.read': ['admin', 'director', 'deputy', 'secretary'],
  'movement.edit': ['admin', 'deputy', 'secretary'],
  'movement.sign': ['admin', 'director', 'secretary'],
  'movement.reports': ['admin', 'director', 'deputy', 'secretary'],
  'movement.rollover': ['admin'],
  // Curriculum and load (issue 7): the завуч forms the plan and the load (work order §2 «Завуч», §3.9);
  // the director and HR (тарификация goes to payroll) read them.
  'curriculum.read': ['admin', 'director', 'deputy', 'hr'],
  'curriculum.edit': ['admin', 'deputy'],
  // Portal exchange (issue 9): the secretary keeps the portal's people in step (work order §2
  // «Секретарь»: учётные записи, импорт), HR its staff; a pull writes pupils, staff and the
  // school set-up at once, so it is the administrator's and the secretary's.
  'exchange.read': ['admin', 'director', 'deputy', 'secretary', 'hr'],
  'exchange.pull': ['admin', 'secretary'],
  'exchange.push': ['admin', 'secretary', 'hr'],
  // Timetable (issue 15): the завуч builds it, the director approves it (work order §2 «Завуч», §3.9
  // «…должна быть утверждена директором»); everybody reads it — a class teacher their class, a
  // teacher their own lessons (scoping in core/timetable/scope.ts) — the office the whole school.
  'timetable.read': ALL,
  'timetable.all': ['admin', 'director', 'deputy', 'secretary', 'hr'],
  'timetable.edit': ['admin', 'deputy'],
  'timetable.approve': ['admin', 'director'],
  // Substitutions (issue 16): the завуч assigns them and signs the order (domain/substitutions.md §3).
  'timetable.subs': ['admin', 'deputy'],
  // Deadline monitor (issue 20): everyone sees their role's deadlines; the director answers for all
  // of them (work order 3.1) and sees them with owners and the journal; the administrator keeps the
  // rules (a school's own order may differ from the shipped one).
  'deadlines.read': ALL,
  'deadlines.all': ['admin', 'director'],
  'deadlines.rules': ['admin'],
  'deadlines.journal': ['admin', 'director'],
  // The завуч puts the approved timetable into the portal (work order §5.4, by 15 September).
  'timetable.push': ['admin', 'deputy'],
  // Reports (issue 21), work order §7.1: reports on the school for the завуч (and the director, the
  // administrator, the secretary who keeps the book), reports on a class for the teachers working in
  // it (the class scope narrows them to their classes), staff reports for those who read staff cards
  // (HR instead of the secretary, who has no right to staff cards); the builder is the
  // administrator's (§7.4), as are the print templates.
  'reports.read': ALL,
  'reports.school': ['admin', 'director', 'deputy', 'secretary'],
  'reports.class': ['admin', 'director', 'deputy', 'secretary', 'classTeacher', 'teacher'],
  'reports.staff': ['admin', 'director', 'deputy', 'hr'],
  'reports.build': ['admin'],
  'reports.templates': ['admin'],
};

/** Rights the administrator role keeps whatever is configured, so nobody can lock everyone out. */
export const LOCKED_ROLE_RIGHTS: readonly { role: RoleId; right: Right }[] = [
  { role: 'admin', right: 'users.read' },
  { role: 'admin', right: 'users.edit' },
];

export function isLockedRoleRight(role: string, right: string): boolean {
  return LOCKED_ROLE_RIGHTS.some((l) => l.role === role && l.right === right);
}

export function defaultRightsOfRole(role: string): Set<Right> {
  const out = new Set<Right>();
  for (const [right, roles] of Object.entries(DEFAULT_ROLE_RIGHTS) as [Right, readonly RoleId[]][]) {
    if ((roles as readonly string[]).includes(role)) out.add(right);
  }
  return out;
}
