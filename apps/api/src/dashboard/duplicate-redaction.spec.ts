import type { FlagDto } from './dto/dashboard.dto';
import { namedDuplicateUnits, redactDuplicateFlags } from './duplicate-redaction';

const match = (unitId: number, reportId: number, unitName: string) => ({ reportId, unitId, unitCode: `u${unitId}`, unitName, periodCode: '2026-H1', similarity: 0.9 });
const flag: FlagDto = {
  code: 'near_duplicate',
  reason: '与「一中第一党支部」2026-H1 报告（#106）相似度 90%，达到雷同阈值 80%',
  evidence: { reportId: 107, samePeriod: true, other: match(6, 106, '一中第一党支部'), alsoSimilar: [match(8, 108, '二中第一党支部')], matchCount: 2 },
};
const cold: FlagDto = { code: 'cold', reason: '温度 27.8，低于冷点阈值 40', evidence: { reportId: 107 } };

describe('redactDuplicateFlags', () => {
  it('leaves flags alone when the caller may see every unit they name', () => {
    const flags = [cold, flag];
    expect(redactDuplicateFlags(flags, () => true)).toEqual(flags);
  });

  it('says how similar, not who, for a unit outside the scope', () => {
    const [out] = redactDuplicateFlags([flag], (id) => id === 8);
    expect(out.reason).toBe('与管辖范围外某单位2026-H1 报告相似度 90%，达到雷同阈值 80%');
    expect(out.evidence?.other).toEqual({ periodCode: '2026-H1', similarity: 0.9, unitId: null, unitCode: null, unitName: '管辖范围外某单位', reportId: null });
    expect(out.evidence?.alsoSimilar).toEqual([match(8, 108, '二中第一党支部')]);
    expect(JSON.stringify(out)).not.toContain('一中第一党支部');
  });

  it('keeps the period name of a redacted match, so its reason still reads 2026年上半年', () => {
    const named: FlagDto = {
      ...flag,
      reason: '与「一中第一党支部」2026年上半年 报告（#106）相似度 90%，达到雷同阈值 80%',
      evidence: { ...flag.evidence, other: { ...match(6, 106, '一中第一党支部'), periodName: '2026年上半年' }, alsoSimilar: [] },
    };
    const [out] = redactDuplicateFlags([named], () => false);
    expect(out.reason).toBe('与管辖范围外某单位2026年上半年 报告相似度 90%，达到雷同阈值 80%');
    expect(out.evidence?.other).toMatchObject({ periodCode: '2026-H1', periodName: '2026年上半年', unitId: null });
  });

  it('redacts further matches outside the scope too', () => {
    const [out] = redactDuplicateFlags([flag], (id) => id === 6);
    expect(out.reason).toBe(flag.reason);
    expect((out.evidence?.alsoSimilar as { unitName: string }[])[0].unitName).toBe('管辖范围外某单位');
  });
});

describe('namedDuplicateUnits', () => {
  it('lists each unit a near_duplicate flag names, once', () => {
    expect(namedDuplicateUnits([cold, flag, flag])).toEqual([6, 8]);
    expect(namedDuplicateUnits([cold])).toEqual([]);
  });
});
