// Clause shapes the metrics rules read (metrics/): totals, per-unit figures, coordinated counts, topic clauses, reach words, parts.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

/** Characters right before a count that are no verb (有2次, 共3场, 约5人…): 讲了2次 → 讲, 有2次 → ''. */
export const NOT_VERBS = '有是的共计达约近余多各了';
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
/** A clause naming its own subject (各支部, 机关干部, 全体党员…) does not take the sentence's subject (subject.ts). */
export const OWN_SUBJECT = /支部|党员|干部|干警|民警|机关|职工|员工|教师|师生|学生|群众|居民|全体|全院|全局|各/;
