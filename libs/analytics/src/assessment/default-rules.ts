// The 细则 a new installation starts from: the six sections published 意识形态工作责任制考核细则
// commonly have, 100 points, each automatic item on a catalogue metric. Targets are for a year
// (a half-year draft needs half). Administrators edit it; this is only the first version.

import type { AssessmentItem, AssessmentRules } from './rules';

const reach = (id: string, title: string, points: number, metrics: string[], target: number, scale: 'proportional' | 'stepwise' = 'proportional', basis: 'unit' | 'per100' = 'unit'): AssessmentItem =>
  scale === 'stepwise' ? { id, title, points, kind: 'reach', metrics, target, basis, scale, steps: target } : { id, title, points, kind: 'reach', metrics, target, basis, scale };

export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  title: '意识形态工作责任制考核细则',
  targets: 'annual',
  sections: [
    {
      id: 'org',
      title: '组织领导',
      items: [
        reach('org.meeting', '党组（党委）专题研究意识形态工作，全年不少于2次', 5, ['org.ideology_meeting'], 2, 'stepwise'),
        reach('org.letters', '层层签订意识形态工作责任书', 3, ['org.responsibility_letters'], 1),
        reach('org.inspection', '开展意识形态工作检查督查，全年不少于2次', 4, ['org.inspection'], 2, 'stepwise'),
        reach('org.committee', '按期召开支委会（党委会），每月不少于1次', 3, ['org.committee_meeting'], 12),
        { id: 'org.body', title: '有专门工作机构和人员，职责明确', points: 5, kind: 'manual', guide: '查阅机构设置文件、人员分工' },
      ],
    },
    {
      id: 'study',
      title: '学习教育',
      items: [
        reach('study.central', '理论学习中心组学习每季度不少于1次', 6, ['study.central_group'], 4, 'stepwise'),
        reach('study.sessions', '组织党员集中学习，全年不少于12次', 5, ['study.sessions'], 12),
        reach('study.lectures', '讲授党课，全年不少于4次', 4, ['study.party_lecture'], 4, 'stepwise'),
        reach('study.training', '举办培训班，全年不少于2期', 5, ['study.training_sessions'], 2, 'stepwise'),
      ],
    },
    {
      id: 'propaganda',
      title: '宣传阵地',
      items: [
        reach('propaganda.news', '本单位网站、平台发布信息，全年不少于24篇', 5, ['propaganda.news', 'propaganda.new_media_posts'], 24),
        reach('propaganda.external', '向上级报送信息被采用，全年不少于6篇', 5, ['propaganda.external_submissions'], 6),
        reach('propaganda.lectures', '开展面向群众的宣讲活动，全年不少于4场', 5, ['propaganda.lectures'], 4, 'stepwise'),
        reach('propaganda.displays', '宣传栏、展板等阵地建设', 5, ['propaganda.displays'], 10),
      ],
    },
    {
      id: 'online',
      title: '网络舆情',
      items: [
        reach('online.team', '建立网评员（信息员）队伍', 5, ['online.commentators'], 3),
        reach('online.incidents', '开展网络舆情研判处置', 5, ['online.incidents'], 2, 'stepwise'),
      ],
    },
    {
      id: 'civility',
      title: '精神文明',
      items: [
        reach('civility.volunteer', '开展志愿服务活动，全年不少于6次', 5, ['civility.volunteer_activities'], 6),
        reach('civility.events', '开展文体、主题实践活动，全年不少于4次', 5, ['civility.cultural_events'], 4),
        reach('civility.pairing', '开展结对共建', 5, ['civility.pairings'], 1),
      ],
    },
    {
      id: 'quality',
      title: '报送质量',
      items: [
        { id: 'quality.missing', title: '按时报送工作总结（未报送的扣5分）', points: 5, kind: 'deduct', event: 'missing_report', perEvent: 5 },
        { id: 'quality.late', title: '报送不及时的扣1分', points: 2, kind: 'deduct', event: 'late_report', perEvent: 1 },
        { id: 'quality.duplicate', title: '材料雷同、照搬照抄的扣3分', points: 3, kind: 'deduct', event: 'near_duplicate', perEvent: 3 },
        { id: 'quality.template', title: '套用模板未填写实际数字的扣2分', points: 2, kind: 'deduct', event: 'unfilled_template', perEvent: 2 },
        { id: 'quality.cadence', title: '自定工作制度未落实的，每项扣1分', points: 3, kind: 'deduct', event: 'cadence_not_kept', perEvent: 1 },
      ],
    },
  ],
};
