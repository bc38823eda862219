import { planTargets } from './plan-targets';

describe('planTargets', () => {
  it('reads the numbers a plan promises as counts of their metric', () => {
    expect(planTargets('力争第四季度开展健康宣讲不少于20场。')).toEqual([{ key: 'propaganda.lectures', target: 20, unit: '场' }]);
    expect(planTargets('下半年计划开展集中学习不少于6次，组织一次道路一线调研。')).toEqual([{ key: 'study.sessions', target: 6, unit: '次' }]);
  });
  it('finds nothing in a plan without a number', () => {
    expect(planTargets('进一步加强理论武装，提高思想认识。')).toEqual([]);
  });
});
