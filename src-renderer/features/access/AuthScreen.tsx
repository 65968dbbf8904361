import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** The frame of the sign-in, first-run and change-password screens. */
export function AuthScreen({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f3f8', padding: 24 }}>
      <Card style={{ width, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Школьный офис
        </Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
