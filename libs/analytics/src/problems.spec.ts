import { clusterProblems, problemCore, type ProblemText } from './problems';

const p = (unitCode: string, text: string, reportId = 1): ProblemText => ({ unitCode, unitName: `${unitCode}支部`, reportId, text });

describe('clusterProblems', () => {
  it('groups the same problem worded differently across units, largest first, each unit once', () => {
    const clusters = clusterProblems([
      p('a', '学习形式单一，青年党员参与积极性不高。'),
      p('b', '学习形式单一，与业务结合不紧。'),
      p('c', '分散作业点的学习难以集中，形式较为单一。'),
      p('c', '个别党员学习形式比较单一。'),
      p('d', '对网络舆情的研判能力仍需提升。'),
      p('e', '个别支部对网络阵地管理重视不够。'),
      p('f', '网络舆情研判能力有待进一步提升'),
    ]);
    expect(clusters[0]).toMatchObject({ label: '学习形式单一', count: 3 });
    expect(clusters[0].units.map((u) => u.unitCode)).toEqual(['a', 'b', 'c']);
    const opinion = clusters.find((c) => c.units.some((u) => u.unitCode === 'd'));
    expect(opinion?.units.map((u) => u.unitCode)).toEqual(['d', 'f']);
    expect(clusters.find((c) => c.units.some((u) => u.unitCode === 'e'))?.count).toBe(1);
    // Unrelated problems are not merged because they share filler.
    expect(clusters.every((c) => !(c.units.some((u) => u.unitCode === 'a') && c.units.some((u) => u.unitCode === 'd')))).toBe(true);
  });

  it('drops the words every report uses', () => {
    expect(problemCore('二是个别党员存在学习不深入的问题')).toBe('党员学习不深入');
  });
});
