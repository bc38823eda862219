// Named moments of the start-up (performance.mark 'tc:<name>'), read by bench/web to show where
// the time to a painted dashboard goes. A mark costs microseconds; each name is marked once.
const seen = new Set<string>();

export function mark(name: string): void {
  if (seen.has(name)) return;
  seen.add(name);
  try {
    performance.mark(`tc:${name}`);
  } catch {
    // no Performance API (old browser, tests): nothing to measure
  }
}
