import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useHasRight } from '../../components/useSession';
import { AlphabetTab } from './AlphabetTab';
import { BookTab } from './BookTab';
import { OrdersTab } from './OrdersTab';
import { RosterTab } from './RosterTab';
import { SettingsTab } from './SettingsTab';

/** «Книга движения»: orders, the movement book, the alphabet book, rosters on a date, numbering. */
export function MovementPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'orders';
  const canEdit = useHasRight('movement.edit');
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Книга движения
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'orders', label: 'Приказы', children: <OrdersTab /> },
          { key: 'book', label: 'Книга движения учащихся', children: <BookTab /> },
          { key: 'alphabet', label: 'Алфавитная книга', children: <AlphabetTab /> },
          { key: 'roster', label: 'Состав классов на дату', children: <RosterTab /> },
          ...(canEdit ? [{ key: 'settings', label: 'Нумерация и шаблон', children: <SettingsTab /> }] : []),
        ]}
      />
    </div>
  );
}
