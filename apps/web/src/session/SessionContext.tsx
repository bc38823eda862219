// React side of the session: who is signed in, sign-in/out, and the redirect to the login page
// (with the reason) when the token expires or the api answers 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ok } from '../api/client';
import { isExpired, sessionFromLogin, sessionStore, type EndReason, type Session, type SessionUser } from './session';

interface SessionApi {
  session: Session | null;
  user: SessionUser | null;
  signIn(username: string, password: string): Promise<SessionUser>;
  signOut(): void;
}

const Ctx = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => sessionStore.get());

  useEffect(() => sessionStore.subscribe((s) => setSession(s)), []);

  // The token's own expiry ends an idle session even when no request is made.
  useEffect(() => {
    if (!session) return;
    const ms = session.expiresAt - Date.now();
    const timer = setTimeout(() => {
      const s = sessionStore.get();
      if (s && isExpired(s, Date.now())) sessionStore.end('expired');
    }, Math.min(Math.max(ms + 50, 0), 2_147_000_000));
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await ok(api.POST('/api/auth/login', { body: { username, password } }));
    sessionStore.set(sessionFromLogin(result, Date.now()));
    return result.user;
  }, []);

  const signOut = useCallback(() => sessionStore.end('signed_out'), []);

  const value = useMemo<SessionApi>(() => ({ session, user: session?.user ?? null, signIn, signOut }), [session, signIn, signOut]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function endReasonText(reason: EndReason | null, t: (zh: string, en: string) => string): string | null {
  switch (reason) {
    case 'expired':
    case 'unauthorized':
      return t('登录已过期或失效，请重新登录。', 'Your session has expired. Please sign in again.');
    case 'password_changed':
      return t('密码已修改，请用新密码重新登录。', 'Your password was changed. Please sign in with the new one.');
    case 'signed_out':
      return t('您已安全退出。', 'You have signed out.');
    default:
      return null;
  }
}
