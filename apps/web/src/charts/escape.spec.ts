// Issue #13.4: a unit renamed to HTML must stay text in every chart's tooltip. Every option
// builder of the dashboard is driven with hostile names; each tooltip formatter's output is
// parsed as the browser would (innerHTML) and may hold no element but the author's own <br>.
import * as dashboard from '../pages/dashboard/options';
import { escapeHtml, html } from './escape';

const HOSTILE = ['<meta http-equiv=refresh content=0;url=//x>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];

type Fn = (...args: never[]) => unknown;
const builders: Record<string, (name: string) => unknown> = {
  levelOption: () => dashboard.levelOption([{ level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 50, attenuation: null }], 'zh', 0.8),
  comparisonOption: (name) => dashboard.comparisonOption([{ code: 'x', name, level: 1, value: 3 } as never], 'desc', 'zh', name),
  heatmapOption: (name) =>
    dashboard.heatmapOption({ metrics: [{ key: 'k', name } as never], units: [{ code: 'x', name, level: 1 } as never], values: [[0.5]], totals: [[3]] }, 'zh'),
  treeOption: (name) => dashboard.treeOption(dashboard.temperatureTree({ code: 'x', name, children: [] }, new Map([['x', 40]]))),
  trendOption: (name) => dashboard.trendOption({ periods: [name], series: [{ code: 'x', name, values: [1] } as never] }, name),
};

/** Every function under a `tooltip` key (the option's own and each series'). */
function tooltipFormatters(node: unknown, inTooltip = false, out: Fn[] = []): Fn[] {
  if (Array.isArray(node)) node.forEach((n) => tooltipFormatters(n, inTooltip, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'function' && inTooltip) out.push(v as Fn);
      else tooltipFormatters(v, inTooltip || k === 'tooltip', out);
    }
  return out;
}

function elementsIn(markup: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = markup;
  return [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
}

describe('escapeHtml / html', () => {
  it('turns markup into text and keeps the template’s own tags', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(html`${'<b>'}<br/>${7}`).toBe('&lt;b&gt;<br/>7');
  });
});

describe('every dashboard chart keeps a hostile unit name as text (#13.4)', () => {
  it('knows every option builder (a new chart must be added here)', () => {
    const exported = Object.keys(dashboard).filter((k) => k.endsWith('Option'));
    expect(exported.sort()).toEqual(Object.keys(builders).sort());
  });

  it.each(Object.keys(builders).flatMap((b) => HOSTILE.map((h) => [b, h])))('%s with %s', (builder, name) => {
    const option = builders[builder](name);
    for (const f of tooltipFormatters(option)) {
      const params = { name, seriesName: name, value: 1, data: [0, 0, 0.5, 3], marker: '' };
      const out = String((f as (p: unknown) => unknown)(params));
      expect(elementsIn(out).filter((t) => t !== 'br')).toEqual([]);
      expect(out).toContain(escapeHtml(name));
    }
  });
});
