import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { RIGHTS, type Right } from '../../../src-shared/contract/rights';
import { useHasRight } from '../../components/useSession';

/**
 * A page opened by its address without the right shows a refusal, not an empty page that fails
 * call by call. The core refuses the calls anyway; this is for the person.
 */
export function RequireRight({ right, children }: { right: Right; children: ReactNode }) {
  const allowed = useHasRight(right);
  if (allowed) return <>{children}</>;
  return (
    <Result
      status="403"
      title="Нет доступа"
      subTitle={`Для этой страницы нужно право «${RIGHTS[right]}». Его выдаёт администратор программы.`}
      extra={
        <Link to="/">
          <Button type="primary">На главную</Button>
        </Link>
      }
      data-testid="access-denied"
    />
  );
}
