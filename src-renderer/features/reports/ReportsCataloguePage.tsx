import { useMemo, useState } from 'react';
import { Alert, Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { BuildOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { CatalogueEntry } from '../../../src-shared/contract/reports';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useCatalogueQuery } from './reportsApi';
import { SortableTable } from '../../components/SortableTable';

/**
 * «Отчёты»: every report the office makes from its own data, grouped, with what it is for, who may
 * run it (work order §7.1), its deadline and parameters. A report this user may not run is shown
 * greyed with the reason, so a teacher knows it exists and whom to ask.
 */
const PARAM_TITLES: Record<string, string> = { date: 'дата', class: 'класс', year: 'учебный год', pupil: 'обучающийся', staff: 'сотрудник' };
const GROUP_ORDER = ['Обучающиеся', 'Статистика', 'Социальный паспорт', 'Кадры', 'Книга движения', 'Печатные формы', 'Отчёты конструктора'];

export function ReportsCataloguePage() {
  const { data, isLoading } = useCatalogueQuery();
  const [search, setSearch] = useState('');
  const canBuild = useHasRight('reports.build');
  const canTemplates = useHasRight('reports.templates');
  const navigate = useNavigate();
  const groups = useMemo(() => {
    const q = search.trim().toLowerCase().replace(/ё/g, 'е');
    const shown = (data ?? []).filter((e) => !q || `${e.title} ${e.purpose}`.toLowerCase().replace(/ё/g, 'е').includes(q));
    const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
    const names = [...new Set(shown.map((e) => e.group))].sort((a, b) => rank(a) - rank(b));
    return names.map((g) => ({ group: g, entries: shown.filter((e) => e.group === g) }));
  }, [data, search]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Отчёты
        </Typography.Title>
        <Space wrap>
          <Input.Search allowClear placeholder="Найти отчёт" style={{ width: 260 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Найти отчёт" />
          {canBuild && (
            <Button icon={<BuildOutlined />} onClick={() => navigate('/reports/builder')}>
              Конструктор отчётов
            </Button>
          )}
          {canTemplates && (
            <Button icon={<FileWordOutlined />} onClick={() => navigate('/reports/templates')}>
              Шаблоны печатных форм
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Text type="secondary">
        Отчёты по журналу (успеваемость, посещаемость) формируются в «Сетевом городе»; здесь — всё, что школа считает по своим данным: контингент, движение, кадры, ОО-1. Каждое число в отчёте раскрывается списком людей.
      </Typography.Text>
      {groups.length === 0 && !isLoading && <Alert type="info" showIcon message="Отчётов не найдено" />}
      {groups.map(({ group, entries }) => (
        <div key={group}>
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {group}
          </Typography.Title>
          <SortableTable<CatalogueEntry>
        listKey="reports.catalogue"
            rowKey="key"
            loading={isLoading}
            dataSource={entries}
            aria-label={group}
            columns={[
              {
                title: 'Отчёт',
                render: (_: unknown, e) => (
                  <div>
                    {e.canRun && e.path ? (
                      <Link to={e.path} style={{ fontWeight: 600 }}>
                        {e.title}
                      </Link>
                    ) : (
                      <Typography.Text strong type={e.canRun ? undefined : 'secondary'}>
                        {e.title}
                      </Typography.Text>
                    )}
                    <div style={{ color: '#666', fontSize: 12 }}>{e.purpose}</div>
                  </div>
                ),
              },
              { title: 'Кто запускает', dataIndex: 'audience', width: 220, render: (v: string) => <span style={{ fontSize: 12 }}>{v}</span> },
              {
                title: 'Срок',
                dataIndex: 'deadline',
                width: 170,
                render: (v: string | null, e) =>
                  v ? (
                    <Tooltip title={e.source}>
                      {v}
                      {e.dueDate && (
                        <div style={{ fontSize: 12 }} data-testid={`due-${e.key}`}>
                          ближайший: {formatDateRu(e.dueDate)}
                          {e.dueDone ? ' (выполнено)' : ''}
                        </div>
                      )}
                    </Tooltip>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              { title: 'Параметры', dataIndex: 'params', width: 130, render: (v: string[]) => v.map((p) => <Tag key={p}>{PARAM_TITLES[p] ?? p}</Tag>) },
              {
                title: '',
                width: 120,
                render: (_: unknown, e) =>
                  e.canRun && e.path ? (
                    <Button size="small" type="primary" onClick={() => navigate(e.path as string)} aria-label={`Открыть: ${e.title}`}>
                      Открыть
                    </Button>
                  ) : (
                    <Tooltip title="Нет права запускать этот отчёт — обратитесь к администратору">
                      <Tag>нет доступа</Tag>
                    </Tooltip>
                  ),
              },
            ]}
          />
        </div>
      ))}
    </Space>
  );
}
