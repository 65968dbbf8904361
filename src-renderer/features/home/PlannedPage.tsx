import { Result } from 'antd';
import { useLocation } from 'react-router';
import { findNavItem } from '../../app/navigation';

/** A section whose workflow is not in this version yet: says so plainly instead of a blank page. */
export function PlannedPage() {
  const location = useLocation();
  const item = findNavItem(location.pathname);
  return (
    <Result
      status="info"
      title={item?.label ?? 'Страница не найдена'}
      subTitle={item?.planned ? `«${item.planned}» — раздел появится в одной из следующих версий программы.` : 'Такой страницы нет.'}
    />
  );
}
