// Report sections (structure.ts, section-items.ts): headings and paragraphs that open the problems and the plans, and lines that end them.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

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
/** A bracketed heading at a line's start, run into its paragraph (【下步打算】一是…). */
export const BRACKET_HEAD = /^[【[]([^】\]\n]{2,10})[】\]]/;
