import { Typography } from 'antd';
import { BookTab } from '../BookTab';

/** «Книга движения учащихся» as a report page (the same register as the book's tab). */
export function MovementBookPage() {
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Книга движения учащихся
      </Typography.Title>
      <BookTab />
    </div>
  );
}
