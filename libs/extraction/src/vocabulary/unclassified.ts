// Which counts no catalogue rule lets be a metric at all, so they are not unclassified mentions either
// (metric-catalogue.md, section 2). Data only, compiled once when the module loads.

/** Money, dates, durations, ages and scores (rule 3): never a count of something done. */
export const NEVER_COUNTED_UNITS = new Set(['元', '万元', '亿元', '天', '小时', '课时', '学时', '年', '月', '日', '周', '个月', '岁', '分', '届']);
/** Head-counts and households (rule 6: people that fit no key, 在职党员50名, 426户); person-times (人次) count participation. */
export const HEADCOUNT_UNITS = new Set(['人', '名', '位', '户']);
/** Teams, groups and organisations covered (rule 6: 5个宣讲组, 27个基层党组织) … */
export const ORGANISATION_UNITS = new Set(['个', '支', '家', '所']);
/** … recognised by the noun the count is of, within a few characters after it. */
export const ORGANISATION_NOUN = /^[^，,。；;：:、\s]{0,8}?(?:小组|组|队|团|支部|党组织|组织|单位|部门|科室|处室|股室|村|社区|小区|学校|中心|站|基地|阵地|班子|委员会|企业|公司|网格|班级|教学班|院系|协会|分会|工作室|场所|网吧|店|商户)/;
/** … or by the noun right before it (设教工党支部4个, 教学班26个). */
export const ORGANISATION_NOUN_BEFORE = /(?:小组|组|队|团|支部|党组织|组织|单位|部门|科室|处室|股室|村|社区|小区|学校|中心|站|基地|班子|委员会|企业|公司|网格|班级|教学班|院系|协会|分会|工作室|场所|网吧|商户)$/;
