import { useState } from 'react';
import { Alert, Badge, Card, Col, Collapse, Row, Segmented, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateRu } from '../../components/format';
import { useHasRight, useSession } from '../../components/useSession';
import { useDeadlineHomeQuery } from './deadlinesApi';
import { TaskList } from './TaskList';
import { roleLabel } from './taskText';

/**
 * The home screen's deadlines (issue 20): late, today, the next seven days — the signed-in user's
 * own, or the whole school with owners for the director (who answers for all of it, work order 3.1).
 */
export function DeadlinesPanel() {
  const canAll = useHasRight('deadlines.all');
  const isDirector = useSession().user.roles.includes('director');
  const [scope, setScope] = useState<'mine' | 'all' | undefined>(undefined);
  const { data, isLoading } = useDeadlineHomeQuery(scope ? { scope } : {}, { pollingInterval: 15 * 60_000 });
  if (isLoading || !data) return <Spin />;
  const all = data.scope === 'all';
  const section = (title: string, count: number, color: string, tasks: typeof data.late, empty: string, testId: string) => (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          {title}
          <Badge count={count} showZero color={count ? color : '#bfbfbf'} />
        </Space>
      }
      styles={{ body: { padding: '0 12px', maxHeight: 420, overflowY: 'auto' } }}
    >
      <TaskList tasks={tasks} today={data.today} showOwner={all} empty={empty} />
    </Card>
  );
  return (
    <section aria-label="Сроки по регламенту" style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Сроки на {formatDateRu(data.today)}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }}>
            {all ? 'вся школа, с ответственными' : 'ваши задачи по регламенту'}
          </Typography.Text>
        </Typography.Title>
        {canAll && (
          <Segmented
            aria-label="Чьи сроки"
            value={data.scope}
            onChange={(v) => setScope(v as 'mine' | 'all')}
            options={[
              { value: 'mine', label: 'Мои задачи' },
              { value: 'all', label: isDirector ? 'Вся школа' : 'Все задачи школы' },
            ]}
          />
        )}
      </Space>
      {data.calendarWarnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 12 }} data-testid="deadline-calendar-warning" />
      ))}
      {/* Late is the long list; today and this week are usually short, so they share one column. */}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          {section('Просрочено', data.counts.late, '#ff4d4f', data.late, 'Просроченных задач нет', 'deadlines-late')}
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {section('Сегодня', data.counts.today, '#fa8c16', data.dueToday, 'На сегодня сроков нет', 'deadlines-today')}
            {section('На этой неделе', data.counts.week, '#1677ff', data.week, 'В ближайшие 7 дней сроков нет', 'deadlines-week')}
          </Space>
        </Col>
      </Row>
      {data.noDate.length > 0 && (
        <Card size="small" title="Срок не рассчитан" style={{ marginTop: 12 }} data-testid="deadlines-no-date">
          <TaskList tasks={data.noDate} today={data.today} showOwner={all} empty="" />
        </Card>
      )}
      {data.standing.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'standing',
              label: `Постоянные обязанности по регламенту (${data.standing.length})`,
              children: (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {data.standing.map((r) => (
                    <li key={r.key}>
                      {r.link ? <Link to={r.link}>{r.title}</Link> : r.title} — {r.term} (п. {r.section}
                      {all ? `, ${roleLabel(r.role)}` : ''})
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
