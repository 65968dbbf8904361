import { Alert, Button, Skeleton, Space, Statistic } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ArgOf } from '../../api/contractApi';
import { useTimetablePrecheckQuery } from './timetableApi';

type PrecheckArgs = Exclude<ArgOf<'timetable.precheck'>, void>;
import { ExplanationList } from './ExplanationList';
import { formatCount } from './timetableModel';

/**
 * «Проверка данных»: what keeps the school's data from becoming a timetable (load without a
 * teacher, a class without bells, a room type no room has, more hours than days × the daily
 * maximum…), each with a link to the screen where it is fixed. Generation is refused while an
 * error is listed.
 */
export function PrecheckPanel({ args }: { args: PrecheckArgs }) {
  const { data, isFetching, error, refetch } = useTimetablePrecheckQuery(args, { refetchOnMountOrArgChange: true });
  if (!data && isFetching) return <Skeleton active />;
  if (!data) return <Alert type="error" showIcon title={(error as { message?: string } | undefined)?.message ?? 'Проверка не выполнена'} />;
  const errors = data.items.filter((i) => i.level === 'error').length;
  const warnings = data.items.filter((i) => i.level === 'warning').length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="precheck">
      <Space size="large" wrap>
        <Statistic title="Классов" value={formatCount(data.stats.classes)} />
        <Statistic title="Часов в неделю" value={formatCount(data.stats.hours)} />
        <Statistic title="Уроков к расстановке" value={formatCount(data.stats.units)} />
        <Statistic title="Учителей" value={formatCount(data.stats.teachers)} />
        <Statistic title="Кабинетов" value={formatCount(data.stats.rooms)} />
        <Statistic title="Сетка" value={`${data.stats.days} дн. × ${data.stats.periods} ур.`} />
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          Проверить снова
        </Button>
      </Space>
      {data.canGenerate ? (
        <Alert
          type={warnings ? 'warning' : 'success'}
          showIcon
          title={warnings ? `Можно составлять. Обратите внимание (${warnings}):` : 'Данные в порядке: можно составлять расписание.'}
        />
      ) : (
        <Alert type="error" showIcon title={`Составить расписание нельзя, пока не исправлено: ${errors}. Ссылки ведут туда, где это исправляется.`} />
      )}
      {data.items.length > 0 && <ExplanationList items={data.items} emptyText="Замечаний нет" testId="precheck-items" />}
    </Space>
  );
}
