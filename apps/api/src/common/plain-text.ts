import { Matches } from 'class-validator';

/**
 * Characters a name never needs and a spoofer loves, by Unicode property rather than a list (a list
 * missed U+061C, U+2060–2064, U+2028/2029, U+00AD, U+180E, U+FFF9–FFFB, tag characters and more):
 * Cc (controls: NUL, BEL, line breaks…), Cf (format: zero-width, bidi embeddings/overrides/
 * isolates that make `‮txt.exe` read as `exe.txt`, soft hyphen, tags, interlinear annotation),
 * Zl/Zp (line and paragraph separators), and Default_Ignorable_Code_Point, which adds the fillers
 * that render as nothing while being letters or marks (U+034F, U+115F/1160, U+3164, U+FFA0,
 * variation selectors).
 */
export const INVISIBLE_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const FREE_OF_INVISIBLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]*$/u;

export function invisibleCharsProblem(what: string): string {
  return `${what}不能包含控制字符、零宽或不可见字符、文字方向控制符或换行分隔符，请删除后重试（从别处复制的文字常带有这些字符）`;
}

/** Validates a shown text field (a name, a title) as free of INVISIBLE_CHARS; `each` for arrays. */
export function PlainText(what: string, each = false): PropertyDecorator {
  return Matches(FREE_OF_INVISIBLE, { each, message: invisibleCharsProblem(what) });
}
