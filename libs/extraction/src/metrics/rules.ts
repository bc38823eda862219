// The order in which a count gets its metric — read top to bottom. A `find` step runs while nothing
// has named the count (its own window first, then the ways a report names a count from elsewhere); a
// `check` step looks at what was found and may drop it or re-key it. A find step may also settle that
// the count is no metric (NO_METRIC). Counts that no step names yield nothing. See README, "Adding
// vocabulary or a rule".
import { bareOneNextToItsWord, bareOneNotComparedWith } from './bare-one';
import { byAddedCount } from './by-added-count';
import { byCoordinatedCounts } from './by-coordinated-counts';
import { byOwnWindow } from './by-own-window';
import { byPeopleActivity } from './by-people-activity';
import { byPerUnitTotal } from './by-per-unit-total';
import { bySplitTrigger } from './by-split-trigger';
import { bySubsetWhole } from './by-subset-whole';
import { byTopicClause } from './by-topic-clause';
import { byTotalClause } from './by-total-clause';
import { partOfSpecificWhole } from './part-of-specific-whole';
import { problemIsTheHead } from './problem-head';
import { sentenceSubject } from './sentence-subject';
import type { Step } from './rule';

export const RULES: readonly Step[] = [
  { find: byOwnWindow }, //          召开支委会6次 · 6次支委会 · 宣传墙1面、电子显示屏1块
  { find: byTotalClause }, //        开展志愿服务活动，共计12场
  { find: byPerUnitTotal }, //       签了责任书，又跟3个班组长各签了一份，一共签了4份
  { find: byTopicClause }, //        党课这一块，我给大家讲了2次课
  { find: byAddedCount }, //         讲了2次课，又请领导来讲了1次
  { find: byCoordinatedCounts }, //  1名护士长、2名青年医师担任信息员
  { find: bySplitTrigger }, //       专题研究2次意识形态工作
  { check: bareOneNextToItsWord }, // 讲党课一次, not 一 three words away
  { check: bareOneNotComparedWith }, // 比发一篇长文章管用
  { check: problemIsTheHead }, //    对发现的2处宣传栏内容过期问题 → a problem, not a display
  { find: byPeopleActivity }, //     开展宣讲两场，覆盖学生2000人
  { find: bySubsetWhole }, //        志愿服务活动10次，其中3次在社区
  { check: partOfSpecificWhole }, // 中心组学习11次，其中专题研讨4次 → 中心组
  { check: sentenceSubject }, //     理论学习中心组…，全年开展专题研讨6次 → 中心组
];
