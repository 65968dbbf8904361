import { useEffect } from 'react';
import { App } from 'antd';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { noticeShown } from '../../app/uiSlice';

const TITLES: Record<string, string> = {
  FORBIDDEN: 'Недостаточно прав',
  UNAUTHENTICATED: 'Нужно войти в программу',
  DB_UNAVAILABLE: 'Нет связи с базой данных',
  DB_TOO_NEW: 'База данных новее программы',
  NOT_FOUND: 'Запись не найдена',
  INTERNAL: 'Ошибка программы',
};

/** Shows every rejected call that no form handled, in Russian, once. */
export function ErrorNotifier() {
  const { notification } = App.useApp();
  const notices = useAppSelector((s) => s.ui.notices);
  const dispatch = useAppDispatch();
  useEffect(() => {
    for (const n of notices) {
      notification.error({ key: String(n.id), message: TITLES[n.error.code] ?? 'Ошибка', description: n.error.message, duration: 8 });
      dispatch(noticeShown(n.id));
    }
  }, [notices, notification, dispatch]);
  return null;
}
