import { useCallback } from 'react';
import { Alert, Empty, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { YearSelect } from '../../components/YearSelect';

/** The heading of a year's page: its title, the year select, and why there is nothing to show. */
export function YearHeader({ title, years, year, onYear, error }: { title: string; years: AcademicYear[]; year: AcademicYear | null; onYear: (id: string) => void; error?: unknown }) {
  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={onYear} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год" />}
      {Boolean(error) && <Alert type="error" showIcon title={(error as { message?: string }).message ?? 'Список не загружен'} />}
    </>
  );
}

/** A record opened by the address (`?staffId=…`), so a link can open it and Back closes it. */
export function useOpenParam(key: string): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (id: string | null) =>
      setParams((p) => {
        if (id) p.set(key, id);
        else p.delete(key);
        return p;
      }),
    [setParams, key],
  );
  return [params.get(key), set];
}
