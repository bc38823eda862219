// Measure words and what stands right around a numeral: whether it is a count, approximate, or a word.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

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
/** After a measure word: the report's own points (三个方面, 几个方面), not things done. */
export const ASPECT_AFTER = ['方面'];
