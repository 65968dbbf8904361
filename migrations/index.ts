import type { Migration } from 'kysely';
import * as m0001 from './0001_create_school_card';
import * as m0002 from './0002_create_audit_log';
import * as m0003 from './0003_create_people_and_classes';

/**
 * Static registry: bundlers and the packaged app cannot list a folder at run time. Names sort in
 * order of application; never rename or remove an entry once released.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_school_card': m0001,
  '0002_create_audit_log': m0002,
  '0003_create_people_and_classes': m0003,
};
