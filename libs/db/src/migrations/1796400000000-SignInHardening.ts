import { normalizeUsername } from '@thermocline/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security findings 1 and 11: user names are stored in their one normalised form (the login looks
 * them up and counts failures under it), and a user an admin created or reset must replace that
 * password at the first sign-in. Users that exist today keep signing in as they do.
 */
export class SignInHardening1796400000000 implements MigrationInterface {
  name = 'SignInHardening1796400000000';

  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query('SELECT id, username FROM users ORDER BY id')) as { id: number; username: string }[];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const norm = normalizeUsername(r.username);
      const clash = seen.get(norm);
      if (clash !== undefined) {
        // Never merge or rename accounts behind an administrator's back: stop with what to do.
        throw new Error(`users ${clash} and ${r.id} both normalise to "${norm}": rename one (UPDATE users SET username = ... WHERE id = ...) and start again`);
      }
      seen.set(norm, Number(r.id));
    }
    for (const r of rows) {
      const norm = normalizeUsername(r.username);
      if (norm !== r.username) await q.query('UPDATE users SET username = ? WHERE id = ?', [norm, r.id]);
    }
    await q.query('ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE AFTER token_version');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN must_change_password');
  }
}
