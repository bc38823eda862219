// The colours of temperatures and levels, shared by the charts' options and the tags.

/** Black or white text, whichever reads on a temperature colour. */
export function textOn(background: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(background);
  if (!m) return '#262626';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#262626' : '#ffffff';
}

/** 0..100 → a colour from deep blue (cold) through white-ish to red (hot). */
export function temperatureColor(t: number | null | undefined): string {
  if (t === null || t === undefined || !Number.isFinite(t)) return '#d9d9d9';
  const stops: [number, [number, number, number]][] = [
    [0, [30, 58, 138]],
    [40, [144, 202, 249]],
    [60, [255, 224, 178]],
    [100, [183, 28, 28]],
  ];
  const v = Math.max(0, Math.min(100, t));
  for (let i = 1; i < stops.length; i++) {
    const [b, cb] = stops[i];
    const [a, ca] = stops[i - 1];
    if (v <= b) {
      const k = (v - a) / (b - a);
      const c = ca.map((x, j) => Math.round(x + (cb[j] - x) * k));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(183, 28, 28)';
}

export const LEVEL_COLORS = ['#b71c1c', '#e65100', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#37474f'];
