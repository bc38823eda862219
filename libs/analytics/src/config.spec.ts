import { DEFAULT_ANALYTICS_CONFIG, parseAnalyticsConfig, validateAnalyticsConfig } from './config';
import type { AnalyticsConfig, ConfigError } from './types';

const errorsOf = (input: unknown): ConfigError[] => {
  const r = parseAnalyticsConfig(input);
  return r.ok ? [] : r.errors;
};

describe('DEFAULT_ANALYTICS_CONFIG', () => {
  it('is valid and frozen', () => {
    expect(validateAnalyticsConfig(DEFAULT_ANALYTICS_CONFIG)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_ANALYTICS_CONFIG.weights)).toBe(true);
  });
});

describe('parseAnalyticsConfig', () => {
  it('merges a partial change over the base without touching the base', () => {
    const r = parseAnalyticsConfig({ thresholds: { cold: 35 }, weights: { intensity: 0.5 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.thresholds.cold).toBe(35);
    expect(r.config.weights.intensity).toBe(0.5);
    expect(r.config.weights.breadth).toBe(0.2);
    expect(DEFAULT_ANALYTICS_CONFIG.thresholds.cold).toBe(40);
  });

  it('merges over a given base (the stored config)', () => {
    const stored: AnalyticsConfig = { ...DEFAULT_ANALYTICS_CONFIG, thresholds: { ...DEFAULT_ANALYTICS_CONFIG.thresholds, cold: 30 } };
    const r = parseAnalyticsConfig({ scoring: { minPeers: 5 } }, stored);
    expect(r.ok && r.config.thresholds.cold).toBe(30);
    expect(r.ok && r.config.scoring.minPeers).toBe(5);
  });

  it('explains an out-of-range value with its field, range and the value received', () => {
    expect(errorsOf({ thresholds: { cold: 120 } })).toEqual([
      { path: 'thresholds.cold', message: '冷点阈值（温度）必须是不小于 0且不大于 100的数，收到 120' },
    ]);
  });

  it('does not coerce strings', () => {
    expect(errorsOf({ thresholds: { cold: '35' } })).toEqual([
      { path: 'thresholds.cold', message: '冷点阈值（温度）必须是不小于 0且不大于 100的数，收到 "35"' },
    ]);
  });

  it('rejects negative weights and weights that sum to zero', () => {
    expect(errorsOf({ weights: { breadth: -1 } })[0]).toMatchObject({ path: 'weights.breadth', message: expect.stringContaining('权重「广度」') as unknown });
    const zero = { breadth: 0, intensity: 0, specificity: 0, timeliness: 0, originality: 0 };
    expect(errorsOf({ weights: zero })).toEqual([{ path: 'weights', message: '五项权重之和必须大于 0，否则无法计算温度' }]);
  });

  it('explains why a near-duplicate threshold below 0.5 is refused', () => {
    expect(errorsOf({ thresholds: { nearDuplicate: 0.3 } })[0].message).toContain('候选检索会漏掉');
    expect(errorsOf({ thresholds: { nearDuplicate: 1 } })).toEqual([]);
  });

  it('requires whole numbers where a count is meant', () => {
    expect(errorsOf({ scoring: { minPeers: 2.5 } })[0]).toMatchObject({ path: 'scoring.minPeers', message: expect.stringContaining('整数') as unknown });
    expect(errorsOf({ scoring: { lateDaysToZero: 0 } })[0].path).toBe('scoring.lateDaysToZero');
  });

  it('checks open bounds', () => {
    expect(errorsOf({ thresholds: { attenuation: 0 } })[0].message).toContain('大于 0');
    expect(errorsOf({ scoring: { originalityFloor: 1 } })[0].message).toContain('小于 1');
    expect(errorsOf({ thresholds: { declineDrop: 0 } })[0].path).toBe('thresholds.declineDrop');
  });

  it('keeps the low-specificity threshold below full specificity', () => {
    expect(errorsOf({ thresholds: { lowSpecificity: 12 } })).toEqual([
      {
        path: 'thresholds.lowSpecificity',
        message: '低具体度阈值（12）必须小于具体度满分（10），否则被标记的报告仍可得满分',
      },
    ]);
  });

  it('rejects unknown sections and fields, and non-objects', () => {
    expect(errorsOf({ thresholds: { frozen: 1 } })[0]).toMatchObject({ path: 'thresholds.frozen', message: expect.stringContaining('未知的阈值项「frozen」') as unknown });
    expect(errorsOf({ colour: {} })[0].message).toContain('未知的配置项「colour」');
    expect(errorsOf({ weights: 3 })[0]).toEqual({ path: 'weights', message: '权重（weights）必须是一个对象' });
    expect(errorsOf(null)).toEqual([{ path: '', message: '配置必须是一个 JSON 对象' }]);
    expect(errorsOf([1])).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ thresholds: { cold: -1, nearDuplicate: 2 }, scoring: { peerMultiple: 0.5 } }).map((e) => e.path)).toEqual([
      'thresholds.cold',
      'thresholds.nearDuplicate',
      'scoring.peerMultiple',
    ]);
  });
});

describe('parseAnalyticsConfig with prototype keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses %s as an unknown field, and nothing is polluted', (name) => {
    const input = JSON.parse(`{"${name}": {"keys": ["polluted"], "polluted": 1}}`) as unknown;
    const r = parseAnalyticsConfig(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual([name]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
