import { ALL_JOB_NAMES, QUEUES, queueOf } from './registry';
import { missingHandlers } from './workers';

describe('job registry', () => {
  it('puts every job on exactly one queue', () => {
    const seen = new Map<string, string>();
    for (const [queue, q] of Object.entries(QUEUES)) {
      for (const job of q.jobs) {
        expect(seen.has(job)).toBe(false);
        seen.set(job, queue);
      }
    }
    expect(queueOf('extract')).toBe('extraction');
    expect(new Set(ALL_JOB_NAMES).size).toBe(ALL_JOB_NAMES.length);
  });

  it('declares retention and retries for every queue', () => {
    for (const q of Object.values(QUEUES)) {
      expect(q.attempts).toBeGreaterThanOrEqual(1);
      expect(q.removeOnComplete.count).toBeGreaterThan(0);
      expect(q.removeOnFail.age).toBeGreaterThan(0);
      expect(q.concurrency).toBeGreaterThan(0);
    }
  });

  it('names the jobs that have no handler', () => {
    const noop = async () => undefined;
    expect(missingHandlers({ extract: noop }, ['extract', 'sweep-queued'])).toEqual(['sweep-queued']);
    expect(missingHandlers({}, ALL_JOB_NAMES)).toEqual(ALL_JOB_NAMES);
    expect(missingHandlers({ extract: noop, 'sweep-queued': noop }, ['extract', 'sweep-queued'])).toEqual([]);
  });
});
