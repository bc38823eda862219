import type { FlagDto } from './dto/dashboard.dto';

const OUTSIDE_UNIT = '管辖范围外某单位';

/**
 * A near_duplicate flag names the unit and report it resembles. Duplicates are found bureau-wide,
 * so that unit may lie outside the caller's scope: then the flag still says how similar, but not
 * who (name, code, id and report id read as "a unit outside your scope").
 */
export function redactDuplicateFlags(flags: FlagDto[], visible: (unitId: number) => boolean): FlagDto[] {
  const hidden = (m: unknown) => typeof m === 'object' && m !== null && !visible(Number((m as { unitId?: unknown }).unitId));
  const redact = (m: Record<string, unknown>) => ({ periodCode: m.periodCode, ...(m.periodName ? { periodName: m.periodName } : {}), similarity: m.similarity, unitId: null, unitCode: null, unitName: OUTSIDE_UNIT, reportId: null });
  return flags.map((f) => {
    if (f.code !== 'near_duplicate' || !f.evidence) return f;
    const other = f.evidence.other as Record<string, unknown> | undefined;
    const also = Array.isArray(f.evidence.alsoSimilar) ? (f.evidence.alsoSimilar as Record<string, unknown>[]) : [];
    if (!hidden(other) && !also.some(hidden)) return f;
    let reason = f.reason;
    if (other && hidden(other)) reason = reason.replace(`「${String(other.unitName)}」`, OUTSIDE_UNIT).replace(`（#${String(other.reportId)}）`, '');
    return { ...f, reason, evidence: { ...f.evidence, other: other && hidden(other) ? redact(other) : other, alsoSimilar: also.map((m) => (hidden(m) ? redact(m) : m)) } };
  });
}

/** Unit ids a flag list names as near-duplicates (to look up whether the caller may see them). */
export function namedDuplicateUnits(flags: FlagDto[]): number[] {
  const named = flags.flatMap((f) => (f.code === 'near_duplicate' && f.evidence ? [f.evidence.other, ...((f.evidence.alsoSimilar as unknown[] | undefined) ?? [])] : []));
  return [...new Set(named.map((m) => Number((m as { unitId?: unknown } | undefined)?.unitId)).filter(Number.isSafeInteger))];
}
