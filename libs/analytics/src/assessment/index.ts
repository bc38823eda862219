// 年度考核: rules as data (rules.ts), the default 细则 (default-rules.ts), draft scores (score.ts).
export * from './rules';
export * from './score';
export { DEFAULT_ASSESSMENT_RULES } from './default-rules';
