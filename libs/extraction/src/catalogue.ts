// The default metric catalogue (shared/spec/metric-catalogue.md, section 1) as DATA. It is seeded into
// the MetricDefinition table and an administrator may edit it: the extractor reads nothing but these
// fields, so a trigger added here (or a metric added there) takes effect without a code change.

export type MetricCategory = 'org' | 'study' | 'propaganda' | 'online' | 'civility' | (string & {});

export interface MetricDefinition {
  /** Stable key, e.g. `study.party_lecture`. */
  key: string;
  /** Chinese display name. */
  name: string;
  category: MetricCategory;
  /** Measure words (量词) a quantity of this metric is stated in, e.g. 次 场. A numeral followed by none of them is not this metric. */
  measureWords: string[];
  /** Words naming the activity or object counted. Near the numeral (same clause) they decide the key. */
  triggers: string[];
  normalization: 'per100' | 'per_unit';
  /** Weight of the metric in the intensity score. */
  weight: number;
  /** Generic words (学习, 信息, 发布…) that decide only when no specific trigger of any metric is in reach. */
  weakTriggers?: string[];
  /** If one of these stands in the clause before the numeral, this metric is not the one counted (中心组 for study.sessions). */
  excludeTriggers?: string[];
  /**
   * The metric counts people (人, 人次, 名). A people count with no trigger of its own in its clause
   * ("…宣讲26场，覆盖师生1200余人次") takes the key whose `activityTriggers` last appear earlier in the
   * same sentence, when the count is in person-times or the clause has a reach word (覆盖, 参与…).
   */
  people?: boolean;
  activityTriggers?: string[];
  /** Tie-break between equally specific triggers at similar distance (higher wins; default 0, range 0–50). */
  priority?: number;
  /** A disabled definition is kept (history) but not extracted. */
  enabled?: boolean;
}

