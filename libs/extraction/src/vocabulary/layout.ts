// Soft line breaks (layout.ts, rule 9). Data only, compiled once when the module loads.

/** A line ending in one of these ends its sentence or its cell: the break after it is hard. */
export const SOFT_BREAK_PREV_STOP = '。！？!?：:；;|\t）)】”';
/** A line starting with one of these is a new item, a table row or a quote: the break before it is hard. */
export const SOFT_BREAK_NEXT_STOP = '|\t#>-*•●○■□◆◇▪·（(【“—';
/** Lines shorter than this (non-space characters) are headings or labels, not wrapped text. */
export const SOFT_LINE_MIN = 16;
