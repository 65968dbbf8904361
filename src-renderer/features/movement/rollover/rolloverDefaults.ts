import type { RolloverPlanInput, RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import type { AcademicYear } from '../../../../src-shared/contract/years';

/** The plan the wizard starts from: next year by name and dates, orders at the end of the year. */
export function defaultPlan(from: AcademicYear, directorName: string | null): RolloverPlanInput {
  const first = Number(from.name.slice(0, 4)) + 1;
  const endYear = Number(from.endDate.slice(0, 4));
  return {
    fromYearId: from.id,
    targetYear: { name: `${first}/${first + 1}`, startDate: `${first}-09-01`, endDate: `${first + 1}-08-31` },
    promotionOrderDate: `${endYear}-05-29`,
    graduationOrderDate: `${endYear}-06-25`,
    graduationDate: `${endYear}-06-26`,
    signatoryPosition: 'Директор',
    signatoryName: directorName,
    classes: [],
    newClasses: [],
    exceptions: [],
  };
}

/** New first grades with this year's first-grade letters, and a 10th grade if 9th grades exist. */
export function defaultNewClasses(preview: RolloverPreview): RolloverPlanInput['newClasses'] {
  const letters = preview.sourceClasses.filter((c) => c.grade === 1).map((c) => c.name.replace(/^\d+/, ''));
  const out: NonNullable<RolloverPlanInput['newClasses']> = (letters.length ? letters : ['А']).map((letter) => ({ grade: 1, letter }));
  if (preview.sourceClasses.some((c) => c.grade === 9)) out.push({ grade: 10, letter: 'А' });
  return out;
}
