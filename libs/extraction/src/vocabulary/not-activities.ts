// Counts that name no activity held: awards, changes against an earlier period, comparisons; problem nouns.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

/** Awards won are not activities held: one of these before the count (荣获…2次), or AWARD_AFTER right after it (5项获奖). */
export const AWARDS = ['获奖', '荣获', '获评', '获得', '评为', '获表彰', '被评'];
export const AWARD_AFTER = '获奖';
/** A change against an earlier period (同比增加12篇, 较上年多开展3次) counts no activity. */
export const CHANGE = /(?:同比|环比|(?:较|比)(?:上|去年|前|同期|20\d\d)|相比)[^，,。；;]{0,12}?(?:增加|增长|减少|下降|提高|提升|增多|多|少)了?(?:开展|召开|举办|组织|发布|推送|制作)?\s*$/;
/** The head nouns of a problem found (2处宣传栏内容过期问题 is a problem, not a display: metrics/problem-head.ts). */
export const PROBLEM_NOUN = /问题|隐患|风险点/;
/** After an excluded business word, these make it the topic of public opinion (税收舆情), not the business. */
export const OPINION_AFTER = /^(?:领域|方面|类|相关)?(?:网络)?(?:舆情|舆论)/;
/** The standard of a comparison (比发一篇长文章管用): 比 and at most two characters before a bare 一. */
export const COMPARISON = /比([^，,。；;\s]{0,2})$/;
/** …unless 比 starts a word (比赛, 比武, 比例, 比重, 比较) or compares with the past (比上年, 比去年, 比同期). */
export const COMPARISON_WORD_AFTER = /^(?:赛|武|例|重|较|对|上|去|前|同|拼)/;
/** …or ends one (对比, 评比, 相比, 类比, 攀比). */
export const COMPARISON_WORD_BEFORE = /[对评相类攀]$/;
