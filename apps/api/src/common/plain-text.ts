import { Matches } from 'class-validator';

/**
 * Characters a name never needs and a spoofer loves: C0/C1 controls (NUL, BEL, line breaks…),
 * zero-width characters and the bidi embeddings/overrides/isolates that make `‮txt.exe` read as
 * `exe.txt` in every list that shows it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex -- as above
const FREE_OF_INVISIBLE = /^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]*$/;

export function invisibleCharsProblem(what: string): string {
  return `${what}不能包含控制字符、零宽字符或文字方向控制符`;
}

/** Validates a shown text field (a name, a title) as free of INVISIBLE_CHARS; `each` for arrays. */
export function PlainText(what: string, each = false): PropertyDecorator {
  return Matches(FREE_OF_INVISIBLE, { each, message: invisibleCharsProblem(what) });
}
