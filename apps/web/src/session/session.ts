// The signed-in session: the bearer token, when it expires and who it belongs to. Kept in
// sessionStorage (per tab, gone when the tab closes) so a reload keeps the user signed in but
// nothing outlives the browser session. Pure logic with an injectable clock and storage so the
// rules are unit-tested (session.spec.ts).
import type { components } from '../api/schema';

export type SessionUser = components['schemas']['SessionUserDto'];
export type LoginResult = components['schemas']['LoginResultDto'];

export interface Session {
  token: string;
  /** Epoch milliseconds at which the token stops working. */
  expiresAt: number;
  /** Lifetime the server granted, in milliseconds (for the sliding-refresh rule). */
  ttlMs: number;
  user: SessionUser;
}

/** Why the user was sent to the login page (shown there). */
export type EndReason = 'expired' | 'signed_out' | 'unauthorized' | 'password_changed';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'thermocline.session';

export function sessionFromLogin(result: LoginResult, now: number): Session {
  const ttlMs = Math.max(1, result.expiresIn) * 1000;
  return { token: result.accessToken, expiresAt: now + ttlMs, ttlMs, user: result.user };
}

/**
 * Sliding session: once half of the token's lifetime has gone by, the next api call made by an
 * active user exchanges it for a fresh one. An idle tab is not kept alive: its token simply expires.
 */
export function needsRefresh(s: Session, now: number): boolean {
  return now < s.expiresAt && s.expiresAt - now < s.ttlMs / 2;
}

export function isExpired(s: Session, now: number): boolean {
  return now >= s.expiresAt;
}

type Listener = (s: Session | null, reason?: EndReason) => void;

export class SessionStore {
  private current: Session | null;
  private readonly listeners = new Set<Listener>();
  /** The reason the last session ended, until the login page has shown it. */
  lastEnd: EndReason | null = null;

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {
    this.current = this.load();
  }

  private load(): Session | null {
    try {
      const raw = this.storage?.getItem(KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Session;
      if (typeof s?.token !== 'string' || typeof s.expiresAt !== 'number' || !s.user) return null;
      if (isExpired(s, this.now())) {
        this.storage?.removeItem(KEY);
        this.lastEnd = 'expired';
        return null;
      }
      return s;
    } catch {
      return null;
    }
  }

  get(): Session | null {
    if (this.current && isExpired(this.current, this.now())) this.end('expired');
    return this.current;
  }

  set(s: Session): void {
    this.current = s;
    this.lastEnd = null;
    try {
      this.storage?.setItem(KEY, JSON.stringify(s));
    } catch {
      // Private mode may refuse storage: the session then lives in memory for this page only.
    }
    this.emit(s);
  }

  /** Replaces the token (refresh) keeping the rest. */
  renew(result: LoginResult): void {
    this.set(sessionFromLogin(result, this.now()));
  }

  end(reason: EndReason): void {
    const had = this.current !== null;
    this.current = null;
    this.storage?.removeItem(KEY);
    if (had || reason !== 'signed_out') this.lastEnd = reason;
    this.emit(null, reason);
  }

  /** Takes the reason the last session ended (once). */
  takeEndReason(): EndReason | null {
    const r = this.lastEnd;
    this.lastEnd = null;
    return r;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(s: Session | null, reason?: EndReason): void {
    for (const l of this.listeners) l(s, reason);
  }
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

export const sessionStore = new SessionStore(browserStorage());
