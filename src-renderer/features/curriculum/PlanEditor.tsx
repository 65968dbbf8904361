import { plural } from '../../../src-shared/domain/plural';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Empty, Popconfirm, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { PlanDetail } from '../../../src-shared/contract/curriculum';
import type { PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { planProblems, type PlanProblemsInput } from '../../../src-shared/domain/curriculum/planProblems';
import type { PlanPart } from '../../../src-shared/domain/curriculum/parts';
import { useSaveShortcut } from '../../components/keyboard';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { useSubjectsQuery } from '../subjects/subjectsApi';
import { useDeletePlanMutation, usePlanQuery, useSavePlanMutation } from './curriculumApi';
import { PlanGrid } from './PlanGrid';
import { PlanProblems } from './PlanProblems';
import { PlanSettings } from './PlanSettings';
import { activeEditRows, fromDetail, parseRow, periodsWithWeeks, rowKeyLocal, sameRows, toInput, type EditRow } from './planEditorModel';
import { errorText } from '../../components/serverErrors';

function problemsInput(d: PlanDetail, periods: PlanDetail['periods'], names: Map<string, string>): PlanProblemsInput {
  return {
    grade: d.grade,
    classId: d.classId,
    weekLength: d.weekLength === 6 ? 6 : 5,
    periods,
    subjectName: (id) => names.get(id) ?? 'предмет',
    gradeRows: d.gradeRows,
    classes: d.classes.map((c) => ({ ...c, weekLength: c.weekLength === 6 ? 6 : 5 })),
    levelAnnual: d.levelAnnual,
  };
}

function differsByPeriod(rows: EditRow[]): boolean {
  return rows.some((r) => r.hours.some((h) => h !== r.hours[0]));
}

/** One plan (a grade's or a class's) in the spreadsheet editor with live checks and Ctrl+S. */
export function PlanEditor({ yearId, grade, classId, canEdit }: { yearId: string; grade: number; classId: string | null; canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, isFetching, error } = usePlanQuery({ yearId, grade, classId });
  const { data: subjectsData } = useSubjectsQuery();
  const [save, { isLoading: saving }] = useSavePlanMutation();
  const [remove] = useDeletePlanMutation();
  const [base, setBase] = useState<EditRow[]>([]);
  const [rows, setRows] = useState<EditRow[]>([]);
  const [perPeriod, setPerPeriod] = useState(false);
  const [settings, setSettings] = useState({ weeks: 34, note: '' });
  const [baseSettings, setBaseSettings] = useState(settings);
  const dirty = !sameRows(rows, base) || settings.weeks !== baseSettings.weeks || settings.note !== baseSettings.note;
  useUnsavedGuard(dirty);

  const [loadedFor, setLoadedFor] = useState('');
  const planKey = `${yearId}|${grade}|${classId ?? ''}`;
  const load = useCallback((detail: PlanDetail) => {
    const loaded = fromDetail(detail);
    setBase(loaded);
    setRows(loaded);
    setPerPeriod(differsByPeriod(loaded));
    const s = { weeks: detail.plan.weeksPerYear, note: detail.plan.note ?? '' };
    setSettings(s);
    setBaseSettings(s);
  }, []);
  useEffect(() => {
    if (!data) return;
    // A refetch while the person is typing keeps their edits (saving then reports the conflict);
    // another plan, or no edits, takes the fresh data.
    if (loadedFor !== planKey || !dirty) {
      setLoadedFor(planKey);
      load(data);
    }
  }, [data]);

  const names = useMemo(() => new Map((subjectsData?.subjects ?? []).map((s) => [s.id, s.name])), [subjectsData]);
  const periods = useMemo(() => (data ? periodsWithWeeks(data.periods, settings.weeks) : []), [data, settings.weeks]);
  const problems = useMemo(() => {
    if (!data) return [];
    const parsed = activeEditRows(rows)
      .map((r) => parseRow(r).row)
      .filter((r): r is PlanRow => Boolean(r));
    return planProblems(problemsInput(data, periods, names), parsed);
  }, [data, periods, rows, names]);
  const marks = useMemo(() => {
    const m = new Map<string, 'error' | 'warning' | 'info'>();
    const rank = { error: 0, warning: 1, info: 2 };
    for (const p of problems) {
      if (!p.subjectId) continue;
      for (const part of p.part ? [p.part] : (['mandatory', 'formed', 'extracurricular'] as PlanPart[])) {
        const key = `${p.subjectId}|${part}`;
        const was = m.get(key);
        if (!was || rank[p.severity] < rank[was]) m.set(key, p.severity);
      }
    }
    return m;
  }, [problems]);

  const readOnly = !canEdit || Boolean(data?.readOnly);
  const invalid = toInput(rows) === null;

  const doSave = useCallback(async () => {
    if (!data || readOnly) return;
    const input = toInput(rows);
    if (!input) {
      message.error('В плане есть ячейки с ошибкой (подсвечены красным) — исправьте их перед сохранением');
      return;
    }
    const r = await save({ yearId, grade, classId, version: data.plan.version, weeksPerYear: classId ? null : settings.weeks, note: settings.note.trim() || null, rows: input });
    if ('error' in r && r.error) {
      message.error(errorText(r));
      return;
    }
    if (r.data) load(r.data);
    const errors = r.data?.problems.filter((p) => p.severity === 'error').length ?? 0;
    if (errors) message.warning(`План сохранён, но проверка нашла ошибок: ${errors}`);
    else message.success('План сохранён');
  }, [data, readOnly, rows, settings, save, yearId, grade, classId, message, load]);

  useSaveShortcut(useCallback(() => void doSave(), [doSave]));

  if (error) return <Empty description={errorText({ error }) ?? 'План не загрузился'} />;
  if (!data) return <Skeleton active />;
  const title = data.className ? `Учебный план класса ${data.className}` : `Учебный план ${data.grade}-х классов`;
  const subjects = (subjectsData?.subjects ?? []).filter((s) => !s.isArchived).map((s) => ({ id: s.id, name: s.name }));
  const yearWeeks = periods.reduce((a, p) => a + p.weeks, 0);

  const change = (key: string, patch: Partial<EditRow>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const del = (key: string) =>
    setRows((list) => {
      const row = list.find((r) => r.key === key);
      // In a class plan a row of the grade is kept as «убрано», so it can be brought back.
      if (row && data.classId && (row.origin === 'grade' || row.origin === 'changed')) return list.map((r) => (r.key === key ? { ...r, origin: 'removed' } : r));
      return list.filter((r) => r.key !== key);
    });
  const restore = (key: string) => {
    const gradeRow = data.gradeRows.find((g) => {
      const row = rows.find((r) => r.key === key);
      return row && g.subjectId === row.subjectId && g.part === row.part;
    });
    if (!gradeRow) return;
    const [fresh] = fromDetail({ ...data, rows: [{ ...gradeRow, origin: 'grade' }] });
    setRows((list) => list.map((r) => (r.key === key ? { ...fresh, key } : r)));
  };
  const add = (part: PlanPart, subjectId: string) => {
    const existing = rows.find((r) => r.subjectId === subjectId && r.part === part);
    if (existing?.origin === 'removed') return restore(existing.key);
    setRows((list) => [
      ...list,
      { key: rowKeyLocal(), subjectId, subjectName: names.get(subjectId) ?? '', part, hours: periods.map(() => '1'), groups: '', doubles: '', assessment: part === 'extracurricular' ? '' : 'Контрольная работа', origin: data.classId ? 'added' : 'grade' },
    ]);
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title} {dirty && <Tag color="orange">не сохранено</Tag>}
          </Typography.Title>
          <Typography.Text type="secondary">
            {data.weekLength}-дневная неделя · максимум {data.maxWeekly ?? '—'} ч в неделю (СанПиН) · {plural(yearWeeks, ['учебная неделя', 'учебные недели', 'учебных недель'])}
            {periods.length > 1 ? `: ${periods.map((p) => `${p.name} — ${p.weeks}`).join(', ')}` : ''}
          </Typography.Text>
        </div>
        <Space wrap>
          {data.periods.length > 1 && (
            <Space size={4}>
              <Switch size="small" checked={perPeriod} disabled={differsByPeriod(rows)} onChange={setPerPeriod} aria-label="Часы по учебным периодам" />
              <span>по периодам</span>
            </Space>
          )}
          {!readOnly && (
            <>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => {
                  setRows(base);
                  setSettings(baseSettings);
                }}>
                Отменить правки
              </Button>
              {data.classId && data.plan.id && (
                <Popconfirm
                  title={`Вернуть ${data.className} к плану параллели?`}
                  description="Собственные строки класса будут удалены."
                  okText="Вернуть"
                  cancelText="Отмена"
                  onConfirm={async () => {
                    const r = await remove({ id: data.plan.id as string, version: data.plan.version });
                    if ('error' in r && r.error) message.error(errorText(r));
                  }}
                >
                  <Button icon={<RollbackOutlined />}>Как в параллели</Button>
                </Popconfirm>
              )}
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty || invalid} onClick={() => void doSave()}>
                Сохранить (Ctrl+S)
              </Button>
            </>
          )}
        </Space>
      </Space>
      <PlanSettings isClass={Boolean(data.classId)} readOnly={readOnly} weeks={settings.weeks} note={settings.note} onWeeks={(weeks) => setSettings((x) => ({ ...x, weeks }))} onNote={(note) => setSettings((x) => ({ ...x, note }))} />
      {data.readOnly && <Typography.Text type="warning">Учебный год закрыт — план только для просмотра.</Typography.Text>}
      {data.classId && !data.plan.id && !dirty && <Typography.Text type="secondary">Класс учится по плану параллели. Измените ячейку, чтобы задать классу свой план (профиль, АООП): сохранятся только отличия.</Typography.Text>}
      <div style={{ opacity: isFetching ? 0.6 : 1 }}>
        <PlanGrid
          rows={rows}
          periods={periods}
          perPeriod={perPeriod || differsByPeriod(rows)}
          readOnly={readOnly}
          isClass={Boolean(data.classId)}
          maxWeekly={data.maxWeekly}
          subjects={subjects}
          marks={marks}
          onChange={change}
          onDelete={del}
          onRestore={restore}
          onAdd={add}
        />
      </div>
      <PlanProblems problems={problems} />
    </Space>
  );
}
