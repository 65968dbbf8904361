import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

/** A page's title, with what acts on the whole page (Excel, settings) at the right end of the line. */
export function PageTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}
