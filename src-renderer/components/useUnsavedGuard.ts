import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Modal } from 'antd';

/** Asks before leaving a page (in-app navigation or closing the window) with unsaved edits. */
export function useUnsavedGuard(dirty: boolean): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    Modal.confirm({
      title: 'Есть несохранённые изменения',
      content: 'Уйти со страницы без сохранения? Изменения будут потеряны.',
      okText: 'Уйти без сохранения',
      cancelText: 'Остаться',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker]);

  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);
}
