import { emptyProgress, loadProgress, passwordProblem, passwordStrength, resumeAt, saveProgress, SETUP_KEY, type SetupProgress } from './progress';

function memory(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) } as never;
}

describe('setup progress', () => {
  it('round-trips through storage and never writes a password', () => {
    const s = memory();
    const p: SetupProgress = { ...emptyProgress(), step: 'root', setupCode: 'ABCD-EFGH-JKMN', admin: { username: 'wang', displayName: '王明', password: 'Secret-Pass-2026!' } as never };
    saveProgress(s, p);
    expect(s.data.get(SETUP_KEY)).not.toContain('Secret-Pass');
    expect(loadProgress(s)).toEqual({ ...p, admin: { username: 'wang', displayName: '王明' } });
  });

  it('forgets the setup code once setup is complete', () => {
    const s = memory();
    saveProgress(s, { ...emptyProgress(), step: 'units', setupCode: 'ABCD-EFGH-JKMN', completed: true });
    expect(loadProgress(s)?.setupCode).toBe('');
  });

  it('ignores what it cannot read', () => {
    const s = memory();
    s.setItem(SETUP_KEY, '{not json');
    expect(loadProgress(s)).toBeNull();
    s.setItem(SETUP_KEY, JSON.stringify({ step: 'elsewhere' }));
    expect(loadProgress(s)).toBeNull();
    expect(loadProgress(null)).toBeNull();
  });

  it.each([
    [true, null, false, 'code'],
    [true, 'admin', false, 'admin'],
    [true, 'root', false, 'admin'],
    // the server forgot (a fresh database) what this browser completed: start again
    [true, 'units', true, 'code'],
    [false, 'units', true, 'units'],
    [false, 'mail', true, 'mail'],
    [false, 'done', true, 'done'],
    [false, null, false, 'home'],
  ] as const)('needed=%s, saved at %s (completed %s) → %s for a signed-in admin', (needed, step, completed, want) => {
    const saved = step ? { ...emptyProgress(), step, completed } : null;
    expect(resumeAt(needed, saved, true)).toBe(want);
  });

  it('asks a signed-out visitor to sign in once setup is done', () => {
    expect(resumeAt(false, { ...emptyProgress(), step: 'units', completed: true }, false)).toBe('login');
    expect(resumeAt(false, null, false)).toBe('login');
  });
});

describe('password policy and strength', () => {
  it('mirrors the server policy', () => {
    expect(passwordProblem('Short-1', 'wang')).toMatch(/至少 10 位/);
    expect(passwordProblem('alllowercase1', 'wang')).toMatch(/三类/);
    expect(passwordProblem('Wang-Ming-2026', 'wang')).toMatch(/用户名/);
    expect(passwordProblem('Setup-Admin-2026!', 'wang')).toBeNull();
  });

  it('rates refused passwords at most 1 and grows with length and variety', () => {
    expect(passwordStrength('', 'zhang')).toBe(0);
    expect(passwordStrength('short', 'zhang')).toBe(1);
    expect(passwordStrength('Abcdefgh12', 'zhang')).toBeLessThan(passwordStrength('Tq7#mLp2-Vx9!kRw', 'zhang'));
    expect(passwordStrength('Tq7#mLp2-Vx9!kRw', 'zhang')).toBe(4);
    expect(passwordStrength('Aaaaaaaaa1!', 'zhang')).toBeLessThanOrEqual(2);
  });
});
