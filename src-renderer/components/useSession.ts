import { createContext, useContext } from 'react';
import type { SessionUser } from '../../src-shared/contract/access';
import type { Right } from '../../src-shared/contract/rights';

export interface SessionContextValue {
  user: SessionUser;
  /** Ends the session here and shows the sign-in screen (cached data of this user is dropped). */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in user; every page under the gate has one. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside AuthGate');
  return value;
}

/** Whether the signed-in user holds a right (menus, buttons; the core checks again on every call). */
export function useHasRight(right: Right): boolean {
  const value = useContext(SessionContext);
  return Boolean(value?.user.rights.includes(right));
}
