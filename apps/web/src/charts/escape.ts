// The one way a string reaches HTML outside React: ECharts tooltip formatters (their string is set
// as innerHTML) and anything else written with innerHTML. A unit name is user input — a branch
// admin can name a unit `<meta http-equiv=refresh …>` — so every such string goes through here.
// Canvas labels (label.formatter) are drawn as text and must NOT be escaped (they would show &lt;).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/**
 * Builds tooltip HTML from a template: every interpolated value is escaped, the literal parts
 * (the author's own `<br/>`) are kept. `html\`${name}<br/>${value}\`` is safe by construction.
 */
export function html(parts: TemplateStringsArray, ...values: unknown[]): string {
  return parts.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
