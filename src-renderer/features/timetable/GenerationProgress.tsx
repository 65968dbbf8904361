import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Space, Statistic, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { GenerationStatus } from '../../../src-shared/contract/timetableFields';
import { useAppDispatch } from '../../app/hooks';
import { baseApi } from '../../api/baseApi';
import { ExplanationList } from './ExplanationList';
import { useCancelGenerationMutation, useGenerationStatusQuery } from './timetableApi';
import { formatCount, formatShare } from './timetableModel';

export interface ActiveJob {
  jobId: string;
  versionId: string | null;
  budgetSeconds: number;
  /** When the завуч pressed «Составить» (ms), for the clock before the first progress arrives. */
  startedAt: number;
  /** The run ended (done, cancelled, failed): the card stays to show the outcome, a new run may start. */
  finished?: boolean;
}

const FINAL = new Set<GenerationStatus['state']>(['done', 'cancelled', 'failed', 'conflict']);
const STATE: Record<GenerationStatus['state'], string> = {
  preparing: 'Подготовка данных',
  running: 'Составление',
  saving: 'Сохранение',
  done: 'Готово',
  cancelled: 'Отменено: ничего не сохранено',
  failed: 'Не удалось составить',
  conflict: 'Черновик изменили, пока шло составление',
};

const clock = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * A running generation: a clock from the moment «Составить» was pressed, then the solver's figures
 * as they improve (placed lessons, hard violations, teacher gaps, the SanPiN shares), «Отменить»;
 * at the end the result opens and what could not be placed is explained. The status is polled
 * twice a second, so the panel does not depend on push events reaching this window.
 */
export function GenerationProgress({
  job,
  onOpenVersion,
  onFinished,
  onDismiss,
}: {
  job: ActiveJob;
  onOpenVersion: (versionId: string) => void;
  onFinished: () => void;
  onDismiss: () => void;
}) {
  const dispatch = useAppDispatch();
  const [finished, setFinished] = useState(Boolean(job.finished));
  const { data: status, error } = useGenerationStatusQuery({ jobId: job.jobId }, { pollingInterval: finished ? 0 : 500, skipPollingIfUnfocused: false });
  const [cancel, { isLoading: cancelling }] = useCancelGenerationMutation();
  const [now, setNow] = useState(() => Date.now());
  // The end is acted on once (a run shown again after a reload is not reopened).
  const ended = useRef(Boolean(job.finished));

  const state = status?.state ?? 'preparing';
  const final = FINAL.has(state);
  useEffect(() => {
    if (final) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [final]);
  useEffect(() => {
    if (!final || !status || ended.current) return;
    ended.current = true;
    setFinished(true);
    onFinished();
    dispatch(baseApi.util.invalidateTags(['timetable']));
    if (state === 'done' && status.versionId) onOpenVersion(status.versionId);
  }, [final, status, state, dispatch, onOpenVersion, onFinished]);

  const p = status?.progress ?? null;
  const elapsed = p?.elapsedMs ?? now - job.startedAt;
  const budgetMs = (status?.budgetSeconds ?? job.budgetSeconds) * 1000;
  // The construction fills the first half of the bar, the search for a better timetable the time budget.
  const percent =
    state === 'done' ? 100 : !p ? 0 : p.phase === 'construct' ? Math.round((p.placed / Math.max(1, p.units)) * 50) : Math.min(99, 50 + Math.round((elapsed / Math.max(1, budgetMs)) * 50));

  return (
    <Card
      size="small"
      data-testid="generation-progress"
      title={
        <Space>
          <span>Составление расписания: {STATE[state]}</span>
          <Typography.Text type="secondary" data-testid="generation-clock">
            {clock(elapsed)} из {clock(budgetMs)}
          </Typography.Text>
        </Space>
      }
      extra={
        final ? (
          <Button size="small" onClick={onDismiss}>
            Закрыть
          </Button>
        ) : (
          <Button size="small" danger icon={<StopOutlined />} loading={cancelling} onClick={() => void cancel({ jobId: job.jobId })}>
            Отменить
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Progress percent={percent} status={state === 'failed' || state === 'conflict' ? 'exception' : state === 'done' ? 'success' : state === 'cancelled' ? 'normal' : 'active'} />
        <Space size="large" wrap>
          <Statistic title="Поставлено уроков" value={p ? `${formatCount(p.placed)} из ${formatCount(p.units)}` : '—'} />
          <Statistic title="Нарушений" value={p ? formatCount(p.hard) : '—'} styles={{ content: { color: p && p.hard > 0 ? '#cf1322' : undefined } }} />
          <Statistic title="Окна учителей" value={p ? formatCount(p.teacherGaps) : '—'} />
          <Statistic title="Пик во вт/ср" value={p ? formatShare(p.peakTueWedShare) : '—'} />
          <Statistic title="Трудные первыми/последними" value={p ? formatShare(p.hardFirstLastShare) : '—'} />
        </Space>
        {final && status?.message && <Alert type={state === 'done' ? 'success' : state === 'cancelled' ? 'info' : 'error'} showIcon title={status.message} />}
        {!status && error && <Alert type="error" showIcon title={(error as { message?: string }).message ?? 'Нет связи с составлением'} />}
        {final && status && status.explanation.length > 0 && <ExplanationList items={status.explanation} emptyText="" testId="generation-explanation" />}
      </Space>
    </Card>
  );
}
