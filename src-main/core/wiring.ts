import { curriculumUseOfSubject } from './curriculum/index';
import { subjectUsers } from './schoolSetup/index';

/**
 * The one list of connections from a higher floor into a lower floor's port (foundation/port.ts):
 * a lower domain asks «who uses this?» or announces «this happened» without importing the domains
 * above it. Runs when the handler map is built (api/index.ts), so every dispatcher has it.
 */
export function wireDomains(): void {
  // Deleting a subject is refused while the curriculum's plans or the load still use it.
  subjectUsers.plug(curriculumUseOfSubject);
}
