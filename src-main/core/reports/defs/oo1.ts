import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { OO1_EDITION } from '../../../../src-shared/domain/reports/oo1Edition';
import type { ReportDef } from '../engine/types';
import { classesOn, pupilsOn } from '../repo/pupilsOn';
import { staffOn } from '../repo/staffOn';
import { schoolCardNames } from '../repo/lookups';
import { oo1Contingent } from './oo1Contingent';
import { oo1Staff } from './oo1Staff';

/**
 * The ОО-1 draft: the contingent on 20 September and the staff on the same day, with the form's
 * control relations. The school's location (urban or rural) sets the small-class threshold of 2.4;
 * it is read from the school card's address (a village, settlement or hamlet counts as rural).
 */
const RURAL = /(^|[\s,])(с\.|село|пос\.|посёлок|поселок|п\.|д\.|деревня|ст-ца|станица|аул)\s/i;

export const oo1: ReportDef = {
  key: 'oo1',
  async compute({ db, params, grid }) {
    const card = await schoolCardNames(db);
    const rural = RURAL.test(`${card?.actualAddress ?? ''} ${card?.legalAddress ?? ''}`);
    const classes = await classesOn(db, params.date);
    const pupils = await pupilsOn(db, params.date);
    const contingent = oo1Contingent(grid, classes, pupils, params.date, rural);
    const staff = oo1Staff(grid, await staffOn(db, params.date), params.date);
    return {
      subtitle: `по состоянию на ${formatRu(params.date)}; ${OO1_EDITION}`,
      tables: [...contingent.tables, ...staff.tables],
      checks: [...contingent.checks, ...staff.checks],
      notes: [
        'Черновик для заполнения формы в личном кабинете (cabinet.miccedu.ru): сверьте номера строк и граф с действующей редакцией формы.',
        ...contingent.notes,
        ...staff.notes,
      ],
    };
  },
};
