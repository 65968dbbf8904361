import { Table, Typography } from 'antd';
import { monthName, type LedgerRow } from '../../../../src-shared/contract/timetableSubs';
import { useSubsLedgerQuery } from './subsApi';

/** Учёт замен of the date's month on screen: the same figures the payroll file carries. */
export function MonthLedger({ month }: { month: string }) {
  const { data, isFetching } = useSubsLedgerQuery({ month });
  const rows = data?.rows ?? [];
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Учёт замен за {monthName(month)}
      </Typography.Title>
      <Table<LedgerRow>
        size="small"
        rowKey="staffId"
        loading={isFetching}
        pagination={false}
        dataSource={rows}
        aria-label="Учёт замен за месяц"
        locale={{ emptyText: 'В этом месяце замен и пропусков нет' }}
        columns={[
          { title: 'Учитель', dataIndex: 'name' },
          { title: 'Замещено, ч', dataIndex: 'substituted', width: 120, align: 'right' },
          { title: 'оплачиваемых', dataIndex: 'paid', width: 120, align: 'right' },
          { title: 'неоплачиваемых', dataIndex: 'unpaid', width: 130, align: 'right' },
          { title: 'Пропущено, ч', dataIndex: 'missed', width: 120, align: 'right' },
        ]}
      />
    </div>
  );
}
