import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { ViolationOut } from '../../../src-shared/contract/timetableFields';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../year/useSelectedYear';
import { ApproveModal } from './ApproveModal';
import { CompareVersions } from './CompareVersions';
import { EntityView, entityOptions } from './EntityView';
import { ExportMenu } from './ExportMenu';
import { TimetableExchangeModal } from './exchange/TimetableExchangeModal';
import { FiguresPanel } from './FiguresPanel';
import { GenerateModal } from './GenerateModal';
import { GenerationProgress } from './GenerationProgress';
import { MasterView } from './MasterView';
import { NewVersionModal } from './NewVersionModal';
import { PrecheckPanel } from './PrecheckPanel';
import { useTimetableVersionsQuery, useTimetableViewQuery } from './timetableApi';
import { entityName, indexTimetable, slotKey, type EntityKind } from './timetableModel';
import { useActiveJob } from './useActiveJob';
import { HandEditContext, useHandEditor } from './useHandEditor';
import { VersionBar, VersionSelect } from './VersionBar';
import { VersionsTable } from './VersionsTable';
import { YearSelect } from '../../components/YearSelect';

type ViewKey = 'versions' | 'check' | EntityKind | 'master' | 'figures';
const VIEWS: readonly ViewKey[] = ['versions', 'check', 'class', 'teacher', 'room', 'master', 'figures'];

/** `d.p,d.p` in the address: the slots a clicked violation points at. */
const parseSlots = (s: string | null): Set<number> =>
  new Set(
    (s ?? '')
      .split(',')
      .map((x) => x.split('.').map(Number))
      .filter(([d, p]) => Number.isInteger(d) && Number.isInteger(p))
      .map(([d, p]) => slotKey(d, p)),
  );

/**
 * «Расписание»: the versions of a year, the pre-check, «Составить» with its progress, the week of
 * a class, a teacher or a room, the whole school, the figures; approval and downloads. What a
 * user sees follows what the core lets them read: the office the whole school, a class teacher
 * their class, a teacher their own lessons. The address keeps the version, view and entity.
 */
