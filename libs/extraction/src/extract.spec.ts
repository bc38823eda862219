// The extractor as a whole: definitions are data, and every report of the corpus and the fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS, type MetricDefinition } from './catalogue';
import { extract } from './extract';
import { foldText, prepareText } from './normalize';
import { pairs } from './test-helpers';

describe('definitions are data', () => {
  const talks: MetricDefinition = {
    key: 'org.heart_talks',
    name: '谈心谈话',
    category: 'org',
    measureWords: ['次', '人次'],
    triggers: ['谈心谈话'],
    normalization: 'per_unit',
    weight: 1,
  };

  it('extracts a metric an administrator added', () => {
    const text = '开展谈心谈话36人次，召开支委会6次。';
    expect(pairs(text)).toEqual([['org.committee_meeting', 6]]);
    expect(extract(text, { definitions: [...DEFAULT_CATALOGUE, talks] }).metrics.map((m) => [m.key, m.value])).toEqual([
      ['org.heart_talks', 36],
      ['org.committee_meeting', 6],
    ]);
  });

  it('follows an edited trigger list and a disabled metric', () => {
    const edited = DEFAULT_CATALOGUE.map((d) => (d.key === 'propaganda.displays' ? { ...d, triggers: [...d.triggers, '宣传彩旗'] } : d));
    expect(extract('插上宣传彩旗50面', { definitions: edited }).metrics.map((m) => m.key)).toEqual(['propaganda.displays']);
    const disabled = DEFAULT_CATALOGUE.map((d) => (d.key === 'org.committee_meeting' ? { ...d, enabled: false } : d));
    expect(extract('召开支委会6次', { definitions: disabled }).metrics).toEqual([]);
  });

  it('accepts an extended formula list', () => {
    const text = '开展“五个一”活动。落实三个一百工程5场宣讲';
    expect(extract(text).metrics).toHaveLength(1);
    expect(extract(text, { formulas: [...DEFAULT_FORMULAS, '三个一百工程5场'] }).metrics).toEqual([]);
  });

  it('reads triggers given in Traditional characters or full width', () => {
    const trad = DEFAULT_CATALOGUE.map((d) => (d.key === 'org.heart_talks' ? d : d)).concat([{ ...talks, triggers: ['談心談話'] }]);
    expect(extract('开展谈心谈话３６次', { definitions: trad }).metrics.map((m) => [m.key, m.value])).toEqual([['org.heart_talks', 36]]);
  });
});


describe('the whole report', () => {
  const dirs = [join(__dirname, '../../../test/fixtures/corpus/seed'), join(__dirname, '../../../test/fixtures/corpus/dev'), join(__dirname, '../../../test/fixtures/extraction')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));

  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s: every evidence is the exact slice of the text', (_, file) => {
    const text = prepareText(readFileSync(file, 'utf8'));
    const r = extract(text);
    const all = [...r.metrics, ...r.cadences, ...r.problems, ...r.plans, ...r.placeholders].map((x) => x.evidence);
    for (const e of all) {
      expect(e.text).toBe(text.slice(e.start, e.end));
      expect(e.end).toBeGreaterThan(e.start);
    }
    for (const m of r.metrics) expect(foldText(m.evidence.text)).toContain(m.unit);
  });

  it('reads a Traditional report exactly as its Simplified twin', () => {
    const dev = join(__dirname, '../../../test/fixtures/corpus/dev');
    const simp = extract(prepareText(readFileSync(join(dev, 'school-2-2025H2.txt'), 'utf8')));
    const trad = extract(prepareText(readFileSync(join(dev, 'school-2-2025H2.trad.txt'), 'utf8')));
    const strip = (r: typeof simp) => ({
      metrics: r.metrics.map(({ evidence, ...m }) => ({ ...m, at: evidence.start })),
      cadences: r.cadences.map((c) => [c.key, c.per, c.times]),
      problems: r.problems.length,
      plans: r.plans.length,
    });
    expect(strip(trad)).toEqual(strip(simp));
  });

  it('copes with text that did not go through prepareText (CRLF)', () => {
    const text = '四、存在的问题\r\n一是学习不深入；二是宣传不到位。\r\n五、下步打算\r\n一是加强学习。\r\n召开支委会6次';
    const r = extract(text);
    expect([r.problems.length, r.plans.length]).toEqual([2, 1]);
    expect(extract('召开支委会6次\r\n').metrics.map((m) => m.evidence.text)).toEqual(['召开支委会6次']);
  });

  it('counts characters, specificity and a fingerprint', () => {
    const r = extract('召开支委会6次。\n制作展板10块。');
    expect(r.charCount).toBe(16);
    expect(r.specificity).toBeCloseTo((2 / 16) * 1000, 1);
    expect(r.fingerprint).toMatch(/^[0-9a-f]{512}$/);
    expect(extract('')).toMatchObject({ metrics: [], charCount: 0, specificity: 0 });
  });

  it('stays linear on pathological input (no delimiters, many 每, huge sections) and never yields a zero', () => {
    const started = performance.now();
    extract('“1次'.repeat(20000));
    extract('每月召开1次支委会'.repeat(20000));
    extract('四、存在问题\n' + '学习不够深入。\n'.repeat(20000));
    expect(performance.now() - started).toBeLessThan(10000);
    expect(extract('发布信息0篇，召开支委会零次').metrics).toEqual([]);
  });

  it('extracts a 6,000-character report quickly', () => {
    const dev = join(__dirname, '../../../test/fixtures/corpus/dev');
    const text = prepareText(readFileSync(join(dev, 'edu-bureau-2025H2.txt'), 'utf8')).repeat(2).slice(0, 6000);
    for (let i = 0; i < 20; i++) extract(text);
    const started = performance.now();
    for (let i = 0; i < 20; i++) extract(text);
    expect((performance.now() - started) / 20).toBeLessThan(100); // the bench measures ~1 ms; this only catches a blow-up (the machine may be shared)
  });
});
