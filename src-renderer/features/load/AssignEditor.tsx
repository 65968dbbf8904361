import { useState } from 'react';
import { App, Button, Checkbox, Select, Space, Typography } from 'antd';
import type { LoadCell, LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { groupLabel } from '../../../src-shared/domain/curriculum/loadRows';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { type AssignChange, useAssignTeachersMutation } from './loadApi';
import { teacherOptions } from './loadUi';
import { errorText } from '../../components/serverErrors';

/** The teachers of one class × subject: one select per group; optionally the same for the grade's vacant cells. */
export function AssignEditor({ yearId, grid, cell, onDone }: { yearId: string; grid: LoadGrid; cell: LoadCell; onDone: () => void }) {
  const { message } = App.useApp();
  const [assign, { isLoading }] = useAssignTeachersMutation();
  const [picked, setPicked] = useState<Record<number, string | null>>(Object.fromEntries(cell.groups.map((g) => [g.groupNo, g.staffId])));
  const [wholeGrade, setWholeGrade] = useState(false);
  const cls = grid.classes.find((c) => c.id === cell.classId);
  const subject = grid.subjects.find((s) => s.id === cell.subjectId);
  const options = teacherOptions(grid.teachers, cell.subjectId);

  const submit = async () => {
    const changes: AssignChange[] = cell.groups.filter((g) => (picked[g.groupNo] ?? null) !== g.staffId).map((g) => ({ classId: cell.classId, subjectId: cell.subjectId, groupNo: g.groupNo, staffId: picked[g.groupNo] ?? null, version: g.version }));
    if (wholeGrade && cls) {
      for (const other of grid.cells.filter((c) => c.subjectId === cell.subjectId && c.classId !== cell.classId && grid.classes.find((k) => k.id === c.classId)?.grade === cls.grade)) {
        for (const g of other.groups) {
          const want = picked[g.groupNo];
          if (!g.staffId && want) changes.push({ classId: other.classId, subjectId: other.subjectId, groupNo: g.groupNo, staffId: want, version: g.version });
        }
      }
    }
    if (changes.length === 0) return onDone();
    const r = await assign({ yearId, changes });
    if ('error' in r && r.error) return void message.error(errorText(r));
    for (const w of r.data?.warnings ?? []) message.warning(w);
    onDone();
  };

  return (
    <Space orientation="vertical" style={{ width: 360 }} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <Typography.Text strong>
        {cls?.name}, «{subject?.name}» — {formatHours(cell.hours)} ч в неделю
      </Typography.Text>
      {cell.groups.map((g, i) => (
        <Space key={g.groupNo} orientation="vertical" size={2} style={{ width: '100%' }}>
          {cell.groupCount > 1 && <Typography.Text type="secondary">{groupLabel(g.groupNo)}</Typography.Text>}
          <Select
            autoFocus={i === 0}
            showSearch
            allowClear
            optionFilterProp="label"
            aria-label={`Учитель: ${cls?.name}, ${subject?.name}${cell.groupCount > 1 ? `, ${groupLabel(g.groupNo)}` : ''}`}
            placeholder="вакансия"
            style={{ width: '100%' }}
            value={picked[g.groupNo] ?? undefined}
            onChange={(v: string | undefined) => setPicked((p) => ({ ...p, [g.groupNo]: v ?? null }))}
            options={options}
          />
        </Space>
      ))}
      <Checkbox checked={wholeGrade} onChange={(e) => setWholeGrade(e.target.checked)}>
        Назначить и в другие {cls?.grade}-е классы, где учителя нет
      </Checkbox>
      <Space>
        <Button type="primary" loading={isLoading} onClick={() => void submit()}>
          Назначить
        </Button>
        <Button onClick={onDone}>Отмена</Button>
      </Space>
    </Space>
  );
}
