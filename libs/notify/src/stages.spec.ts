import { DEFAULT_REMINDER_RULES } from './rules';
import { currentStage, dueDateWindow } from './stages';
import { addDays } from './zone';

const due = '2026-07-10';
const on = (offset: number) => currentStage(DEFAULT_REMINDER_RULES, due, addDays(due, offset));

describe('reminder stages by date (defaults 7, 3, 1 days before, the day, 1 and 3 days after)', () => {
  it('fires each stage on its own day, with the right kind', () => {
    expect(on(-7)).toMatchObject({ key: 'due:-7', kind: 'due_soon', last: false, today: true });
    expect(on(-3)).toMatchObject({ key: 'due:-3', kind: 'due_soon' });
    expect(on(-1)).toMatchObject({ key: 'due:-1', kind: 'due_soon' });
    expect(on(0)).toMatchObject({ key: 'due:0', kind: 'due_today', last: false });
    expect(on(1)).toMatchObject({ key: 'due:+1', kind: 'overdue', last: false });
    expect(on(3)).toMatchObject({ key: 'due:+3', kind: 'overdue', last: true, today: true });
  });

  it('has nothing before the first stage or after the last one’s catch-up days', () => {
    expect(on(-30)).toBeNull();
    expect(on(-8)).toBeNull();
    expect(on(6)).toBeNull();
    expect(on(60)).toBeNull();
  });

  it('catches up a missed stage for catchUpDays, never past the next stage', () => {
    // -7 missed: still sendable on -6 and -5 (catchUpDays 2), not on -4, and -3 is its own stage.
    expect(on(-6)).toMatchObject({ key: 'due:-7', today: false });
    expect(on(-5)).toMatchObject({ key: 'due:-7', today: false });
    expect(on(-4)).toBeNull();
    // -1 and 0 are adjacent: no catch-up day between them.
    expect(on(0)?.key).toBe('due:0');
    expect(on(2)).toMatchObject({ key: 'due:+1', today: false });
    expect(on(4)).toMatchObject({ key: 'due:+3', last: true, today: false });
    expect(on(5)).toMatchObject({ key: 'due:+3' });
    expect(currentStage({ offsets: [-3, 0], catchUpDays: 0 }, due, addDays(due, -2))).toBeNull();
  });

  it('sorts admin-given offsets and marks the largest as last', () => {
    expect(currentStage({ offsets: [5, -2], catchUpDays: 0 }, due, addDays(due, 5))).toMatchObject({ key: 'due:+5', last: true });
    expect(currentStage({ offsets: [0], catchUpDays: 0 }, due, due)).toMatchObject({ key: 'due:0', last: true, kind: 'due_today' });
  });

  it('scans exactly the due dates that can have a stage today', () => {
    const w = dueDateWindow(DEFAULT_REMINDER_RULES);
    expect(w).toEqual({ from: -5, to: 7 });
    const today = '2026-07-13';
    for (let k = -30; k <= 30; k++) {
      if (k < w.from || k > w.to) expect(currentStage(DEFAULT_REMINDER_RULES, addDays(today, k), today)).toBeNull();
    }
    expect(currentStage(DEFAULT_REMINDER_RULES, addDays(today, w.from), today)).toMatchObject({ key: 'due:+3' });
    expect(currentStage(DEFAULT_REMINDER_RULES, addDays(today, w.to), today)).toMatchObject({ key: 'due:-7' });
  });
});
