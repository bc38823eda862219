// Targets and the future: a count after these in its clause is a plan, not a fact.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

export const TARGETS = ['不少于', '不低于', '不超过', '至少', '确保', '力争', '争取', '预计', '拟', '计划', '每'];
/** 计划 after these (按照计划, 完成了计划) or before these (计划》, 计划书, 计划表) names a document, not a target. */
export const PLAN_DOC_BEFORE = '按照了';
export const PLAN_DOC_AFTER = '》书表';
/** 拟 after these (模拟, 草拟, 虚拟, 比拟) is no plan. */
export const NOT_PLAN_BEFORE_NI = '模草虚比';
/** 将 as the future: after one of these characters (还将, 也将, 即将…) or before one of these words (将继续, 将于…). */
export const FUTURE_PREV = '还也即并都又仍亦拟';
export const FUTURE_NEXT = ['于', '在', '继续', '持续', '进一步', '组织', '开展', '举办', '召开', '进行', '陆续', '逐步', '全面', '深入', '推出', '启动', '完成', '实现', '达到', '建立', '再', '适时', '定期', '每', '力争', '重点', '着力', '围绕', '以'];
