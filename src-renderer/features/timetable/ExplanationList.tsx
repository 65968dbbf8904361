import { Button, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ExplanationItem, LinkTarget } from '../../../src-shared/contract/timetableFields';

const LEVEL: Record<ExplanationItem['level'], { color: string; label: string }> = {
  error: { color: 'red', label: 'ошибка' },
  warning: { color: 'orange', label: 'внимание' },
  info: { color: 'blue', label: 'сведения' },
};

/** Opens the screen a link names, with its query (`#/load?tab=grid&classId=…`). */
export function useOpenLink(): (link: LinkTarget) => void {
  const navigate = useNavigate();
  return (link) => {
    const search = new URLSearchParams(link.query).toString();
    navigate({ pathname: link.route, search: search ? `?${search}` : '' });
  };
}

/**
 * Russian explanations (the pre-check, what a run could not place, why a timetable is invalid),
 * errors first, each with a link to the screen where the data is fixed.
 */
export function ExplanationList({ items, emptyText, testId }: { items: ExplanationItem[]; emptyText: string; testId?: string }) {
  const open = useOpenLink();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...items].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <List
      size="small"
      bordered
      data-testid={testId}
      locale={{ emptyText }}
      dataSource={sorted}
      pagination={sorted.length > 30 ? { pageSize: 30, size: 'small', showSizeChanger: false } : false}
      style={{ background: '#fff' }}
      renderItem={(it, i) => (
        <List.Item
          key={`${it.code}-${i}`}
          data-level={it.level}
          data-code={it.code}
          actions={
            it.link
              ? [
                  <Button key="open" type="link" size="small" onClick={() => open(it.link!)}>
                    {it.link.label}
                  </Button>,
                ]
              : []
          }
        >
          <span>
            <Tag color={LEVEL[it.level].color}>{LEVEL[it.level].label}</Tag>
            <Typography.Text>{it.message}</Typography.Text>
          </span>
        </List.Item>
      )}
    />
  );
}