export const DEFAULT_CATALOGUE: MetricDefinition[] = [
  {
    key: 'org.ideology_meeting',
    name: '意识形态专题会议/研判会',
    category: 'org',
    measureWords: ['次', '场'],
    triggers: ['意识形态工作专题会议', '意识形态专题会议', '意识形态工作会议', '研判会', '分析研判', '形势研判', '研判', '专题研究意识形态', '研究意识形态', '研究部署意识形态', '部署意识形态', '研究宣传思想', '部署宣传思想', '宣传思想工作专题会', '宣传思想文化工作专题会', '专题研判', '联席会议', '意识形态工作领导小组会议', '专题会议', '专题会', '形势分析', '思想动态分析', '思想动态研判', '思想状况分析'],
    weakTriggers: ['领导小组会议'],
    // business situation analyses (治安形势研判, 经济运行分析) are not about ideology
    excludeTriggers: ['治安', '警情', '案情', '经济运行', '经济形势', '安全形势', '汛情', '疫情', '税收', '财政收支', '市场形势', '生产经营'],
    normalization: 'per_unit',
    weight: 1.5,
    priority: 10,
  },
  {
    key: 'org.committee_meeting',
    name: '支委会',
    category: 'org',
    measureWords: ['次'],
    triggers: ['支委会', '支部委员会', '支委会议', '支委扩大会', '总支委员会', '党委会', '党委会议', '党总支会议', '总支会', '党组会', '党组会议', '党工委会', '党工委会议'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'org.member_meeting',
    name: '党员大会',
    category: 'org',
    measureWords: ['次'],
    triggers: ['党员大会', '全体党员会议', '全体党员会'],
    weakTriggers: ['党员会议'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'org.inspection',
    name: '检查考核/督查',
    category: 'org',
    measureWords: ['次', '轮'],
    triggers: ['检查', '督查', '考核', '巡查', '督导', '抽查', '暗访', '巡察', '排查', '自查', '督促检查', '评估', '监察', '专项监察'],
    // the unit's business inspections (safety, fire, law enforcement…) are not checks of ideology work
    excludeTriggers: ['安全检查', '安全生产', '安全隐患', '消防', '执法', '食品', '药品', '质量', '环境', '环保', '卫生', '防汛', '燃气', '特种设备', '交通安全', '疫情', '税务检查', '审计'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'org.responsibility_letters',
    name: '责任书/责任状',
    category: 'org',
    measureWords: ['份'],
    triggers: ['责任书', '责任状', '承诺书'],
    // clean-governance and other pledges are not ideology-work responsibility letters (catalogue synonyms)
    excludeTriggers: ['廉政', '廉洁', '安全生产', '安全', '从业', '自律', '保密', '禁毒', '消防', '师德'],
    normalization: 'per_unit',
    weight: 0.5,
  },
  {
    key: 'study.sessions',
    name: '集中学习/集体学习/专题学习/政治学习/读书会',
    category: 'study',
    measureWords: ['次', '场', '期'],
    triggers: ['集中学习', '集体学习', '专题学习', '政治学习', '理论学习', '读书会', '集体阅读', '学习研讨', '专题研讨', '交流研讨', '研讨交流', '学习会', '读书班', '学习日', '集中研学', '学习交流'],
    weakTriggers: ['学习', '研讨'],
    excludeTriggers: ['中心组'],
    normalization: 'per100',
    weight: 1,
  },
  {
    key: 'study.central_group',
    name: '理论学习中心组学习',
    category: 'study',
    measureWords: ['次', '场', '期'],
    triggers: ['理论学习中心组', '中心组'],
    normalization: 'per_unit',
    weight: 1.5,
    priority: 20,
  },
  {
    key: 'study.party_lecture',
    name: '党课',
    category: 'study',
    measureWords: ['次', '场', '堂', '期'],
    triggers: ['党课', '微党课'],
    normalization: 'per_unit',
    weight: 1,
    priority: 10,
  },
  {
    key: 'study.theme_day',
    name: '主题党日',
    category: 'study',
    measureWords: ['次', '场', '期'],
    triggers: ['主题党日', '党日活动'],
    normalization: 'per_unit',
    weight: 1,
    priority: 10,
  },
  {
    key: 'study.training_sessions',
    name: '培训/培训班',
    category: 'study',
    measureWords: ['期', '次', '场', '班', '轮'],
    triggers: ['培训班', '培训', '轮训', '研修班', '培训会', '训练营'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'study.training_attendance',
    name: '培训人次',
    category: 'study',
    measureWords: ['人次', '人', '名', '位'],
    triggers: ['培训', '参训', '轮训', '受训', '培训班', '学员'],
    activityTriggers: ['培训', '参训', '轮训', '培训班', '研修班'],
    people: true,
    normalization: 'per100',
    weight: 1,
    priority: 10,
  },
  {
    key: 'propaganda.news',
    name: '新闻/信息/稿件发布',
    category: 'propaganda',
    measureWords: ['篇', '条', '期'],
    triggers: ['网站', '门户网站', '校园网', '官网', '新闻', '专栏', '简报', '工作动态', '宣传报道', '通讯稿', '网页'],
    weakTriggers: ['信息', '动态', '稿件', '文章', '报道', '编发'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'propaganda.external_submissions',
    name: '投稿/报送/上稿/被采用',
    category: 'propaganda',
    measureWords: ['篇', '条'],
    triggers: ['投稿', '报送', '上报', '上稿', '采用', '采纳', '录用', '刊发', '刊登', '媒体', '报刊', '日报', '电视台', '融媒体', '学习强国'],
    // 转载 alone does not say who reprinted (被…转载 is outside media, 含转载 the unit's own site)
    weakTriggers: ['发表', '供稿', '转载'],
    normalization: 'per_unit',
    weight: 1,
    priority: 20,
  },
  {
    key: 'propaganda.new_media_posts',
    name: '公众号/微博/抖音推送',
    category: 'propaganda',
    measureWords: ['篇', '条', '期', '个'],
    triggers: ['公众号', '微信', '微博', '抖音', '视频号', '快手', '新媒体', '推送', '推文', '头条号', '短视频', '微视频', '公众平台'],
    normalization: 'per_unit',
    weight: 1,
    priority: 10,
  },
  {
    key: 'propaganda.displays',
    name: '展板/宣传画/海报/横幅/标语/电子屏',
    category: 'propaganda',
    measureWords: ['块', '幅', '张', '条', '处', '个', '面', '期'],
    triggers: ['展板', '宣传画', '海报', '横幅', '标语', '电子屏', '显示屏', '宣传栏', '宣传墙', '橱窗', '条幅', '挂图', '宣传牌', '公益广告', '文化墙', '展牌', '灯箱', '道旗', '大屏', 'LED', '宣传专栏', '文化长廊', '广告牌', '滚动屏', '电子屏幕', '显示屏幕', '墙体标语', '宣传标牌'],
    normalization: 'per_unit',
    weight: 0.5,
    priority: 10,
  },
  {
    key: 'propaganda.lectures',
    name: '宣讲/报告会',
    category: 'propaganda',
    measureWords: ['场', '次', '场次', '期'],
    triggers: ['宣讲', '报告会', '讲座', '巡讲', '宣讲会', '辅导报告', '形势报告', '道德讲堂'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'propaganda.lecture_audience',
    name: '宣讲受众',
    category: 'propaganda',
    measureWords: ['人次', '人', '名', '位'],
    triggers: ['宣讲', '受众', '听众', '报告会', '讲座', '聆听'],
    activityTriggers: ['宣讲', '报告会', '讲座', '巡讲', '辅导报告', '道德讲堂'],
    people: true,
    normalization: 'per100',
    weight: 1,
  },
  {
    key: 'online.commentators',
    name: '网络舆情员/网评员/信息员',
    category: 'online',
    measureWords: ['人', '名', '位'],
    triggers: ['舆情员', '舆情信息员', '信息员', '网评员', '网络评论员', '评论员', '网评队伍', '网宣员', '通讯员', '网评', '宣传员', '监测员'],
    excludeTriggers: ['培训', '参训', '轮训'],
    people: true,
    normalization: 'per100',
    weight: 1,
  },
  {
    key: 'online.incidents',
    name: '网络舆情处置',
    category: 'online',
    measureWords: ['起', '件', '条'],
    triggers: ['舆情', '舆情信息', '舆情事件', '网络舆情', '负面舆情', '有害信息', '不良信息', '舆论事件', '谣言', '敏感信息'],
    normalization: 'per_unit',
    weight: 1,
    priority: 20,
  },
  {
    key: 'civility.volunteer_activities',
    name: '志愿服务活动',
    category: 'civility',
    measureWords: ['次', '场', '项', '期'],
    triggers: ['志愿服务', '志愿活动', '志愿者活动', '学雷锋', '义务劳动', '义诊'],
    // volunteers' service counted in 次/场 (组织党员志愿者开展服务12次, 法律咨询服务12次)
    weakTriggers: ['志愿者', '咨询服务', '劝导服务', '引导服务', '便民服务', '义务服务', '上门服务', '服务活动'],
    normalization: 'per_unit',
    weight: 1,
    priority: 5,
  },
  {
    key: 'civility.volunteer_attendance',
    name: '志愿服务参与人次',
    category: 'civility',
    measureWords: ['人次', '人', '名', '位'],
    triggers: ['志愿者', '志愿服务', '志愿活动', '义工', '学雷锋'],
    activityTriggers: ['志愿服务', '志愿者', '志愿活动', '学雷锋', '义务劳动', '义诊'],
    people: true,
    normalization: 'per100',
    weight: 1,
  },
  {
    key: 'civility.pairings',
    name: '结对共建/结对帮扶',
    category: 'civility',
    measureWords: ['个', '户', '对', '家', '所'],
    triggers: ['结对', '共建', '帮扶', '结成', '联建', '手拉手', '结亲'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'civility.cultural_events',
    name: '文体活动/比赛/读书活动/主题实践活动/主题教育活动',
    category: 'civility',
    measureWords: ['场', '次', '项', '届', '期'],
    triggers: ['文体活动', '文化活动', '文艺活动', '比赛', '竞赛', '大赛', '联赛', '邀请赛', '运动会', '读书活动', '读书节', '读书分享', '主题实践活动', '实践活动', '诵读', '朗诵', '合唱', '演讲', '征文', '汇演', '演出', '晚会', '观影', '电影', '书画', '摄影', '展览', '游园', '故事会', '红歌', '主题队会', '知识竞答', '文明实践活动', '主题教育活动', '思想政治教育活动', '宣传教育活动', '教育实践活动', '展演', '展示展演', '阅读推广', '全民阅读', '篮球赛', '球赛', '赛事', '放映', '文艺汇演', '等活动'],
    weakTriggers: ['主题活动', '庆祝活动', '纪念活动', '系列活动', '教育活动'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'civility.event_attendance',
    name: '活动参与人次',
    category: 'civility',
    measureWords: ['人次', '人', '名', '位'],
    triggers: ['观众', '观看'],
    // the events of civility.cultural_events a people count takes its key from
    activityTriggers: ['文体活动', '文化活动', '文艺活动', '比赛', '竞赛', '大赛', '运动会', '读书活动', '读书节', '主题实践活动', '实践活动', '诵读', '朗诵', '演讲', '征文', '汇演', '演出', '晚会', '观影', '电影', '放映', '展览', '展演', '游园', '故事会', '红歌', '知识竞答', '文明实践活动', '主题教育活动', '思想政治教育活动', '宣传教育活动', '教育活动', '主题活动', '庆祝活动', '纪念活动', '阅读推广', '篮球赛', '球赛', '等活动'],
    people: true,
    normalization: 'per100',
    weight: 1,
  },
  {
    key: 'propaganda.materials',
    name: '宣传资料/宣传单/手册发放',
    category: 'propaganda',
    measureWords: ['份', '册', '本', '张'],
    triggers: ['宣传资料', '宣传材料', '资料', '宣传单', '传单', '宣传页', '宣传册', '手册', '册子', '折页', '倡议书', '明白纸', '明白卡', '一封信', '公开信', '读本', '口袋书', '宣传品', '指南', '漫画'],
    weakTriggers: ['发放', '分发', '派发', '印发', '印制', '赠送', '发送'],
    normalization: 'per_unit',
    weight: 0.5,
    priority: 5,
  },
  {
    key: 'study.attendance',
    name: '参学人次',
    category: 'study',
    measureWords: ['人次', '人', '名', '位'],
    triggers: ['参学', '参学人员', '参学人次'],
    // the study a people count takes its key from (not training: study.training_attendance)
    activityTriggers: ['集中学习', '集体学习', '专题学习', '政治学习', '理论学习', '读书会', '学习研讨', '专题研讨', '学习会', '读书班', '中心组', '党课', '微党课', '主题党日', '党日活动'],
    people: true,
    normalization: 'per100',
    weight: 1,
    priority: 10,
  },
  {
    key: 'study.writings',
    name: '心得体会/学习笔记/研讨材料/调研报告',
    category: 'study',
    measureWords: ['篇', '份', '本'],
    triggers: ['心得体会', '心得', '学习体会', '体会文章', '学习笔记', '读书笔记', '研讨材料', '交流材料', '发言材料', '研讨发言', '调研报告', '调研文章', '理论文章', '研讨文章', '思想汇报', '读后感', '观后感', '学习感悟'],
    weakTriggers: ['撰写', '体会'],
    normalization: 'per_unit',
    weight: 1,
    priority: 10,
  },
  {
    key: 'org.issues_found',
    name: '查摆/发现问题',
    category: 'org',
    measureWords: ['个', '项', '条', '处'],
    triggers: ['发现问题', '查摆问题', '查找问题', '梳理问题', '排查问题', '发现', '查摆', '查找', '查出', '梳理出', '排查出', '查摆出', '查找出', '风险隐患', '风险点', '隐患', '问题清单'],
    weakTriggers: ['问题'],
    normalization: 'per_unit',
    weight: 1,
  },
  {
    key: 'org.issues_fixed',
    name: '整改',
    category: 'org',
    measureWords: ['个', '项', '条', '处'],
    // problems both found and rectified in one count are rectified (发现并督促整改问题15项)
    triggers: ['整改', '整改问题', '整改到位', '已整改', '督促整改', '解决问题', '解决突出问题', '销号', '整改完成'],
    normalization: 'per_unit',
    weight: 1,
  },
];

/**
 * Political formulas and set phrases whose numerals are never metrics (rule 3). Extendable: the
 * extractor takes the list as an option. Generic shapes (二十届四中全会, 党的十九大, 第N…, 首届) are
 * recognised by the extractor itself.
 */
export const DEFAULT_FORMULAS: string[] = [
  '三会一课', '两学一做', '四个自信', '四个意识', '四种意识', '两个维护', '两个确立', '一岗双责', '四风', '三严三实',
  '十五大', '十六大', '十七大', '十八大', '十九大', '二十大', '二十一大', '二十二大', '十四五', '十五五', '十三五', '一把手', '一手硬一手软', '一手抓', '两手抓',
  '一级抓一级', '层层抓落实', '第一责任人', '第一责任', '四官', '五育并举', '三全育人', '一会一报', '一会一审', '三审三校',
  '五老', '第一议题', '第一粒扣子', '第一课', '第一时间', '第一线', '四个结合', '四个服从', '四个全面', '五位一体',
  '两个一百年', '两个大局', '两个务必', '三个代表', '三个务必', '四个伟大', '四个坚持', '四下基层', '八项规定',
  '两个责任', '三重一大', '一网通办', '一站式', '一盘棋', '一体化', '一对一', '一帮一', '一人一', '一校一', '一村一',
  '一支部一', '三个一', '五个一', '百年大党', '千万工程', '百千万', '三农', '三基', '两新', '两委', '四史',
  '三个区分开来', '四个落实', '五个坚持', '一线', '一批', '一系列', '进一步', '一体推进', '两个作用', '两个覆盖',
  '四项监督', '四种形态', '六稳', '六保', '十个明确', '十四个坚持', '十三个方面', '两个结合', '三个务必', '九个必须',
];
