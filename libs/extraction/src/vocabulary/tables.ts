// Tables flattened into text (tables.ts).
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.

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