export function TimetablePage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const [params, setParams] = useSearchParams();
  const canAll = useHasRight('timetable.all');
  const canEdit = useHasRight('timetable.edit');
  const canApprove = useHasRight('timetable.approve');
  const canPush = useHasRight('timetable.push');
  const [modal, setModal] = useState<'new' | 'generate' | 'approve' | 'exchange' | null>(null);
  const { job, setJob } = useActiveJob();


  const { data: list, error: listError } = useTimetableVersionsQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const wanted = params.get('versionId');
  const versionId = useMemo(() => {
    if (!list) return null;
    if (wanted && list.versions.some((v) => v.id === wanted)) return wanted;
    if (list.inForceId) return list.inForceId;
    const drafts = list.versions.filter((v) => v.status === 'draft').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return drafts[0]?.id ?? list.versions[0]?.id ?? null;
  }, [list, wanted]);
  const meta = list?.versions.find((v) => v.id === versionId) ?? null;
  const inForce = list?.versions.find((v) => v.id === list.inForceId) ?? null;
  const { data: view, error: viewError, isFetching } = useTimetableViewQuery({ versionId: versionId ?? '' }, { skip: !versionId });
  const index = useMemo(() => (view && view.meta.id === versionId ? indexTimetable(view) : null), [view, versionId]);
  const all = index ? index.view.scope.all : canAll;

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (p) => {
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) p.delete(k);
            else p.set(k, v);
          }
          return p;
        },
        { replace: false },
      ),
    [setParams],
  );

  const placedAny = Boolean(meta && meta.summary.placed > 0);
  const defaultView: ViewKey = !all ? (index && index.view.scope.classIds.length > 0 ? 'class' : 'teacher') : placedAny ? 'class' : canAll ? 'check' : 'class';
  const requested = params.get('view') as ViewKey | null;
  const allowed = (v: ViewKey): boolean => (v === 'class' || v === 'teacher' ? true : all && canAll);
  const active: ViewKey = requested && VIEWS.includes(requested) && allowed(requested) ? requested : defaultView;
  const entityId = params.get('id');
  const selectedKey = params.get('sel');
  const highlight = useMemo(() => parseSlots(params.get('hl')), [params]);
  // Hand editing (issue 16): a draft the user may change, with the whole school on screen.
  const editable = Boolean(canEdit && index && index.view.scope.all && index.view.meta.status === 'draft' && index.view.meta.readOnlyReason === null);
  const edit = useHandEditor(index, editable, selectedKey);

  const openEntity = useCallback((kind: EntityKind, id: string) => update({ view: kind, id, sel: null, hl: null }), [update]);
  const pickVersion = useCallback((id: string) => update({ versionId: id, sel: null, hl: null }), [update]);
  const select = useCallback((key: string | null) => update({ sel: key }), [update]);
  const openGenerated = useCallback(
    (id: string) => update({ versionId: id, view: active === 'check' || active === 'versions' ? 'class' : active, sel: null, hl: null }),
    [update, active],
  );

  const jobFinished = useCallback(() => {
    if (job && !job.finished) setJob({ ...job, finished: true });
  }, [job, setJob]);

  const showViolation = useCallback(
    (v: ViolationOut) => {
      const hl = v.slots.map((s) => `${s.day}.${s.period}`).join(',') || null;
      // The occurrence of the violation's lessons that stands in one of its slots (else its first).
      const at = new Set(v.slots.map((s) => slotKey(s.day, s.period)));
      const occs = (index?.occurrences ?? []).filter((o) => v.lessonIds.includes(o.lesson.id));
      const occ = occs.find((o) => o.day !== null && o.period !== null && at.has(slotKey(o.day, o.period))) ?? occs[0];
      const lesson = occ?.lesson;
      const sel = occ ? occ.key : null;
      const type = v.entity.type;
      if ((type === 'teacher' || type === 'room' || type === 'class') && v.entity.id) {
        update({ view: type, id: v.entity.id, hl, sel });
      } else if (lesson) {
        update({ view: 'class', id: lesson.audiences[0]?.classId ?? null, hl, sel });
      } else update({ view: 'master', id: null, hl, sel: null });
    },
    [update, index],
  );

  if (isLoading) return <Skeleton active />;
  const entityKind: EntityKind | null = active === 'class' || active === 'teacher' || active === 'room' ? active : null;
  // The class, teacher or room on screen (the first one until the user picks), for «only this» downloads.
  const shownId = entityKind && index ? (entityOptions(index, entityKind).find((o) => o.value === entityId) ?? entityOptions(index, entityKind)[0])?.value : undefined;
  const current = entityKind && index && shownId ? { kind: entityKind, id: shownId, name: entityName(index, entityKind, shownId) } : null;
  const draftForFill = meta && meta.status === 'draft' && meta.readOnlyReason === null ? meta : null;

  const body = (content: React.ReactNode) => {
    if (!versionId) return <Empty description={canEdit ? 'Расписания пока нет: нажмите «Составить» — будет создан черновик' : 'Утверждённого расписания пока нет'} />;
    if (viewError && !index) return <Alert type="error" showIcon title={(viewError as { message?: string }).message ?? 'Расписание не загружено'} />;
    if (!index || !meta) return <Skeleton active />;
    return <div style={{ opacity: isFetching ? 0.75 : 1 }}>{content}</div>;
  };

  const tabs = [
    ...(canAll
      ? [
          {
            key: 'versions',
            label: `Версии${list ? ` (${list.versions.length})` : ''}`,
            children: list && (
              <>
                <VersionsTable list={list} currentId={versionId} onOpen={(id) => update({ versionId: id, view: 'class', sel: null, hl: null })} />
                <CompareVersions list={list} currentId={versionId} />
              </>
            ),
          },
        ]
      : []),
    ...(canAll && year
      ? [
          {
            key: 'check',
            label: 'Проверка данных',
            children: active === 'check' && <PrecheckPanel args={draftForFill ? { versionId: draftForFill.id } : { yearId: year.id, studyPeriodId: meta?.studyPeriodId ?? list?.periods[0]?.id ?? null }} />,
          },
        ]
      : []),
    { key: 'class', label: 'Классы', children: active === 'class' && body(index && meta && <EntityView index={index} meta={meta} kind="class" id={entityId} selectedKey={selectedKey} highlight={highlight} onOpen={openEntity} onSelect={select} />) },
    { key: 'teacher', label: 'Учителя', children: active === 'teacher' && body(index && meta && <EntityView index={index} meta={meta} kind="teacher" id={entityId} selectedKey={selectedKey} highlight={highlight} onOpen={openEntity} onSelect={select} />) },
    ...(all && canAll
      ? [
          { key: 'room', label: 'Кабинеты', children: active === 'room' && body(index && meta && <EntityView index={index} meta={meta} kind="room" id={entityId} selectedKey={selectedKey} highlight={highlight} onOpen={openEntity} onSelect={select} />) },
          {
            key: 'master',
            label: 'Вся школа',
            children:
              active === 'master' &&
              body(
                index && meta && (
                  <MasterView
                    index={index}
                    meta={meta}
                    day={params.get('day') === null ? null : Number(params.get('day'))}
                    onDay={(d) => update({ day: d === null ? null : String(d) })}
                    selectedKey={selectedKey}
                    onSelect={select}
                    onOpen={openEntity}
                  />
                ),
              ),
          },
          { key: 'figures', label: 'Показатели', children: active === 'figures' && body(index && versionId && <FiguresPanel versionId={versionId} index={index} onShow={showViolation} />) },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size="middle">
          <Typography.Title level={2} style={{ margin: 0 }}>
            Расписание
          </Typography.Title>
          {list && <VersionSelect list={list} value={versionId} onPick={pickVersion} />}
        </Space>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год" />}
      {listError && <Alert type="error" showIcon title={(listError as { message?: string }).message ?? 'Версии не загружены'} />}
      {year && list && (
        <>
          <VersionBar
            meta={meta}
            canEdit={canEdit}
            canApprove={canApprove}
            busy={Boolean(job && !job.finished)}
            onPick={pickVersion}
            onNew={() => setModal('new')}
            onGenerate={() => setModal('generate')}
            onApprove={() => setModal('approve')}
            onDeleted={() => update({ versionId: null, sel: null, hl: null })}
            extra={
              <>
                {versionId && index && <ExportMenu versionId={versionId} scope={index.view.scope} current={current} date={/^\d{4}-\d\d-\d\d$/.test(params.get('date') ?? '') ? params.get('date') : null} />}
                {canAll && <Button icon={<SwapOutlined />} onClick={() => setModal('exchange')}>Обмен</Button>}
              </>
            }
          />
          {job && <GenerationProgress key={job.jobId} job={job} onOpenVersion={openGenerated} onFinished={jobFinished} onDismiss={() => setJob(null)} />}
          <HandEditContext.Provider value={edit}>
            <Tabs size="small" activeKey={active} onChange={(key) => update({ view: key, sel: null, hl: null })} items={tabs} destroyOnHidden />
          </HandEditContext.Provider>
          {modal === 'new' && <NewVersionModal yearId={year.id} list={list} onClose={() => setModal(null)} onCreated={(v) => { setModal(null); update({ versionId: v.id, view: 'check' }); }} />}
          {modal === 'generate' && (
            <GenerateModal
              yearId={year.id}
              list={list}
              draft={draftForFill}
              onClose={() => setModal(null)}
              onStarted={(j) => {
                setModal(null);
                setJob(j);
                if (j.versionId) update({ versionId: j.versionId });
              }}
            />
          )}
          {modal === 'approve' && meta && <ApproveModal meta={meta} inForce={inForce} onClose={() => setModal(null)} />}
          {modal === 'exchange' && (
            <TimetableExchangeModal
              yearId={year.id}
              studyPeriodId={meta?.studyPeriodId ?? null}
              meta={meta}
              approved={list?.versions.filter((v) => v.status === 'approved') ?? []}
              canEdit={canEdit}
              canPush={canPush}
              onClose={() => setModal(null)}
              onOpen={(id) => {
                setModal(null);
                update({ versionId: id, view: 'master' });
              }}
            />
          )}
        </>
      )}
    </Space>
  );
}
