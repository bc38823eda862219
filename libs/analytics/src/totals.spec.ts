import { mention } from './fixtures.spec-helper';
import { countsTowardTotals, factCount, totalsFor } from './totals';

const SUB = 'propaganda.external_submissions';
const NEWS = 'propaganda.news';

describe('totalsFor: review rules', () => {
  it('counts confirmed, corrected and unreviewed mentions and never rejected ones', () => {
    const totals = totalsFor([
      mention(NEWS, 10, { state: 'confirmed' }),
      mention(NEWS, 5, { state: 'corrected' }),
      mention(NEWS, 3, { state: 'unreviewed' }),
      mention(NEWS, 100, { state: 'rejected' }),
    ]);
    expect(totals).toEqual({ [NEWS]: 18 }); // 10 + 5 + 3
  });

  it('lets an unreviewed auto mention count until it is reviewed', () => {
    const auto = mention(NEWS, 7);
    expect(totalsFor([auto])).toEqual({ [NEWS]: 7 });
    expect(totalsFor([{ ...auto, state: 'rejected' }])).toEqual({});
    expect(totalsFor([{ ...auto, state: 'corrected', value: 9 }])).toEqual({ [NEWS]: 9 });
  });

  it('counts a manual mention a person typed in', () => {
    expect(totalsFor([mention(NEWS, 4, { origin: 'manual', state: 'confirmed' })])).toEqual({ [NEWS]: 4 });
    expect(totalsFor([mention(NEWS, 4, { origin: 'manual', state: 'unreviewed' })])).toEqual({ [NEWS]: 4 });
    expect(totalsFor([mention(NEWS, 4, { origin: 'manual', state: 'rejected' })])).toEqual({});
  });

  it('ignores values that are not finite non-negative numbers', () => {
    expect(totalsFor([mention(NEWS, Number.NaN), mention(NEWS, -3), mention(NEWS, Infinity), mention(NEWS, 2)])).toEqual({ [NEWS]: 2 });
    expect(countsTowardTotals(mention(NEWS, -1))).toBe(false);
  });
});

describe('totalsFor: same-key subsets (catalogue rule 5)', () => {
  it('does not add a same-key subset to its whole', () => {
    // 报送信息65篇，其中被采用18篇 → 65, not 83
    expect(totalsFor([mention(SUB, 65), mention(SUB, 18, { subset: true })])).toEqual({ [SUB]: 65 });
  });

  it('sums several wholes of one key but none of their subsets', () => {
    // 65 (其中 18) + 20 (其中 4) → 85
    const mentions = [mention(SUB, 65), mention(SUB, 18, { subset: true }), mention(SUB, 20), mention(SUB, 4, { subset: true })];
    expect(totalsFor(mentions)).toEqual({ [SUB]: 85 });
  });

  it('counts a subset of another key as its own figure', () => {
    // 开展集中学习24次，其中中心组学习12次 → two keys, neither marked subset
    expect(totalsFor([mention('study.sessions', 24), mention('study.central_group', 12)])).toEqual({
      'study.sessions': 24,
      'study.central_group': 12,
    });
  });

  it('lets the largest subset stand in when its whole was rejected', () => {
    const mentions = [
      mention(SUB, 65, { state: 'rejected' }),
      mention(SUB, 18, { subset: true }),
      mention(SUB, 5, { subset: true }), // 其中省级5篇: nested, not added
    ];
    expect(totalsFor(mentions)).toEqual({ [SUB]: 18 });
  });

  it('does not count a rejected subset even then', () => {
    expect(totalsFor([mention(SUB, 65, { state: 'rejected' }), mention(SUB, 18, { subset: true, state: 'rejected' })])).toEqual({});
  });
});

describe('factCount', () => {
  it('counts every stated figure that counts, subsets included', () => {
    expect(factCount([mention(SUB, 65), mention(SUB, 18, { subset: true }), mention(NEWS, 3, { state: 'rejected' })])).toBe(2);
  });
});
