import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText, prepareText } from './normalize';

const corpus = join(__dirname, '../../../test/fixtures/corpus/dev');

describe('foldText: the extractor’s view, same length as the stored text', () => {
  it('maps full-width digits, letters and number signs to ASCII, keeps Chinese punctuation', () => {
    expect(foldText('召开会议１２次，占比１００％，Ｘ次．')).toBe('召开会议12次，占比100%，X次.');
    expect(foldText('　　一、')).toBe('  一、');
  });

  it('reads Traditional characters as Simplified, character by character', () => {
    expect(foldText('學習6次，餘，縣實驗小學黨支部，兩場，誌願服務')).toBe('学习6次，余，县实验小学党支部，两场，志愿服务');
  });

  it('leaves Simplified text alone (什么 stays 什么) and returns the same string when nothing changes', () => {
    const s = '开展了什么样的学习，组织集中学习12次';
    expect(foldText(s)).toBe(s);
  });

  it('turns the whole Traditional corpus report into its Simplified twin with equal length', () => {
    const trad = readFileSync(join(corpus, 'school-2-2025H2.trad.txt'), 'utf8');
    const simp = readFileSync(join(corpus, 'school-2-2025H2.txt'), 'utf8');
    const folded = foldText(trad);
    expect(folded.length).toBe(trad.length);
    expect(folded).toBe(simp);
  });

  it('maps corner quotes to curly quotes', () => {
    expect(foldText('「三會一課」')).toBe('“三会一课”');
  });
});

describe('prepareText: the stored plain text', () => {
  it('strips the BOM, normalises line endings and removes control characters', () => {
    expect(prepareText('\ufeff第一行\r\n第二行\r第三行\u0007\u2028第四行')).toBe('第一行\n第二行\n第三行\n第四行');
  });

  it('removes template-site markers, also inside a sentence', () => {
    expect(prepareText('找准着力点和突破口##paidbegin##，把各项工作抓在手上\n##paidend##')).toBe('找准着力点和突破口，把各项工作抓在手上');
  });

  it('drops noise lines that document-sharing sites add, keeps report lines', () => {
    const text = ['一、加强组织领导', '本文来源于网络，仅供参考', '召开专题会议4次。', '更多精彩范文请关注', '-----------', '展开全文', '第 2 页 共 5 页'].join('\n');
    expect(prepareText(text)).toBe('一、加强组织领导\n召开专题会议4次。');
  });

  it('trims trailing spaces and collapses runs of blank lines', () => {
    expect(prepareText('\n\n标题  \t\n\n\n\n正文　\n\n')).toBe('标题\n\n正文');
  });

  it('keeps leading indentation and full-width characters as written (no NFKC)', () => {
    expect(prepareText('　　召开会议２次')).toBe('　　召开会议２次');
  });

  it('is idempotent', () => {
    for (const name of ['edge-noisy.txt', 'school-2-2025H2.trad.txt', 'edu-bureau-2025H2.txt']) {
      const once = prepareText(readFileSync(join(corpus, name), 'utf8'));
      expect(prepareText(once)).toBe(once);
    }
    const messy = '\ufeff  a \r\n\r\n\r\n##x## b\u0000\n本文来源：某网站\n';
    expect(prepareText(prepareText(messy))).toBe(prepareText(messy));
  });
});
