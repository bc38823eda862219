// Political formulas in general shape; their numerals are never counts (the fixed ones are DEFAULT_FORMULAS).
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

export const FORMULA_PATTERNS = [
  /(?:[一二三四五六七八九十]{1,3}届)?[一二三四五六七八九十]{1,2}中全会/g,
  /[一二三四五六七八九十]{1,3}届(?:全国|省|市|县|区)?(?:人大|政协|党代会|人民代表大会|代表大会|全会|[一二三四五六七八九十]{1,2}次(?:全体)?会议)/g,
];
/** cheap guards: a pattern runs only when its anchor occurs in the text */
export const FORMULA_ANCHORS = ['中全会', '届'];
