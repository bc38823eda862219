// Display names of the default metric catalogue (shared/spec/metric-catalogue.md) in both
// languages. The catalogue is data the api serves (GET /api/metrics, names editable there); these
// labels only name keys when that list is not at hand, and give the English names.
export const METRIC_LABELS: Record<string, { zh: string; en: string }> = {
  'org.ideology_meeting': { zh: '意识形态专题会议', en: 'Ideology meetings' },
  'org.committee_meeting': { zh: '支委会', en: 'Branch committee meetings' },
  'org.member_meeting': { zh: '党员大会', en: 'Member meetings' },
  'org.inspection': { zh: '检查考核/督查', en: 'Inspections' },
  'org.responsibility_letters': { zh: '责任书', en: 'Responsibility letters' },
  'study.sessions': { zh: '集中学习', en: 'Study sessions' },
  'study.central_group': { zh: '中心组学习', en: 'Central-group study' },
  'study.party_lecture': { zh: '党课', en: 'Party lectures' },
  'study.theme_day': { zh: '主题党日', en: 'Theme party days' },
  'study.training_sessions': { zh: '培训', en: 'Training sessions' },
  'study.training_attendance': { zh: '培训人次', en: 'People trained' },
  'propaganda.news': { zh: '新闻/信息发布', en: 'News published' },
  'propaganda.external_submissions': { zh: '投稿/被采用', en: 'External submissions' },
  'propaganda.new_media_posts': { zh: '新媒体推送', en: 'New-media posts' },
  'propaganda.displays': { zh: '展板/标语', en: 'Displays' },
  'propaganda.lectures': { zh: '宣讲/报告会', en: 'Lectures' },
  'propaganda.lecture_audience': { zh: '宣讲受众', en: 'Lecture audience' },
  'online.commentators': { zh: '网评员/信息员', en: 'Online commentators' },
  'online.incidents': { zh: '网络舆情处置', en: 'Online incidents handled' },
  'civility.volunteer_activities': { zh: '志愿服务活动', en: 'Volunteer activities' },
  'civility.volunteer_attendance': { zh: '志愿服务人次', en: 'Volunteer attendance' },
  'civility.pairings': { zh: '结对共建', en: 'Pairings' },
  'civility.cultural_events': { zh: '文体/主题实践活动', en: 'Cultural events' },
};

export const CATEGORY_LABELS: Record<string, { zh: string; en: string }> = {
  org: { zh: '组织领导', en: 'Organisation' },
  study: { zh: '理论学习', en: 'Study' },
  propaganda: { zh: '宣传教育', en: 'Propaganda' },
  online: { zh: '网络阵地', en: 'Online' },
  civility: { zh: '精神文明', en: 'Civility' },
};

export const METRIC_KEYS = Object.keys(METRIC_LABELS);

export function metricLabel(key: string, lang: 'zh' | 'en', names?: ReadonlyMap<string, string>): string {
  if (lang === 'zh' && names?.has(key)) return names.get(key)!;
  const l = Object.hasOwn(METRIC_LABELS, key) ? METRIC_LABELS[key] : undefined;
  // a metric an administrator added has only its catalogue name
  return l ? l[lang] : (names?.get(key) ?? key);
}
