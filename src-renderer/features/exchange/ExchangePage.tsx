import { Tabs, Typography } from 'antd';
import { HistoryTab } from './HistoryTab';
import { OutboxTab } from './OutboxTab';
import { PullWizard } from './PullWizard';
import { ReconciliationTab } from './ReconciliationTab';
import { usePersisted } from '../../components/usePersisted';

/**
 * «Обмен с порталом» («Сетевой город»): the portal's exports come in through the pull wizard, the
 * office's changes go out as the portal's import files, and every exchange keeps its files.
 */
export function ExchangePage() {
  const [tab, setTab] = usePersisted<{ key: string }>('exchange.tab', { key: 'pull' });
  return (
    <>
      <Typography.Title level={3}>Обмен с порталом «Сетевой город»</Typography.Title>
      <Tabs
        activeKey={tab.key}
        onChange={(key) => setTab({ key })}
        destroyOnHidden
        items={[
          { key: 'pull', label: 'Загрузка из портала', children: <PullWizard /> },
          { key: 'outbox', label: 'Исходящие', children: <OutboxTab /> },
          { key: 'history', label: 'История обмена', children: <HistoryTab /> },
          { key: 'reconciliation', label: 'Сверка', children: <ReconciliationTab /> },
        ]}
      />
    </>
  );
}
