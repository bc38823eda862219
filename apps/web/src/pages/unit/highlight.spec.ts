import { cleanMarks, firstNumber, offsetsFromSelection, segmentText, sentenceAround } from './highlight';

const TEXT = '一、落实责任\n支部坚持每月召开一次支委会，下半年共召开支委会６次、党员大会２次。对思想动态进行分析研判！';
const at = (s: string) => TEXT.indexOf(s);

describe('segmentText', () => {
  it('cuts the text so every mark is a run of its own and the runs rebuild the text', () => {
    const marks = [
      { id: 'a', start: at('下半年共召开支委会６次'), end: at('下半年共召开支委会６次') + '下半年共召开支委会６次'.length },
      { id: 'b', start: at('党员大会２次'), end: at('党员大会２次') + 6 },
    ];
    const segs = segmentText(TEXT, marks);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    expect(segs.filter((s) => s.markId === 'a').map((s) => s.text)).toEqual(['下半年共召开支委会６次']);
    expect(segs.filter((s) => s.markId === 'b').map((s) => s.text)).toEqual(['党员大会２次']);
    expect(segs.every((s) => TEXT.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it('marks the runs inside the active sentence, and only those', () => {
    const start = at('党员大会２次');
    const sentence = sentenceAround(TEXT, start, start + 6);
    const segs = segmentText(TEXT, [{ id: 'b', start, end: start + 6 }], sentence);
    const active = segs.filter((s) => s.active).map((s) => s.text).join('');
    expect(active).toBe('支部坚持每月召开一次支委会，下半年共召开支委会６次、党员大会２次。');
    expect(segs.find((s) => s.markId === 'b')?.active).toBe(true);
    expect(segs.filter((s) => !s.active).map((s) => s.text).join('')).toBe('一、落实责任\n对思想动态进行分析研判！');
  });

  it('drops marks outside the text or overlapping an earlier one', () => {
    const clean = cleanMarks(10, [
      { id: 'late', start: 4, end: 8 },
      { id: 'first', start: 2, end: 6 },
      { id: 'out', start: 8, end: 12 },
      { id: 'empty', start: 3, end: 3 },
      { id: 'ok', start: 8, end: 10 },
    ]);
    expect(clean.map((m) => m.id)).toEqual(['first', 'ok']);
  });

  it('handles text without marks and an empty text', () => {
    expect(segmentText('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', markId: null, active: false }]);
    expect(segmentText('', [])).toEqual([]);
  });
});

describe('sentenceAround', () => {
  it('stops at 。！？； and newlines, keeping the closing mark', () => {
    const s = at('对思想');
    expect(TEXT.slice(...Object.values(sentenceAround(TEXT, s, s + 2)) as [number, number])).toBe('对思想动态进行分析研判！');
    const h = at('落实');
    expect(TEXT.slice(...Object.values(sentenceAround(TEXT, h, h + 2)) as [number, number])).toBe('一、落实责任');
  });
});

describe('offsetsFromSelection', () => {
  function render(text: string, cuts: number[]): HTMLElement {
    const box = document.createElement('div');
    let prev = 0;
    for (const c of [...cuts, text.length]) {
      const span = document.createElement(c === cuts[0] ? 'mark' : 'span');
      span.setAttribute('data-start', String(prev));
      span.textContent = text.slice(prev, c);
      box.appendChild(span);
      prev = c;
    }
    document.body.appendChild(box);
    return box;
  }

  it('maps a selection across runs back to text offsets', () => {
    const box = render('召开支委会６次、党员大会２次', [3, 8]);
    const range = document.createRange();
    range.setStart(box.childNodes[0].firstChild!, 2); // 召开支|委会
    range.setEnd(box.childNodes[2].firstChild!, 4); // 党员大会|２次
    const sel = { rangeCount: 1, isCollapsed: false, getRangeAt: () => range };
    expect(offsetsFromSelection(box, sel)).toEqual({ start: 2, end: 12 });
  });

  it('ignores a collapsed selection or one outside the text', () => {
    const box = render('abc', [1]);
    const other = document.createElement('p');
    other.textContent = 'zzz';
    document.body.appendChild(other);
    const range = document.createRange();
    range.setStart(other.firstChild!, 0);
    range.setEnd(other.firstChild!, 2);
    expect(offsetsFromSelection(box, { rangeCount: 1, isCollapsed: false, getRangeAt: () => range })).toBeNull();
    expect(offsetsFromSelection(box, { rangeCount: 1, isCollapsed: true, getRangeAt: () => range })).toBeNull();
  });
});

describe('firstNumber', () => {
  it('reads Arabic, full-width and thousands-separated numbers', () => {
    expect(firstNumber('组织集中学习２２次')).toBe(22);
    expect(firstNumber('参训1,200人次')).toBe(1200);
    expect(firstNumber('开展了学习')).toBeNull();
  });
});
