import { describeRules, parseOffsets } from './rules';

const zh = (z: string) => z;

it('parses reminder days as the api checks them', () => {
  expect(parseOffsets(['-7', '3', 0, '+1', '－3'], zh)).toEqual({ offsets: [-7, -3, 0, 1, 3] });
  expect(parseOffsets(['x'], zh)).toEqual({ error: '“x”不是整数天数' });
  expect(parseOffsets(['1.5'], zh)).toHaveProperty('error');
  expect(parseOffsets(['-91'], zh)).toHaveProperty('error');
  expect(parseOffsets([], zh)).toEqual({ error: '提醒节点须为 1 到 12 个' });
  expect(parseOffsets(Array.from({ length: 13 }, (_, i) => i), zh)).toHaveProperty('error');
  expect(parseOffsets(['1', '+1'], zh)).toEqual({ error: '提醒节点不能重复' });
});

it('says the schedule in words', () => {
  expect(describeRules({ offsets: [3, -7, 0], escalate: true, catchUpDays: 2 }, zh)).toEqual([
    '截止前 7 天、截止当天、逾期 3 天提醒未报送单位的支部书记',
    '逾期 3 天时同时告知上级单位领导',
    '某天未能发出的提醒，2 天内补发',
  ]);
  expect(describeRules({ offsets: [-1], escalate: false, catchUpDays: 0 }, zh)).toEqual(['截止前 1 天提醒未报送单位的支部书记']);
});
