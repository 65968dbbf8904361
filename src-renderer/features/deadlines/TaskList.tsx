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
          <List.Item
            data-testid="deadline-task"
            data-task={t.key}
            actions={[
              t.link && (
                <Button key="open" size="small" onClick={() => navigate(t.link as string)}>
                  Открыть
                </Button>
              ),
              t.canTick && (
                <Button key="tick" size="small" type="primary" onClick={() => setTicking(t)}>
                  Отметить
                </Button>
              ),
              t.canUntick && (
                <Button key="untick" size="small" onClick={() => void undo(t)}>
                  Снять отметку
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <Tag color={STATUS_COLORS[t.status]}>{statusLabel(t.status)}</Tag>
                  <span>{t.title}</span>
                  <Typography.Text type="secondary">п. {t.section}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>{t.subject}</div>
                  <div>
                    {t.dueProblem ?? dueText(t, today)}
                    {showOwner && <> · <span data-testid="task-owner">{t.owner}</span></>}
                  </div>
                  {(t.progress || t.note) && (
                    <Typography.Text type="secondary">
                      {[t.progress, t.note && `комментарий: ${t.note}`].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {ticking && <TickModal task={ticking} today={today} onClose={() => setTicking(null)} />}
    </>
  );
}
