// Tables flattened into text: a label and its figure, a row of figures under a header row.
import { extract } from './extract';
import { pairs } from './test-helpers';

describe('a figure after a label that names its measure word', () => {
  it('reads a table flattened into lines: a figure after a label that names its measure word', () => {
    const text = '上半年主要工作数据如下：\n支委会召开次数：6\n学习次数：12\n科室微信公众号推送（篇）：28\n向院报投稿（篇）：15，其中被采用9篇\n志愿服务活动（场）：5\n参与志愿服务人次：42\n舆情处置件数\t3\n';
    expect(extract(text).metrics.map((m) => [m.key, m.value, m.unit, m.subset ?? false, m.evidence.text])).toEqual([
      ['org.committee_meeting', 6, '次', false, '支委会召开次数：6'],
      ['study.sessions', 12, '次', false, '学习次数：12'],
      ['propaganda.new_media_posts', 28, '篇', false, '科室微信公众号推送（篇）：28'],
      ['propaganda.external_submissions', 15, '篇', false, '向院报投稿（篇）：15'],
      ['propaganda.external_submissions', 9, '篇', true, '被采用9篇'],
      ['civility.volunteer_activities', 5, '场', false, '志愿服务活动（场）：5'],
      ['civility.volunteer_attendance', 42, '人次', false, '参与志愿服务人次：42'],
      ['online.incidents', 3, '件', false, '舆情处置件数\t3'],
    ]);
  });

  it('reads no metric from a label that names no measure word, or no activity', () => {
    const text = '联系电话：12345\n完成率：98%\n学时：12\n党员人数：23\n培训时间：2025\n考核得分：95\n师生比1:12\n计划学习次数：4\n';
    expect(extract(text).metrics).toEqual([]);
  });
});

describe('a row of figures under a header row', () => {
  it('reads a summary table whose header row names the metrics and the row below holds the figures', () => {
    const text = '表1 学习情况统计（单位：次）\n项目\t党组会专题研究意识形态\t理论学习中心组学习\t集中学习\t党课\n次数\t4\t12\t26\t5\n\n表2 宣传统计\n门户网站发布信息（条） 公众号推送（篇） 向上级报送信息（条） 被上级采用（条）\n86 124 45 31\n';
    expect(extract(text).metrics.map((m) => [m.key, m.value, m.unit, m.subset ?? false])).toEqual([
      ['org.ideology_meeting', 4, '次', false],
      ['study.central_group', 12, '次', false],
      ['study.sessions', 26, '次', false],
      ['study.party_lecture', 5, '次', false],
      ['propaganda.news', 86, '条', false],
      ['propaganda.new_media_posts', 124, '篇', false],
      ['propaganda.external_submissions', 45, '条', false],
      ['propaganda.external_submissions', 31, '条', true],
    ]);
    // the measure word from the table's 单位 line, or the one the other header cells agree on
    expect(pairs('（单位：次）\n党课\t主题党日\n3\t6\n')).toEqual([['study.party_lecture', 3], ['study.theme_day', 6]]);
    expect(pairs('学习次数 党课 主题党日\n12 4 6\n')).toEqual([['study.sessions', 12], ['study.party_lecture', 4], ['study.theme_day', 6]]);
    const m = extract('项目\t集中学习\t党课\n次数\t26\t5\n').metrics[0];
    expect(m.evidence.text).toBe('集中学习\t党课\n次数\t26');
  });

  it('traps: no table figure without a header row of labels, without a measure word, or in a row that is no row of figures', () => {
    // header and row of different widths; a row under a row of figures (per branch: parts, not read); no measure word at all
    expect(extract('党课\t主题党日\t集中学习\n3\t6\n').metrics).toEqual([]);
    expect(extract('党员人数\t预备党员\n23\t2\n').metrics).toEqual([]);
    expect(extract('项目\t党课\t主题党日\n次数\t3\t6\n次数\t2\t5\n').metrics.map((x) => x.value)).toEqual([3, 6]);
    expect(extract('党课 主题党日\n3 6\n').metrics).toEqual([]);
    // a label list of two columns stays a label list; a sentence above figures is no header
    expect(pairs('支委会次数\t6\n学习次数\t12\n')).toEqual([['org.committee_meeting', 6], ['study.sessions', 12]]);
    expect(extract('全年召开支委会，开展主题党日。\n3 6\n').metrics).toEqual([]);
    // a target column is a target
    expect(extract('计划党课次数\t实际\n4\t3\n').metrics).toEqual([]);
    expect(extract('表3\n计划党课次数\t实际\n4\t3\n').metrics).toEqual([]);
  });
});

describe('a label–count table: rows "label | N" under a header whose count column names the measure word', () => {
  it('reads Markdown-style and tab-separated rows', () => {
    const pipes = '情况如下表：\n| 工作内容 | 次数 |\n| 支委会 | 6 |\n| 专题研究意识形态工作 | 2 |\n| 机关集中学习 | 12 |\n';
    expect(extract(pipes).metrics.map((m) => [m.key, m.value, m.unit, m.evidence.text])).toEqual([
      ['org.committee_meeting', 6, '次', '支委会 | 6'],
      ['org.ideology_meeting', 2, '次', '专题研究意识形态工作 | 2'],
      ['study.sessions', 12, '次', '机关集中学习 | 12'],
    ]);
    const tabs = '主要数据如下：\n工作内容\t次数\n党委理论学习中心组集中学习\t12\n专题党课\t21\n';
    expect(pairs(tabs)).toEqual([
      ['study.central_group', 12],
      ['study.party_lecture', 21],
    ]);
    // a count with its own measure word in the cell is read as it stands
    expect(pairs('| 项目 | 情况 |\n| 集中学习 | 12次 |\n')).toEqual([['study.sessions', 12]]);
  });

  it('reads nothing when the count column names no measure word, or the rows are per unit', () => {
    expect(pairs('| 工作内容 | 完成情况 |\n| 支委会 | 6 |\n')).toEqual([]);
    expect(pairs('支部\t党员人数\n第一支部\t23\n第二支部\t18\n')).toEqual([]);
    expect(pairs('| 支部 | 支委会 |\n| 第一支部 | 6 |\n')).toEqual([]);
  });
});
