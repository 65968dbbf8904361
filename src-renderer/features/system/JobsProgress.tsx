import { useEffect } from 'react';
import { createSelector } from '@reduxjs/toolkit';
import type { RootState } from '../../app/store';
import { Button, Card, Progress, Space, Typography } from 'antd';
import { apiClient } from '../../api/client';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { jobDismissed, progressReceived } from '../../app/uiSlice';
import { startLiveRefresh } from '../../api/liveRefresh';

const selectJobs = createSelector([(s: RootState) => s.ui.jobs], (jobs) => Object.values(jobs));

/**
 * Progress of long operations, fed by push events from the core; the same subscription (opened
 * once the user is signed in) keeps every open list current through `startLiveRefresh`.
 */
export function JobsProgress() {
  const dispatch = useAppDispatch();
  const jobs = useAppSelector(selectJobs);

  useEffect(
    () =>
      apiClient.on((event) => {
        if (event.type !== 'progress') return;
        dispatch(progressReceived(event));
        if (event.finished) setTimeout(() => dispatch(jobDismissed(event.jobId)), 4000);
      }),
    [dispatch],
  );
  useEffect(() => startLiveRefresh(apiClient.on, dispatch), [dispatch]);

  if (jobs.length === 0) return null;
  return (
    <div style={{ position: 'fixed', right: 24, bottom: 24, width: 340, zIndex: 1000 }} role="status" aria-live="polite">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {jobs.map((j) => (
          <Card key={j.jobId} size="small" title={j.title} extra={j.finished && <Button size="small" type="text" onClick={() => dispatch(jobDismissed(j.jobId))}>Скрыть</Button>}>
            <Progress percent={j.total > 0 ? Math.round((j.done / j.total) * 100) : j.finished ? 100 : 0} status={j.finished ? 'success' : 'active'} />
            {j.message && <Typography.Text type="secondary">{j.message}</Typography.Text>}
          </Card>
        ))}
      </Space>
    </div>
  );
}
