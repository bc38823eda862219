import { DEFAULT_REMINDER_RULES, parseReminderRules } from './rules';

describe('reminder rules', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_REMINDER_RULES.offsets).toEqual([-7, -3, -1, 0, 1, 3]);
    expect(DEFAULT_REMINDER_RULES.escalate).toBe(true);
  });

  it('merges a partial change over the rules in force and sorts the offsets', () => {
    const r = parseReminderRules({ offsets: [5, -10, 0], events: { cold: false } });
    expect(r).toEqual({ ok: true, rules: { ...DEFAULT_REMINDER_RULES, offsets: [-10, 0, 5], events: { ...DEFAULT_REMINDER_RULES.events, cold: false } } });
  });

  it.each([
    [{ offsets: [] }, 'offsets'],
    [{ offsets: [1, 1] }, 'offsets'],
    [{ offsets: [1.5] }, 'offsets'],
    [{ offsets: [400] }, 'offsets'],
    [{ escalate: 'yes' }, 'escalate'],
    [{ catchUpDays: -1 }, 'catchUpDays'],
    [{ events: { cold: 1 } }, 'events.cold'],
    [{ events: { party: true } }, 'events.party'],
    [{ offset: [1] }, 'offset'],
  ])('refuses %j naming %s', (patch, path) => {
    const r = parseReminderRules(patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
});

describe('parseReminderRules with prototype keys', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('refuses events.%s as an unknown event', (k) => {
    const r = parseReminderRules(JSON.parse(`{"events": {"${k}": true}}`) as unknown);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual([`events.${k}`]);
  });
});
