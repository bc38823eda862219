// The extractor's language, as data: every word list, set and pattern the rules read — none of them
// is metric vocabulary (that is the catalogue's triggers, see catalogue.ts). Compiled once, when the
// module loads; a rule never builds a RegExp or a Set per call. To teach the extractor a phrasing,
// add the word to the list that names its role here, then a case to the spec of the rule that reads it
// (README, "Adding vocabulary or a rule").
import type { CadencePeriod } from '@thermocline/contracts';

// ---- measure words

/** Counted things that are no metric; they end a trigger window and mark where a count stood. */
export const OTHER_UNITS = ['场次', '篇次', '件次', '期次', '条次', '支', '册', '种', '类', '批', '组', '本', '部', '套', '台', '万元', '元', '天', '小时', '课时', '学时', '节', '门', '间', '座', '辆', '岁', '分', '年', '月', '日', '周', '个月', '家', '所', '位', '件', '项', '名', '人', '个', '回'];
/** Compound measure words read as their head when no definition lists them (12场次 → 场). */
export const UNIT_ALIASES: Record<string, string> = { 场次: '场', 篇次: '篇', 件次: '件', 期次: '期', 条次: '条', 次数: '次', 回: '次' };
/** Measure words before which a placeholder (x次) stands where a count belongs. */
export const PLACEHOLDER_UNITS = ['人次', '次', '场', '期', '篇', '条', '块', '幅', '张', '处', '份', '人', '名', '个', '户', '对', '项', '届', '轮', '起', '件', '堂', '班', '位', '家', '所', '支', '批', '万元', '元', '课时', '学时'];
/** measure + next character that make an ordinary word, not a count (十一期间, 3次数…). */
export const UNIT_WORDS = new Set(['期间', '期末', '期初', '期刊', '期待', '期望', '期限', '场所', '场地', '场景', '场馆', '场合', '次日', '次年', '次月', '次数', '人员', '人民', '人口', '人才', '人数', '人士', '人物', '人选', '人大', '人心', '人文', '人生', '人家', '人事', '名单', '名称', '名义', '名额', '名录', '名誉', '个人', '个别', '个性', '个体', '条例', '条件', '条款', '条线', '份额', '届时', '处理', '处置', '处室', '处长', '处级', '项目', '对象', '对于', '对照', '对接', '对标', '对待', '户籍', '家庭', '家长', '家属', '家风', '所有', '所属', '所在', '所以', '面向', '面积', '面貌', '面对', '起来', '起点', '起草', '班子', '班级', '班长', '位置', '件事', '张贴', '篇章', '篇幅', '轮流', '轮岗', '块面', '次性', '场次性', '支部', '支持', '组织', '组长', '部门', '部署', '分析', '分管', '分别', '分享', '年度', '年级', '月份', '周年', '日常', '门户', '台账', '种子', '批次', '间隙', '回应', '回复', '回访', '回顾', '回头', '回来', '回去', '回家', '回归', '回升', '回落', '回收', '回避', '回忆', '回报', '回答', '回馈', '回信', '回执', '回族', '回民', '回事', '回合', '回到', '回乡', '回村', '回流', '回潮', '回暖', '回望', '回看', '回放', '回传', '回炉', '回音', '回转', '回首']);
/** A period followed by these is a time frame (一年下来, 半年来, 三个月里), not a count: it does not end a window. */
export const TIME_FRAME_UNITS = new Set(['年', '月', '个月', '周', '天']);
export const TIME_FRAME_AFTER = /^(?:下来|以来|来|里|中|内|间)/;
/** After a measure word: the figure is approximate (300人左右, 2000人以上). */
export const APPROX_AFTER = ['左右', '上下', '以上', '之多'];
/** Before 近 these make a word (最近, 附近, 亲近, 就近), not "nearly". */
export const NOT_NEARLY_BEFORE = '最附亲就';
/** Between two figures: a range (3-5名, 三至五次); the second figure is no count of its own. */
export const RANGE_MARKS = '-~～至到—';
/** After N届 these make it a count of events (3届活动, 届比赛) rather than a congress (二十届四中全会). */
export const EVENT_AFTER_JIE = /[活比]/;
/** Before a bare Chinese 一 these make a word (统一, 唯一, 之一…), not a count. */
export const WORD_BEFORE_ONE = '统唯万之同逐专划初周星某第归';
/** Characters right before a count that are no verb (有2次, 共3场, 约5人…): 讲了2次 → 讲, 有2次 → ''. */
export const NOT_VERBS = '有是的共计达约近余多各了';

