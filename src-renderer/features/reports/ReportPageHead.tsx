import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Typography } from 'antd';

/** The head of a page under «Отчёты»: the way back to the catalogue, the page's title, then what the page says of itself. */
export function ReportPageHead({ section, title, children }: { section: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary">
        <Link to="/reports">Отчёты</Link> / {section}
      </Typography.Text>
      <Typography.Title level={2} style={{ margin: '4px 0' }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
