// Weights and thresholds: defaults, and validation with Chinese messages for the admin screen.

import type {
  AnalyticsConfig,
  AnalyticsScoring,
  AnalyticsThresholds,
  ComponentName,
  ComponentWeights,
  ConfigError,
  ConfigParseResult,
} from './types';

export const COMPONENT_LABELS: Readonly<Record<ComponentName, string>> = {
  breadth: '广度',
  intensity: '强度',
  specificity: '具体度',
  timeliness: '及时性',
  originality: '原创性',
};

export const DEFAULT_ANALYTICS_CONFIG: Readonly<AnalyticsConfig> = Object.freeze({
  weights: Object.freeze({ breadth: 0.2, intensity: 0.35, specificity: 0.15, timeliness: 0.15, originality: 0.15 }),
  thresholds: Object.freeze({ cold: 40, coldRelative: 0.4, declineDrop: 15, lowSpecificity: 2, nearDuplicate: 0.8, attenuation: 0.8 }),
  scoring: Object.freeze({ peerMultiple: 2, minPeers: 3, specificityFull: 10, lateDaysToZero: 30, originalityFloor: 0.5 }),
}) as AnalyticsConfig;

interface Rule {
  label: string;
  min: number;
  max: number;
  /** Whether the bounds themselves are allowed. */
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
  /** Why the range is what it is, appended to the message. */
  why?: string;
}

const WEIGHT_RULE = (c: ComponentName): Rule => ({ label: `权重「${COMPONENT_LABELS[c]}」`, min: 0, max: 100 });

const THRESHOLD_RULES: Record<keyof AnalyticsThresholds, Rule> = {
  cold: { label: '冷点阈值（温度）', min: 0, max: 100 },
  coldRelative: { label: '相对上级偏冷比例（比上级温度低多少算偏冷）', min: 0, max: 1, minOpen: true, maxOpen: true },
  declineDrop: { label: '下滑阈值（较上期下降的温度点数）', min: 0, max: 100, minOpen: true },
  lowSpecificity: { label: '低具体度阈值（每千字量化事实数）', min: 0, max: 1000 },
  nearDuplicate: {
    label: '雷同阈值（相似度）',
    min: 0.5,
    max: 1,
    why: '低于 0.5 时候选检索会漏掉大量相似报告',
  },
  attenuation: { label: '衰减阈值（本层中位温度 ÷ 上层中位温度）', min: 0, max: 1, minOpen: true },
};

const SCORING_RULES: Record<keyof AnalyticsScoring, Rule> = {
  peerMultiple: { label: '同层参照倍数', min: 1, max: 10 },
  minPeers: { label: '同层最少单位数', min: 1, max: 1000, integer: true },
  specificityFull: { label: '具体度满分（每千字量化事实数）', min: 0, max: 1000, minOpen: true },
  lateDaysToZero: { label: '逾期归零天数', min: 1, max: 366, integer: true },
  originalityFloor: { label: '原创性起扣相似度', min: 0, max: 1, maxOpen: true },
};

const COMPONENTS: readonly ComponentName[] = ['breadth', 'intensity', 'specificity', 'timeliness', 'originality'];

function range(rule: Rule): string {
  const lo = rule.minOpen ? `大于 ${rule.min}` : `不小于 ${rule.min}`;
  const hi = rule.maxOpen ? `小于 ${rule.max}` : `不大于 ${rule.max}`;
  return `${lo}且${hi}的${rule.integer ? '整数' : '数'}`;
}

function check(path: string, value: unknown, rule: Rule, errors: ConfigError[]): void {
  const bad =
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer === true && !Number.isInteger(value)) ||
    (rule.minOpen ? value <= rule.min : value < rule.min) ||
    (rule.maxOpen ? value >= rule.max : value > rule.max);
  if (!bad) return;
  const shown = typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? '空';
  const why = rule.why ? `（${rule.why}）` : '';
  errors.push({ path, message: `${rule.label}必须是${range(rule)}，收到 ${shown}${why}` });
}

/** Every problem of a complete config, in field order; [] when it is valid. */
export function validateAnalyticsConfig(config: AnalyticsConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const c of COMPONENTS) check(`weights.${c}`, config.weights[c], WEIGHT_RULE(c), errors);
  if (errors.length === 0) {
    const sum = COMPONENTS.reduce((s, c) => s + config.weights[c], 0);
    if (!(sum > 0)) errors.push({ path: 'weights', message: '五项权重之和必须大于 0，否则无法计算温度' });
  }
  for (const k of Object.keys(THRESHOLD_RULES) as (keyof AnalyticsThresholds)[]) {
    check(`thresholds.${k}`, config.thresholds[k], THRESHOLD_RULES[k], errors);
  }
  for (const k of Object.keys(SCORING_RULES) as (keyof AnalyticsScoring)[]) {
    check(`scoring.${k}`, config.scoring[k], SCORING_RULES[k], errors);
  }
  const { lowSpecificity } = config.thresholds;
  const { specificityFull } = config.scoring;
  if (
    Number.isFinite(lowSpecificity) &&
    Number.isFinite(specificityFull) &&
    specificityFull > 0 &&
    lowSpecificity >= specificityFull
  ) {
    errors.push({
      path: 'thresholds.lowSpecificity',
      message: `低具体度阈值（${lowSpecificity}）必须小于具体度满分（${specificityFull}），否则被标记的报告仍可得满分`,
    });
  }
  return errors;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SECTIONS = {
  weights: { label: '权重', keys: COMPONENTS as readonly string[] },
  thresholds: { label: '阈值', keys: Object.keys(THRESHOLD_RULES) },
  scoring: { label: '评分参数', keys: Object.keys(SCORING_RULES) },
} as const;
type Section = keyof typeof SECTIONS;

/**
 * Reads a (possibly partial) config as an administrator sent it — e.g. `{thresholds:{cold:35}}` —
 * over `base`, rejecting unknown fields and out-of-range values. Nothing is coerced: "35" is an error.
 */
export function parseAnalyticsConfig(input: unknown, base: AnalyticsConfig = DEFAULT_ANALYTICS_CONFIG): ConfigParseResult {
  if (!isRecord(input)) return { ok: false, errors: [{ path: '', message: '配置必须是一个 JSON 对象' }] };
  const errors: ConfigError[] = [];
  const merged: AnalyticsConfig = {
    weights: { ...base.weights },
    thresholds: { ...base.thresholds },
    scoring: { ...base.scoring },
  };
  for (const [name, part] of Object.entries(input)) {
    // Own keys only: `'constructor' in SECTIONS` is true, and `merged.__proto__` is Object.prototype.
    if (!Object.prototype.hasOwnProperty.call(SECTIONS, name)) {
      errors.push({ path: name, message: `未知的配置项「${name}」（可用：weights、thresholds、scoring）` });
      continue;
    }
    const section = SECTIONS[name as Section];
    if (!isRecord(part)) {
      errors.push({ path: name, message: `${section.label}（${name}）必须是一个对象` });
      continue;
    }
    const target = merged[name as Section] as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(part)) {
      if (!section.keys.includes(key)) {
        errors.push({ path: `${name}.${key}`, message: `未知的${section.label}项「${key}」（可用：${section.keys.join('、')}）` });
        continue;
      }
      target[key] = value;
    }
  }
  errors.push(...validateAnalyticsConfig(merged));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: merged };
}

export function weightSum(w: ComponentWeights): number {
  return COMPONENTS.reduce((s, c) => s + w[c], 0);
}