// ---- targets and the future: a count after these is a plan, not a fact

export const TARGETS = ['不少于', '不低于', '不超过', '至少', '确保', '力争', '争取', '预计', '拟', '计划', '每'];
/** 计划 after these (按照计划, 完成了计划) or before these (计划》, 计划书, 计划表) names a document, not a target. */
export const PLAN_DOC_BEFORE = '按照了';
export const PLAN_DOC_AFTER = '》书表';
/** 拟 after these (模拟, 草拟, 虚拟, 比拟) is no plan. */
export const NOT_PLAN_BEFORE_NI = '模草虚比';
/** 将 as the future: after one of these characters (还将, 也将, 即将…) or before one of these words (将继续, 将于…). */
export const FUTURE_PREV = '还也即并都又仍亦拟';
export const FUTURE_NEXT = ['于', '在', '继续', '持续', '进一步', '组织', '开展', '举办', '召开', '进行', '陆续', '逐步', '全面', '深入', '推出', '启动', '完成', '实现', '达到', '建立', '再', '适时', '定期', '每', '力争', '重点', '着力', '围绕', '以'];

// ---- what is no activity held

/** Awards won are not activities held: one of these before the count (荣获…2次), or AWARD_AFTER right after it (5项获奖). */
export const AWARDS = ['获奖', '荣获', '获评', '获得', '评为', '获表彰', '被评'];
export const AWARD_AFTER = '获奖';
/** A change against an earlier period (同比增加12篇, 较上年多开展3次) counts no activity. */
export const CHANGE = /(?:同比|环比|(?:较|比)(?:上|去年|前|同期|20\d\d)|相比)[^，,。；;]{0,12}?(?:增加|增长|减少|下降|提高|提升|增多|多|少)了?(?:开展|召开|举办|组织|发布|推送|制作)?\s*$/;
/** Problems found or put right (发现问题17个, 对发现的2处宣传栏内容过期问题) are no activity either. */
export const PROBLEM_FINDING = /发现|查找|查摆|查出|梳理出|整改|反馈/;
export const PROBLEM_NOUN = /问题|隐患|风险点/;
/** …the clause before the count ends with the problem noun (发现问题共12个). */
export const PROBLEM_NOUN_BEFORE = /(?:问题|隐患|风险点)(?:共|共计|累计)?\s*$/;
/** Measure words problems are counted in. */
export const PROBLEM_UNITS = new Set(['个', '处', '项', '条', '件']);
/** After an excluded business word, these make it the topic of public opinion (税收舆情), not the business. */
export const OPINION_AFTER = /^(?:领域|方面|类|相关)?(?:网络)?(?:舆情|舆论)/;
/** The standard of a comparison (比发一篇长文章管用): 比 and at most two characters before a bare 一. */
export const COMPARISON = /比([^，,。；;\s]{0,2})$/;
/** …unless 比 starts a word (比赛, 比武, 比例, 比重, 比较) or compares with the past (比上年, 比去年, 比同期). */
export const COMPARISON_WORD_AFTER = /^(?:赛|武|例|重|较|对|上|去|前|同|拼)/;
/** …or ends one (对比, 评比, 相比, 类比, 攀比). */
export const COMPARISON_WORD_BEFORE = /[对评相类攀]$/;

// ---- clause shapes the metrics rules read

