import { readFileSync } from 'node:fs';

/**
 * The time as the product sees it. Production reads the system clock. Tests (NODE_ENV=test only)
 * may point TEST_CLOCK_FILE at a file holding an ISO timestamp: api and worker processes then all
 * read "now" from it, so a test can move a whole deployment past a due date without sleeping.
 */
export class Clock {
  private cached: { at: number; value: Date | null } | null = null;

  constructor(private readonly file: string | null = null) {}

  now(): Date {
    if (!this.file) return new Date();
    const t = Date.now();
    if (!this.cached || t - this.cached.at > 50) {
      let value: Date | null;
      try {
        const raw = readFileSync(this.file, 'utf8').trim();
        value = raw ? new Date(raw) : null;
        if (value && Number.isNaN(value.getTime())) value = null;
      } catch {
        value = null;
      }
      this.cached = { at: t, value };
    }
    return this.cached.value ? new Date(this.cached.value) : new Date();
  }
}
