import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { baseApi } from '../../api/baseApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { noticeShown } from '../../app/uiSlice';
import { useSessionStateQuery, useSignOutMutation } from './accessApi';
import { ChangePasswordPage } from './ChangePasswordPage';
import { FirstRunPage } from './FirstRunPage';
import { SignInPage } from './SignInPage';
import { SessionContext } from '../../components/useSession';

/**
 * Nothing of the app shows before sign-in: an empty database asks for the first administrator, a
 * temporary password must be changed first. Signing in or out drops every cached answer, so the
 * next user never sees the previous user's data.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const dispatch = useAppDispatch();
  const [epoch, setEpoch] = useState(0);
  const [ended, setEnded] = useState<string | null>(null);
  const restart = useCallback(
    (reason: string | null) => {
      dispatch(baseApi.util.resetApiState());
      setEnded(reason);
      setEpoch((e) => e + 1);
    },
    [dispatch],
  );
  return <Gate key={epoch} restart={restart} ended={ended}>{children}</Gate>;
}

function Gate({ children, restart, ended }: { children: ReactNode; restart: (reason: string | null) => void; ended: string | null }) {
  const dispatch = useAppDispatch();
  const { data, isLoading, isError, refetch } = useSessionStateQuery();
  const [signOutCall] = useSignOutMutation();
  const notices = useAppSelector((s) => s.ui.notices);

  // A call refused for want of a session (it expired, or an administrator switched the user off)
  // brings the sign-in screen back; a must-change-password refusal brings the change screen.
  useEffect(() => {
    const lost = notices.find((n) => n.error.code === 'UNAUTHENTICATED');
    const mustChange = notices.find((n) => n.error.code === 'FORBIDDEN' && n.error.details?.mustChangePassword);
    if (lost && data?.user) {
      dispatch(noticeShown(lost.id));
      restart('Сеанс завершён: программа долго не использовалась или администратор изменил вашу учётную запись. Войдите снова.');
    } else if (mustChange) {
      dispatch(noticeShown(mustChange.id));
      void refetch();
    }
  }, [notices, data, dispatch, restart, refetch]);

  const signOut = useCallback(async () => {
    await signOutCall();
    restart(null);
  }, [signOutCall, restart]);
  const user = data?.user ?? null;
  const session = useMemo(() => (user ? { user, signOut } : null), [user, signOut]);

  if (isLoading) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (isError || !data) {
    return <Result status="warning" title="Нет связи с программой" subTitle="Проверьте, что программа запущена, и обновите страницу." />;
  }
  if (data.setupRequired) return <FirstRunPage codeRequired={data.setupCodeRequired} onDone={() => restart(null)} />;
  if (!session) return <SignInPage notice={ended} onDone={() => restart(null)} />;
  if (session.user.mustChangePassword) return <ChangePasswordPage user={session.user} onDone={() => restart(null)} onSignOut={signOut} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
