import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETUP_AUDIT_ACTION_LABELS, SETUP_AUDIT_ENTITY_LABELS } from '@thermocline/contracts';

/** `action: '…'` and `entity: '…'` of every writeAudit in a source text. */
export function auditedNames(source: string): { actions: string[]; entities: string[] } {
  const grab = (key: string) => [...source.matchAll(new RegExp(`${key}: '([a-z_.]+)'`, 'g'))].map((m) => m[1]);
  return { actions: grab('action'), entities: grab('entity') };
}

describe('setup audit labels', () => {
  it('finds what a writeAudit call names', () => {
    expect(auditedNames("writeAudit(m, { action: 'setup.x', entity: 'installation' })")).toEqual({ actions: ['setup.x'], entities: ['installation'] });
  });

  it('every action and entity the setup writes has a Chinese and English label', () => {
    const source = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    const { actions, entities } = auditedNames(source);
    expect(actions.sort()).toEqual(['setup.code_rejected', 'setup.complete']);
    for (const a of actions) expect(SETUP_AUDIT_ACTION_LABELS[a]?.zh).toMatch(/[\u4e00-\u9fff]/);
    for (const e of entities) expect(SETUP_AUDIT_ENTITY_LABELS[e]?.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
