import { useState } from 'react';
import { Alert, App, Collapse, List, Space, Tag, Typography } from 'antd';
import type { DrillResult, DrillTarget, ReportResult } from '../../../src-shared/contract/reportResult';
import { DrillModal } from './DrillModal';
import { ReportTableView } from './ReportTableView';

/**
 * A computed report: its notes, the form's control relations (passed / failed, with both sides), and
 * its tables; a click on a number asks the core for the people behind it.
 */
export function ReportView({ result, drill }: { result: ReportResult; drill: (target: DrillTarget) => Promise<{ data?: DrillResult; error?: unknown }> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ title: string; result: DrillResult | null } | null>(null);
  const failed = result.checks.filter((c) => !c.passed);
  const onDrill = async (target: DrillTarget, title: string) => {
    setOpen({ title, result: null });
    const r = await drill(target);
    if (r.data) setOpen({ title, result: r.data });
    else {
      setOpen(null);
      message.error((r.error as { message?: string } | undefined)?.message ?? 'Не удалось получить список');
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {result.schoolName}; {result.subtitle}
      </Typography.Text>
      {result.notes.map((n) => (
        <Alert key={n} type="info" showIcon message={n} />
      ))}
      {result.checks.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'checks',
              label: (
                <Space>
                  Контрольные соотношения формы:
                  {failed.length === 0 ? <Tag color="green">все {result.checks.length} выполнены</Tag> : <Tag color="red">не выполнено: {failed.length} из {result.checks.length}</Tag>}
                </Space>
              ),
              children: (
                <List
                  size="small"
                  dataSource={result.checks}
                  renderItem={(c) => (
                    <List.Item>
                      <Space align="start">
                        {c.passed ? <Tag color="green">выполнено</Tag> : <Tag color="red">не выполнено</Tag>}
                        <span>
                          {c.label}
                          <div style={{ color: '#888', fontSize: 12 }}>{c.detail}</div>
                        </span>
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
      {result.tables.length === 0 && <Alert type="info" showIcon message="Нет данных на эту дату" />}
      {result.tables.map((t) => (
        <ReportTableView key={t.id} table={t} onDrill={(target, title) => void onDrill(target, title)} />
      ))}
      {open && <DrillModal title={open.title} result={open.result} loading={!open.result} onClose={() => setOpen(null)} />}
    </Space>
  );
}
