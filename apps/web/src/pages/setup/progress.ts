// The setup wizard's memory: what was entered and how far it got, kept in localStorage so closing
// the browser loses nothing but the password (never stored). Pure logic, unit-tested.
import type { KeyValueStorage } from '../../session/session';

export const SETUP_KEY = 'thermocline.setup';

/** The wizard's screens, in order. */
export const STEPS = ['code', 'admin', 'root', 'units', 'mail', 'done'] as const;
export type Step = (typeof STEPS)[number];

export interface SetupProgress {
  step: Step;
  setupCode: string;
  admin: { username: string; displayName: string };
  root: { code: string; name: string; memberCount: number | null };
  /** The server accepted the setup: the first three screens are done for good. */
  completed: boolean;
  /** What the optional screen did, to show it again on return. */
  imported: number | null;
  period: string | null;
  /** The optional e-mail screen stored an SMTP server. */
  mail: boolean;
}

export function emptyProgress(): SetupProgress {
  return { step: 'code', setupCode: '', admin: { username: 'admin', displayName: '' }, root: { code: '', name: '', memberCount: null }, completed: false, imported: null, period: null, mail: false };
}

export function loadProgress(storage: KeyValueStorage | null): SetupProgress | null {
  try {
    const raw = storage?.getItem(SETUP_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<SetupProgress>;
    if (!p || typeof p !== 'object' || !STEPS.includes(p.step as Step)) return null;
    const base = emptyProgress();
    return { ...base, ...p, admin: { ...base.admin, ...p.admin }, root: { ...base.root, ...p.root } } as SetupProgress;
  } catch {
    return null;
  }
}

export function saveProgress(storage: KeyValueStorage | null, p: SetupProgress): void {
  try {
    // Whatever else the object carries, a password is never written.
    const { step, setupCode, admin, root, completed, imported, period, mail } = p;
    storage?.setItem(SETUP_KEY, JSON.stringify({ step, setupCode: completed ? '' : setupCode, admin: { username: admin.username, displayName: admin.displayName }, root, completed, imported, period, mail }));
  } catch {
    // storage refused: the wizard still works, it just cannot resume
  }
}

export function clearProgress(storage: KeyValueStorage | null): void {
  try {
    storage?.removeItem(SETUP_KEY);
  } catch {
    // nothing to clear
  }
}

/**
 * Where the wizard opens, from what the server says (setup still needed?) and what this browser
 * remembers: before completion, the code screen or — past it — the administrator's, whose password
 * is never stored and must be typed again (the later screens keep what was entered); after it,
 * the optional screens (units and period, then e-mail) for a signed-in administrator who had started them here, else the sign-in.
 */
export function resumeAt(needed: boolean, saved: SetupProgress | null, signedIn: boolean): Step | 'login' | 'home' {
  if (needed) {
    if (!saved || saved.completed || saved.step === 'code') return 'code';
    return 'admin';
  }
  if (!saved?.completed) return signedIn ? 'home' : 'login';
  if (!signedIn) return 'login';
  return saved.step === 'done' || saved.step === 'mail' ? saved.step : 'units';
}

/** The password policy of #10, as the server applies it (auth/password.ts): the reason, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/**
 * 0–4 for the strength meter: a password the policy refuses is at most 1; beyond the policy,
 * length and variety add, and repeats or a run of one class take away.
 */
export function passwordStrength(password: string, username: string): number {
  if (!password) return 0;
  if (passwordProblem(password, username)) return 1;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const unique = new Set(password).size / password.length;
  let score = 2;
  if (password.length >= 14) score++;
  if (classes === 4 && password.length >= 12) score++;
  if (unique < 0.5 || /(.)\1\1/.test(password) || /(?:0123|1234|2345|3456|abcd|qwer|asdf)/i.test(password)) score--;
  return Math.max(1, Math.min(4, score));
}
