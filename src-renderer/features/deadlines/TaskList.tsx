import { useState } from 'react';
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { TaskRow } from '../../../src-shared/contract/deadlines';
import type { ErrorBody } from '../../../src-shared/errors';
import { TickModal } from './TickModal';
import { STATUS_COLORS, dueText, statusLabel } from './taskText';
import { useUntickTaskMutation } from './deadlinesApi';

/** Tasks of one home-screen section: what, which occurrence, the date, whose, and the way to do it. */
export function TaskList({ tasks, today, showOwner, empty }: { tasks: TaskRow[]; today: string; showOwner: boolean; empty: string }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [ticking, setTicking] = useState<TaskRow | null>(null);
  const [untick] = useUntickTaskMutation();
  const undo = async (t: TaskRow) => {
    const r = await untick({ taskKey: t.key, version: t.completionVersion ?? 0 });
    if ('error' in r) message.error((r.error as ErrorBody).message);
  };
  return (
    <>
      <List
        size="small"
        dataSource={tasks}
        locale={{ emptyText: empty }}
        renderItem={(t) => (
          <List.Item data-testid="deadline-task" data-task={t.key} style={{ display: 'block' }}>
            {/* Buttons under the text, not beside it: a home column is ~340 px wide at 1366×768. */}
            <Space size={6} wrap>
              {/* «Просрочено» and «В работе» are what the section already says. */}
              {t.status !== 'late' && t.status !== 'open' && <Tag color={STATUS_COLORS[t.status]}>{statusLabel(t.status)}</Tag>}
              <Typography.Text strong>{t.title}</Typography.Text>
              <Typography.Text type="secondary">п. {t.section}</Typography.Text>
            </Space>
            <div>{t.subject}</div>
            <div>
              {t.dueProblem ?? dueText(t, today)}
              {showOwner && (
                <>
                  {' · '}
                  <span data-testid="task-owner">{t.owner}</span>
                </>
              )}
            </div>
            {(t.progress || t.note) && (
              <Typography.Text type="secondary">{[t.progress, t.note && `комментарий: ${t.note}`].filter(Boolean).join(' · ')}</Typography.Text>
            )}
            {(t.link || t.canTick || t.canUntick) && (
              <Space size={6} style={{ marginTop: 6, display: 'flex' }}>
                {t.link && (
                  <Button size="small" onClick={() => navigate(t.link as string)}>
                    Открыть
                  </Button>
                )}
                {t.canTick && (
                  <Button size="small" type="primary" onClick={() => setTicking(t)}>
                    Отметить
                  </Button>
                )}
                {t.canUntick && (
                  <Button size="small" onClick={() => void undo(t)}>
                    Снять отметку
                  </Button>
                )}
              </Space>
            )}
          </List.Item>
        )}
      />
      {ticking && <TickModal task={ticking} today={today} onClose={() => setTicking(null)} />}
    </>
  );
}
