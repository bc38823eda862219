import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailText, hasKeyLabel } from './audit-text';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every key of an object literal written as an audit detail (`detail: { … }`) in the apps and libs. */
function writtenDetailKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', 'migrations'].includes(e.name)) walk(path);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/detail: \{([^{}]*)\}/g)) {
          for (const k of m[1].matchAll(/(?:^|,)\s*(?:\.\.\.\w+|([A-Za-z]\w*))\s*(?=[:,]|$)/g)) if (k[1]) keys.set(k[1], path.slice(ROOT.length + 1));
        }
      }
    }
  };
  for (const top of ['apps', 'libs']) walk(join(ROOT, top));
  return keys;
}

describe('audit detail in words', () => {
  it('has a Chinese label for every key the code writes into a detail', () => {
    const keys = writtenDetailKeys();
    expect(keys.size).toBeGreaterThan(30); // the scan found the writers
    expect([...keys].filter(([k]) => !hasKeyLabel(k)).map(([k, file]) => `${k} (${file})`)).toEqual([]);
  });

  it('words a status change, a count and a unit', () => {
    expect(detailText({ from: 'processing', to: 'extracted', mentions: 3, unclassified: 1 })).toBe('状态：抽取中 → 已抽取；抽取数字：3；未归类数字：1');
    expect(detailText({ unitCode: 'edu', ip: '10.0.0.8' }, new Map([['edu', '教育局党委']]))).toBe('单位：教育局党委；IP 地址：10.0.0.8');
  });
});
