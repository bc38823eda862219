// The fake clock of a test: a file the api and worker read as "now" (TEST_CLOCK_FILE). They re-read
// it at most every 50 ms, so setNow waits that out before the test acts at the new time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function testClock(): { file: string; setNow(iso: string): Promise<void> } {
  const file = join(mkdtempSync(join(tmpdir(), 'tc-clock-')), 'now');
  return {
    file,
    async setNow(iso: string) {
      writeFileSync(file, iso);
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  };
}
