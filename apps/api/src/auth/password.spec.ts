import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Correct-Horse-9');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it.each([
    ['short1A!', /至少 10 位/],
    ['alllowercaseletters', /至少三类/],
    ['Zhangsan-2026x', /不能包含用户名/],
    // Three kinds of character and long enough, yet first on any cracking list (finding 11).
    ['Password123', /太常见或太容易猜到/],
    ['aaaaaaaaaA1', /太常见或太容易猜到/],
    ['P@ssw0rd2026', /太常见或太容易猜到/],
    ['Qwerty12345!', /太常见或太容易猜到/],
  ])('refuses %s', (pw, reason) => {
    expect(passwordProblem(pw, 'zhangsan')).toMatch(reason);
  });

  it('counts the person’s own name as a guessable word', () => {
    expect(passwordProblem('Wangxiaoming88!', 'wxm', ['wangxiaoming'])).toMatch(/太常见或太容易猜到/);
    expect(passwordProblem('Wangxiaoming88!', 'wxm')).toBeNull();
  });

  it('accepts a strong password', () => {
    expect(passwordProblem('Dangjian-2026', 'zhangsan')).toBeNull();
  });
});
