import { authMiddleware } from '../api/client';
import { isExpired, needsRefresh, sessionFromLogin, SessionStore, type KeyValueStorage, type LoginResult } from './session';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const LOGIN: LoginResult = {
  accessToken: 'tok-1',
  expiresIn: 3600,
  user: { id: 1, username: 'leader', displayName: '局领导', role: 'leader', unitCode: 'bureau', unitName: '局党组', unitLevel: 0, mustChangePassword: false },
};

describe('session rules', () => {
  it('expires at the end of the granted lifetime', () => {
    const s = sessionFromLogin(LOGIN, 1_000);
    expect(s.expiresAt).toBe(1_000 + 3_600_000);
    expect(isExpired(s, s.expiresAt - 1)).toBe(false);
    expect(isExpired(s, s.expiresAt)).toBe(true);
  });

  it('refreshes an active session once half its lifetime has passed, never an expired one', () => {
    const s = sessionFromLogin(LOGIN, 0);
    expect(needsRefresh(s, 1_000)).toBe(false);
    expect(needsRefresh(s, 1_800_001)).toBe(true);
    expect(needsRefresh(s, 3_600_000)).toBe(false);
  });
});

describe('SessionStore', () => {
  it('survives a reload of the tab through sessionStorage', () => {
    const storage = new MemoryStorage();
    const now = 5_000;
    new SessionStore(storage, () => now).set(sessionFromLogin(LOGIN, now));
    const again = new SessionStore(storage, () => now + 1000);
    expect(again.get()?.user.username).toBe('leader');
  });

  it('drops an expired session on load and remembers why, once', () => {
    const storage = new MemoryStorage();
    new SessionStore(storage, () => 0).set(sessionFromLogin(LOGIN, 0));
    const later = new SessionStore(storage, () => 3_600_000);
    expect(later.get()).toBeNull();
    expect(storage.data.size).toBe(0);
    expect(later.takeEndReason()).toBe('expired');
    expect(later.takeEndReason()).toBeNull();
  });

  it('ends a session whose token runs out while the page is open and tells subscribers', () => {
    let now = 0;
    const store = new SessionStore(new MemoryStorage(), () => now);
    store.set(sessionFromLogin(LOGIN, 0));
    const seen: (string | undefined)[] = [];
    store.subscribe((s, reason) => seen.push(s ? 'session' : reason));
    now = 3_600_001;
    expect(store.get()).toBeNull();
    expect(seen).toEqual(['expired']);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('thermocline.session', '{"token":1}');
    expect(new SessionStore(storage).get()).toBeNull();
    storage.setItem('thermocline.session', 'not json');
    expect(new SessionStore(storage).get()).toBeNull();
  });
});

describe('authMiddleware', () => {
  const signedIn = () => {
    const store = new SessionStore(new MemoryStorage(), () => Date.now());
    store.set(sessionFromLogin(LOGIN, Date.now()));
    return store;
  };
  const req = (path: string) => ({ request: { url: `http://localhost${path}`, headers: new Map<string, string>() } });
  type Hook = (o: unknown) => unknown;

  it('adds the bearer token to api calls', () => {
    const store = signedIn();
    const mw = authMiddleware(store, jest.fn());
    const r = req('/api/units');
    (mw.onRequest as Hook)(r);
    expect(r.request.headers.get('Authorization')).toBe('Bearer tok-1');
  });

  it('a 401 ends the session with the reason "expired"; a failed login does not', () => {
    const store = signedIn();
    const mw = authMiddleware(store, jest.fn());
    (mw.onResponse as Hook)({ ...req('/api/auth/login'), response: { status: 401 } });
    expect(store.get()).not.toBeNull();
    const withToken = (token: string) => {
      const r = req('/api/units');
      r.request.headers.set('Authorization', `Bearer ${token}`);
      return r;
    };
    // A request sent with a token that a refresh has since replaced (and revoked): not the end.
    (mw.onResponse as Hook)({ ...withToken('tok-0'), response: { status: 401 } });
    expect(store.get()).not.toBeNull();
    (mw.onResponse as Hook)({ ...withToken('tok-1'), response: { status: 401 } });
    expect(store.get()).toBeNull();
    expect(store.takeEndReason()).toBe('expired');
  });

  it('holds requests while a refresh runs and sends them with the fresh token (the old one is revoked)', async () => {
    const store = new SessionStore(new MemoryStorage(), () => Date.now());
    store.set({ ...sessionFromLogin(LOGIN, Date.now()), expiresAt: Date.now() + 1000, ttlMs: 3_600_000 });
    let finish = () => undefined as void;
    const refresh = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const mw = authMiddleware(store, refresh);
    const r = req('/api/units');
    const sent = (mw.onRequest as Hook)(r) as Promise<unknown>;
    expect(r.request.headers.get('Authorization')).toBeUndefined();
    store.renew({ ...LOGIN, accessToken: 'tok-2' });
    finish();
    await sent;
    expect(r.request.headers.get('Authorization')).toBe('Bearer tok-2');
  });

  it('refreshes the token in the background once half of it is used, only once at a time', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage, () => Date.now());
    store.set({ ...sessionFromLogin(LOGIN, Date.now()), expiresAt: Date.now() + 1000, ttlMs: 3_600_000 });
    const refresh = jest.fn(() => new Promise<void>(() => undefined));
    const mw = authMiddleware(store, refresh);
    (mw.onRequest as Hook)(req('/api/units'));
    (mw.onRequest as Hook)(req('/api/periods'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