/** A clause that holds nothing but a total (共计, 累计…) before its figure. */
export const TOTAL_ONLY = /^\s*(?:全年|半年|上半年|下半年|今年|本年度)?(?:共|一共|总共|共计|累计|合计|总计|计|达|共达)?(?:签订|签署|签|开展|举办|组织|召开|进行|完成|制作|设置|悬挂|张贴|印发)?了?\s*$/;
/** A figure given per unit (各明确1名, 各签了一份): 各 and a short verb before the count. */
export const PER_UNIT = /各[^，,。；;、]{0,4}$/;
/** The clause after a per-unit figure (各签了一份) that states the total (一共签了4份, 共7名). */
export const DISTRIBUTED_TOTAL = /^\s*(?:全年|合起来|加起来|总共)?(?:一共|共计|合计|总计|累计|共)[^，,。；;\n]{0,6}?[0-9一二两三四五六七八九十百千]/;
/** Between coordinated counts (1名护士长、2名青年医师 · 党员20名、群众5名): a short noun phrase and 、 和 及 与. */
export const COORDINATED = /^(?:[^，,。；;：:！？!?\n、]{0,12}(?:、|和|及|以及|与)|(?:、|和|及|以及|与)[^，,。；;：:！？!?\n、]{0,12})$/;
/** A short topic clause (党课这一块，…; 学习上，…) that the next clause comments on. */
export const TOPIC = /^\s*[^，,。；;：:\s]{1,8}?(这一块|这块|这一项|这方面|方面|上)\s*$/;
/** An added count (又…讲了1次, 还开了2次). */
export const ADDED = /[又还再另]/;
/** A clause starting with 被 (被采用27条): pieces accepted out of those submitted just before. */
export const ACCEPTED = /^\s*被/;
/** A people count whose own clause names another action (走访, 谈心…) is not borrowed by an earlier activity. */
export const OWN_ACTIONS = ['开展', '组织', '举办', '召开', '进行', '完成', '实施', '办理', '接待', '走访', '慰问', '谈心', '谈话', '约谈', '调研', '检查', '督查', '表彰', '评选', '发展', '处理'];
/** Reach words: a people count in their clause takes the activity named earlier in the sentence. */
export const PEOPLE_CUES = ['覆盖', '参与', '参加', '受众', '惠及', '受益', '听众', '观众', '累计', '共计', '合计', '总计', '吸引', '服务群众'];
/** Reach cues that only state a total: they do not hold when the count's own clause names another action (累计慰问15人). */
export const TOTAL_CUES = ['累计', '共计', '合计', '总计'];
/** A parenthesis opened right after a count with one of these holds a part or a restatement of that
 * count (56条（含转载8条）, 130期（合计发布图文信息312篇）): like 其中. */
export const PART_MARKERS = ['其中', '包括', '合计', '共计', '累计', '含', '共'];
/** A parenthesis with one of these before a count says what the thing includes, not what it is:
 * 召开支委会（含专题研究意识形态工作）12次 counts 支委会. */
export const INCLUDES = ['含', '包括', '其中'];
export const SENTENCE_END = /[。！？!?\n]/;

// ---- cadences

/** 每 + period (每半年, 每季度…): longest first, so that 每半年 is not read as 每年. */
export const PERIODS: [string, CadencePeriod][] = [
  ['半年', 'half_year'],
  ['季度', 'quarter'],
  ['星期', 'week'],
  ['年度', 'year'],
  ['个月', 'month'],
  ['季', 'quarter'],
  ['周', 'week'],
  ['月', 'month'],
  ['年', 'year'],
];
/** 一月一研判, 一季一检查: the period between the two 一. */
export const SHORT_PERIODS: [string, CadencePeriod][] = [
  ['周', 'week'],
  ['月', 'month'],
  ['季度', 'quarter'],
  ['季', 'quarter'],
  ['年', 'year'],
];
/** A word before 每 that a cadence's evidence keeps (坚持每周一次集体阅读). */
export const CADENCE_LEAD = '坚持';
/** Measure words of a cadence's times (每月一次, 每季度2场). */
export const CADENCE_UNITS = new Set(['次', '场', '回', '期', '堂', '轮']);

// ---- political formulas in general shape (the fixed ones are DEFAULT_FORMULAS)

