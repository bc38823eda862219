// Targets a unit set itself in its 下步打算 ("力争第四季度开展健康宣讲不少于20场"). The extractor counts
// what was done and skips what is planned; here the planning words are taken out so the same rules
// read the rest as a count: 开展健康宣讲20场 → propaganda.lectures 20.
import { extract, type ExtractOptions } from './extract';
import { prepareText } from './normalize';

export interface PlanTarget {
  key: string;
  target: number;
  unit: string;
}

const WHEN = /(下半年|下学期|下一步|下步|第[一二三四1-4]季度|明年|全年|年内|年底前|今后)/g;
const INTENT = /(计划|力争|争取|拟|将|确保|预计|努力)/g;
const BOUND = /(不少于|不低于|至少|达到|以上|超过)/g;

export function planTargets(planText: string, options?: ExtractOptions): PlanTarget[] {
  const text = prepareText(planText.replace(WHEN, '').replace(INTENT, '').replace(BOUND, ''));
  const seen = new Set<string>();
  const out: PlanTarget[] = [];
  for (const m of extract(text, options).metrics) {
    if (m.subset || seen.has(m.key)) continue;
    seen.add(m.key);
    out.push({ key: m.key, target: m.value, unit: m.unit });
  }
  return out;
}
