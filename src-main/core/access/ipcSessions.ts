import type { Envelope } from '../../../src-shared/errors';
import type { Caller, Core } from '../foundation/context';
import { endSession, isActivity, resolveSessionCaller, sessionIdOf } from './repo/sessions';

const SIGN_IN_METHODS = new Set(['access.signIn', 'access.setup.createAdmin']);

export interface IpcSessionBinding {
  callerFor(senderId: number, method?: string): Promise<Caller>;
  /** Keeps a sign-in's token on the main side, keyed by window; the page never receives it. */
  afterCall(senderId: number, method: string, env: Envelope<unknown>): Envelope<unknown>;
  /** A closed window's session ends with it. */
  forget(senderId: number): Promise<void>;
  /** Whether the window holds a session (push events go only to such windows). */
  isSignedIn(senderId: number): boolean;
  /** The windows holding a session now. */
  signedIn(): number[];
}

/**
 * Desktop sessions: one per window (webContents id). Sign-in over IPC creates it, the same idle
 * timeout as HTTP ends it, and closing the window ends it.
 */
export function createIpcSessions(core: Core): IpcSessionBinding {
  const tokens = new Map<number, string>();
  return {
    async callerFor(senderId, method) {
      const token = tokens.get(senderId);
      const caller = await resolveSessionCaller(core.db, token, 'ipc', { activity: method === undefined || isActivity(method) });
      // An expired or ended session: the window is signed out, and stops receiving events.
      if (token && !caller.user && tokens.get(senderId) === token) tokens.delete(senderId);
      return caller;
    },
    isSignedIn: (senderId) => tokens.has(senderId),
    signedIn: () => [...tokens.keys()],
    afterCall(senderId, method, env) {
      if (method === 'access.signOut' && env.ok) {
        tokens.delete(senderId);
        return env;
      }
      if (!SIGN_IN_METHODS.has(method) || !env.ok) return env;
      const { token, ...rest } = env.value as { token?: string };
      if (token) tokens.set(senderId, token);
      return { ok: true, value: rest };
    },
    async forget(senderId) {
      const token = tokens.get(senderId);
      tokens.delete(senderId);
      if (token) await endSession(core.db, sessionIdOf(token));
    },
  };
}
