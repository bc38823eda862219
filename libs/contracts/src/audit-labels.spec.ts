// Every audit action the code writes has a Chinese name for the audit log (#16.3): read from the
// sources, so a new action without a label fails here rather than showing `x.y` to an administrator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS } from './labels';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The action strings written: `action: 'x.y'` and the branches of `action: c ? 'x.y' : 'x.z'`. */
function writtenActions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) for (const s of m[1].matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) found.push(s[1]);
  return found;
}

it('finds actions in both forms', () => {
  expect(writtenActions(`writeAudit(m, { action: u.moved ? 'unit.move' : 'unit.update', entity })`)).toEqual(['unit.move', 'unit.update']);
  expect(writtenActions(`{\n action: 'report.status',\n entity: 'report' }`)).toEqual(['report.status']);
});

it('names every audit action written by the api and the worker in Chinese', () => {
  const files = ['apps', 'libs'].flatMap((d) => readdirSync(join(ROOT, d)).map((p) => join(ROOT, d, p, 'src'))).filter((p) => { try { return statSync(p).isDirectory(); } catch { return false; } });
  const actions = new Set(files.flatMap((d) => sources(d)).flatMap((f) => (readFileSync(f, 'utf8').includes('writeAudit') ? writtenActions(readFileSync(f, 'utf8')) : [])));
  expect(actions.size).toBeGreaterThan(10);
  const missing = [...actions].filter((a) => !AUDIT_ACTION_LABELS[a]?.zh || !/[\u4e00-\u9fff]/.test(AUDIT_ACTION_LABELS[a].zh));
  expect(missing).toEqual([]);
});
