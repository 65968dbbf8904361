import { classLeadSources, classScopeSources } from './access/index';
import { accountDueDates, accountOf, openHireTask, openParentTaskOnLink } from './accounts/index';
import { accountDueByRule } from './deadlines/index';
import { curriculumUseOfSubject, teachingSource } from './curriculum/index';
import { parentLinked, personAccount, staffHired } from './people/index';
import { classTeacherSource, subjectUsers } from './schoolSetup/index';

/**
 * The one list of connections from a higher floor into a lower floor's port (foundation/port.ts):
 * a lower domain asks «who uses this?» or announces «this happened» without importing the domains
 * above it. Runs when the handler map is built (api/index.ts), so every dispatcher has it.
 */
export function wireDomains(): void {
  // A teacher without «все классы» sees the classes they lead and the classes they teach.
  classScopeSources.plug(classTeacherSource);
  classScopeSources.plug(teachingSource);
  // Only the classes one leads are editable: teaching a class gives sight, not the pen (issue 19).
  classLeadSources.plug(classTeacherSource);
  // Deleting a subject is refused while the curriculum's plans or the load still use it.
  subjectUsers.plug(curriculumUseOfSubject);
  // Cards show the portal account; linking a parent to an enrolled child and recording a hire
  // open the account tasks of work order 3.6.
  personAccount.plug(accountOf);
  parentLinked.plug(openParentTaskOnLink);
  staffHired.plug(openHireTask);
  // The due date of a new account task follows the deadline monitor's rule (3.6 or the school's change of it).
  accountDueDates.plug(accountDueByRule);
}