export const FORMULA_PATTERNS = [
  /(?:[一二三四五六七八九十]{1,3}届)?[一二三四五六七八九十]{1,2}中全会/g,
  /[一二三四五六七八九十]{1,3}届(?:全国|省|市|县|区)?(?:人大|政协|党代会|人民代表大会|代表大会|全会|[一二三四五六七八九十]{1,2}次(?:全体)?会议)/g,
];
/** cheap guards: a pattern runs only when its anchor occurs in the text */
export const FORMULA_ANCHORS = ['中全会', '届'];

// ---- tables flattened into text

/** Between a table label and its figure (支委会召开次数：6). */
export const LABEL_SEP = new Set(['：', ':', '\t']);
/** After a label's figure: the cell ends. */
export const LABEL_STOP = new Set(['\n', '，', ',', '；', ';', '。', '、', '\t', ' ', '（', '(']);
/** A table cell that is a figure. */
export const CELL_NUMBER = /^[0-9][0-9,]*(?:\.[0-9]+)?$/;
/** Punctuation that no header cell or row label holds (it would be a sentence). */
export const CELL_PUNCT = /[，,。；;：:！？!?、]/;
/** A table's measure word stated above it (单位：次). */
export const TABLE_UNIT = /(?:单位|计量单位)[：:]\s*([^）)，,；;\s]{1,3})/;

// ---- report sections (structure.ts): headings and paragraphs that open the problems and the plans

export const PROBLEM_HEAD =
  /存在(?:的)?(?:主要|突出)?(?:问题|不足|短板|差距|困难|薄弱)|不足之处|薄弱环节|问题(?:和|与|及)不足|不足(?:和|与|及)问题|差距(?:和|与|及)不足|不足(?:和|与|及)差距|主要问题|困难(?:和|与|及)问题|问题(?:和|与|及)困难|问题清单|发现的?(?:主要)?问题$|短板(?:弱项|和不足|与不足)|(?<!补齐|弥补|补|补强)短板$|^(?:工作中的|当前的)?(?:问题|不足|短板|差距)$/;
export const PLAN_HEAD =
  /下一?步|下阶段|下一阶段|今后|打算|努力方向|改进措施|整改措施|对策|明年|来年|[0-9]{4}年(?:工作)?(?:计划|安排|思路|重点|打算)|工作(?:计划|思路|设想)$|思考$/;
export const PROBLEM_PARA =
  /(?:存在|还有|仍有|也有|面临|反映出|暴露出)[^。；;\n：:]{0,16}?(?:问题|不足|短板|薄弱环节|差距|困难|弱项)[^。；;\n：:]{0,14}[：:]|(?:问题|不足|不足之处|短板|薄弱环节|差距|弱项)(?:还|也)?(?:主要|集中)(?:有|是|表现(?:在|为)|体现(?:在|为))[^。；;\n：:]{0,6}[：:]/;
export const PLAN_PARA = /^(?:在)?(?:接下来|下一步|下步|今后|下阶段|下一阶段|新的一年|明年)/;
/** A problems heading that names work on problems (聚焦存在问题，抓好整改), not a list of them. */
export const FIXING_PROBLEMS = /(?:解决|整改|针对|聚焦|破解|化解|回应)/;
/** Lines that end every section: 特此报告, 此致, a date line. */
export const CLOSING = /^(?:特此(?:报告|汇报)|以上(?:报告|汇报)|此致|敬礼|附件[:：0-9一二三四五六七八九十])/;
export const DATE_LINE = /^(?:[0-9]{4}|20[Xx]{2}|二[〇零][一二三四五六七八九〇零十]{2})\s*年\s*(?:[0-9Xx一二三四五六七八九十]{1,3}\s*月\s*(?:[0-9Xx一二三四五六七八九十]{1,3}\s*日)?)?$/;
/** "以上问题，我们将…" closes a list; "我们还存在一些差距。" only announces it. */
export const AFTERWORD = /^(?:以上|上述|针对(?:以上|上述|这些)|对于?(?:以上|上述|这些)|这些问题|对此)/;
export const INTRO_SENTENCE = /(?:存在|还有|仍有|也有)[^。；;]{0,16}(?:问题|不足|差距|短板|薄弱环节)[^。；;，,]{0,8}。?$/;
