import { Select } from 'antd';
import type { LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { compareRu } from '../../../src-shared/domain/names';

export interface LoadSlot {
  classId: string;
  subjectId: string;
  groupNo: number;
  version: number;
}

interface Option {
  value: string;
  label: string;
  slot: LoadSlot;
}

/**
 * «Добавить класс и предмет» on a teacher's card: any row of the load, the vacancies of the teacher's
 * own subjects first, then the other vacancies, then rows another teacher has (taking them over).
 */
export function AddLoadSelect({ grid, staffId, qualified, onPick }: { grid: LoadGrid; staffId: string; qualified: readonly string[]; onPick: (slot: LoadSlot) => void }) {
  const classes = new Map(grid.classes.map((c, i) => [c.id, { ...c, order: i }]));
  const subjects = new Map(grid.subjects.map((s) => [s.id, s.name]));
  const mine: Option[] = [];
  const vacant: Option[] = [];
  const others: Option[] = [];
  const cells = [...grid.cells].sort(
    (a, b) => (classes.get(a.classId)?.order ?? 0) - (classes.get(b.classId)?.order ?? 0) || compareRu(subjects.get(a.subjectId) ?? '', subjects.get(b.subjectId) ?? ''),
  );
  for (const cell of cells) {
    for (const g of cell.groups) {
      if (g.staffId === staffId) continue;
      const what = `${classes.get(cell.classId)?.name ?? '?'}, ${subjects.get(cell.subjectId) ?? '?'}${g.groupNo ? `, гр. ${g.groupNo}` : ''} — ${formatHours(cell.hours)} ч`;
      const option = { value: `${cell.classId}|${cell.subjectId}|${g.groupNo}`, slot: { classId: cell.classId, subjectId: cell.subjectId, groupNo: g.groupNo, version: g.version } };
      if (g.staffId) others.push({ ...option, label: `${what} (сейчас ${g.staffName ?? '?'})` });
      else if (qualified.includes(cell.subjectId)) mine.push({ ...option, label: what });
      else vacant.push({ ...option, label: what });
    }
  }
  const groups = [
    { label: 'Вакансии по предметам учителя', options: mine },
    { label: mine.length ? 'Другие вакансии' : 'Вакансии', options: vacant },
    { label: 'Передать от другого учителя', options: others },
  ].filter((g) => g.options.length > 0);
  const all = new Map([...mine, ...vacant, ...others].map((o) => [o.value, o.slot]));
  return (
    <Select
      showSearch
      aria-label="Добавить класс и предмет"
      placeholder="+ добавить класс и предмет (вакансию или передать от другого учителя)"
      optionFilterProp="label"
      value={null}
      style={{ width: '100%' }}
      options={groups}
      onChange={(v: string | null) => {
        const slot = v ? all.get(v) : undefined;
        if (slot) onPick(slot);
      }}
    />
  );
}
