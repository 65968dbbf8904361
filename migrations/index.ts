import type { Migration } from 'kysely';
import * as m0001 from './0001_create_school_card';
import * as m0002 from './0002_create_audit_log';
import * as m0003 from './0003_create_people_and_classes';
import * as m0010 from './0010_create_app_users';
import * as m0020 from './0020_create_rooms_and_subjects';
import * as m0021 from './0021_create_study_periods';
import * as m0022 from './0022_create_school_calendar';
import * as m0023 from './0023_create_bell_schedules';
import * as m0024 from './0024_extend_classes_add_subgroups';
import * as m0030 from './0030_extend_person_cards';
import * as m0031 from './0031_create_person_details';
import * as m0032 from './0032_create_staff_positions';
import * as m0033 from './0033_create_portal_accounts';
import * as m0034 from './0034_convert_family_composition';
import * as m0035 from './0035_create_staff_family';
import * as m0036 from './0036_create_staff_training';
import * as m0040 from './0040_create_movement_orders';
import * as m0041 from './0041_create_document_templates';
import * as m0042 from './0042_extend_movement_orders_add_source';
import * as m0050 from './0050_create_curriculum_and_load';
import * as m0051 from './0051_create_joint_groups';
import * as m0060 from './0060_create_portal_exchange';
import * as m0061 from './0061_create_portal_seen';
import * as m0062 from './0062_create_portal_exchange_entry';
import * as m0070 from './0070_create_timetable';
import * as m0071 from './0071_joint_groups_to_curriculum';
import * as m0075 from './0075_create_substitutions';
import * as m0076 from './0076_create_room_closures';
import * as m0080 from './0080_create_report_tables';
import * as m0081 from './0081_create_certificate_register';
import * as m0090 from './0090_create_deadlines';

/**
 * Static registry: bundlers and the packaged app cannot list a folder at run time. Names sort in
 * order of application; never rename or remove an entry once released.
 */
export const migrations: Record<string, Migration> = {
  '0001_create_school_card': m0001,
  '0002_create_audit_log': m0002,
  '0003_create_people_and_classes': m0003,
  '0010_create_app_users': m0010,
  '0020_create_rooms_and_subjects': m0020,
  '0021_create_study_periods': m0021,
  '0022_create_school_calendar': m0022,
  '0023_create_bell_schedules': m0023,
  '0024_extend_classes_add_subgroups': m0024,
  '0030_extend_person_cards': m0030,
  '0031_create_person_details': m0031,
  '0032_create_staff_positions': m0032,
  '0033_create_portal_accounts': m0033,
  '0034_convert_family_composition': m0034,
  '0035_create_staff_family': m0035,
  '0036_create_staff_training': m0036,
  '0040_create_movement_orders': m0040,
  '0041_create_document_templates': m0041,
  '0042_extend_movement_orders_add_source': m0042,
  '0050_create_curriculum_and_load': m0050,
  '0051_create_joint_groups': m0051,
  '0060_create_portal_exchange': m0060,
  '0061_create_portal_seen': m0061,
  '0062_create_portal_exchange_entry': m0062,
  '0070_create_timetable': m0070,
  '0071_joint_groups_to_curriculum': m0071,
  '0075_create_substitutions': m0075,
  '0076_create_room_closures': m0076,
  '0080_create_report_tables': m0080,
  '0081_create_certificate_register': m0081,
  '0090_create_deadlines': m0090,
};
