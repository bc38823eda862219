import { validate } from 'class-validator';
import { INVISIBLE_CHARS, PlainText } from './plain-text';

class Named {
  @PlainText('单位名称')
  name!: string;
}

const problems = async (name: string) => {
  const o = Object.assign(new Named(), { name });
  return (await validate(o)).flatMap((e) => Object.values(e.constraints ?? {}));
};

// Issue 13, finding 8: each of these was accepted in a unit or display name by the outside test.
const HOSTILE: [string, string][] = [
  ['\u061c', 'ARABIC LETTER MARK (Cf)'],
  ['\u2060', 'WORD JOINER (Cf)'],
  ['\u2061', 'FUNCTION APPLICATION (Cf)'],
  ['\u2062', 'INVISIBLE TIMES (Cf)'],
  ['\u2063', 'INVISIBLE SEPARATOR (Cf)'],
  ['\u2064', 'INVISIBLE PLUS (Cf)'],
  ['\u2028', 'LINE SEPARATOR (Zl)'],
  ['\u2029', 'PARAGRAPH SEPARATOR (Zp)'],
  ['\u00ad', 'SOFT HYPHEN (Cf)'],
  ['\u034f', 'COMBINING GRAPHEME JOINER (filler, Mn)'],
  ['\u180e', 'MONGOLIAN VOWEL SEPARATOR (Cf)'],
  ['\u3164', 'HANGUL FILLER (filler, Lo)'],
  ['\uffa0', 'HALFWIDTH HANGUL FILLER (filler, Lo)'],
  ['\u115f', 'HANGUL CHOSEONG FILLER (filler, Lo)'],
  ['\ufe0f', 'VARIATION SELECTOR-16 (filler, Mn)'],
  ['\ufff9', 'INTERLINEAR ANNOTATION ANCHOR (Cf)'],
  ['\ufffb', 'INTERLINEAR ANNOTATION TERMINATOR (Cf)'],
  ['\u{e0001}', 'LANGUAGE TAG (Cf)'],
  ['\u{e0041}', 'TAG LATIN CAPITAL A (Cf)'],
  ['\u{e007f}', 'CANCEL TAG (Cf)'],
  ['\u{1d173}', 'MUSICAL SYMBOL BEGIN BEAM (Cf)'],
  ['\u{1d17a}', 'MUSICAL SYMBOL END PHRASE (Cf)'],
  ['\u200b', 'ZERO WIDTH SPACE (Cf)'],
  ['\u202e', 'RIGHT-TO-LEFT OVERRIDE (Cf)'],
  ['\u2067', 'RIGHT-TO-LEFT ISOLATE (Cf)'],
  ['\u0007', 'BEL (Cc)'],
  ['\n', 'LINE FEED (Cc)'],
];

describe('PlainText: invisible and direction characters refused by Unicode property', () => {
  it.each(HOSTILE)('refuses U+%s… (%s) inside a name', async (ch) => {
    expect(INVISIBLE_CHARS.test(`一中${ch}党总支`)).toBe(true);
    expect(await problems(`一中${ch}党总支`)).toEqual([expect.stringMatching(/单位名称不能包含/)]);
  });

  it.each(['一中党总支', '第一支部（机关）', '阿依古丽·买买提', 'No.1 Middle School', '卫健局 党委', '二〇二六年 党支部', '😀 活动小组'])('accepts %s', async (name) => {
    expect(await problems(name)).toEqual([]);
  });
});
