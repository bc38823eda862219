// Text from people (unit and period names, report titles) goes into group-robot messages. WeCom
// and DingTalk render it as markdown, so a unit named `[点击](http://evil.example)` became a link in
// every group the reminder reached (issue 13, finding 9). Neither platform documents a backslash
// escape that its clients honour, so each markdown character is replaced by its full-width form,
// which reads the same in Chinese text and is inert in every renderer. Feishu gets no markdown
// (post `text` tags are literal); only `<`/`>` are replaced there, so no `<at>` tag can be formed.

export type RobotPlatform = 'wecom' | 'dingtalk' | 'feishu';

const FULL_WIDTH: Record<string, string> = {
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  _: '＿',
  '`': '｀',
  '#': '＃',
  '!': '！',
  '~': '～',
  '|': '｜',
  '\\': '＼',
};

/** Characters each platform's renderer gives a meaning to (links, images, emphasis, headings, quotes, HTML, mentions). */
const SPECIAL: Record<RobotPlatform, RegExp> = {
  // WeCom: **bold**, [links](…), `code`, # headings, > quotes, <font color> and <@userid> mentions
  // (and ~ in case a client version renders ~~strike~~).
  wecom: /[[\]<>*_`#~\\]/g,
  // DingTalk: all of the above plus ![images](…), ~~strike~~ and | tables.
  dingtalk: /[[\]<>*_`#!~|\\]/g,
  feishu: /[<>]/g,
};

/** `text` made inert for `platform`'s message renderer; bare URLs are broken so no client auto-links them. */
export function robotText(platform: RobotPlatform, text: string): string {
  const out = text.replace(SPECIAL[platform], (c) => FULL_WIDTH[c] ?? c);
  return platform === 'feishu' ? out : out.replace(/:\/\//g, '：//');
}

/** Our own link for a markdown message: characters that could close the link syntax are percent-encoded. */
export function markdownLink(label: string, url: string): string {
  const encode = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return `[${label}](${url.replace(/[()\s<>[\]]/g, encode)})`;
}
