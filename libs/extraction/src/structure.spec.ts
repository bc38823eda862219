import { foldText } from './normalize';
import { analyseStructure } from './structure';

const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('problems and plans sections', () => {
  it('counts numbered lines under a numbered heading, and stops at the next heading', () => {
    const s = ['五、存在的不足', '对照上级要求，还存在以下不足：', '1.学习方式较为单一；', '2.信息宣传质量有待提高；', '3.网上发声意识不强。', '六、下步打算', '（一）深化理论武装。', '（二）加强阵地管理。'].join('\n');
    const r = analyseStructure(s);
    expect(texts(r.problems)).toEqual(['学习方式较为单一', '信息宣传质量有待提高', '网上发声意识不强']);
    expect(texts(r.plans)).toEqual(['深化理论武装', '加强阵地管理']);
  });

  it.each([
    ['一是…；二是… in one paragraph', '四、存在的问题\n一是学习形式较为单一；二是宣传工作亮点不多。', ['学习形式较为单一', '宣传工作亮点不多']],
    ['首先…其次…最后', '五、存在的不足\n虽取得一定成效，但仍有差距。首先，部分教师重教书轻育人；其次，队伍专业化水平不高；最后，宣传亮点不多。', ['部分教师重教书轻育人', '队伍专业化水平不高', '宣传亮点不多']],
    ['一方面…另一方面', '四、存在的问题\n还存在一些短板：一方面，理论学习深度不够；另一方面，教育提醒不够经常。', ['理论学习深度不够', '教育提醒不够经常']],
    ['主要表现在：…；…；…', '四、存在的不足\n还存在一些不足，主要表现在：研究不够深入，方法传统；宣传相对薄弱；发声意识不强。', ['研究不够深入，方法传统', '宣传相对薄弱', '发声意识不强']],
    ['（1）… lines', '五、存在问题\n（1）功底不够扎实；\n（2）建设不够均衡；', ['功底不够扎实', '建设不够均衡']],
    ['① … lines', '三、存在的薄弱环节\n①学习不深入\n②宣传不到位', ['学习不深入', '宣传不到位']],
  ])('counts a problems section enumerated with %s', (_, s, expected) => {
    expect(texts(analyseStructure(s).problems)).toEqual(expected);
  });

  it('counts plain paragraphs as items, without the announcing sentence and the afterword', () => {
    const s = ['三、存在问题', '对照上级要求，我们还存在一些差距。', '部分党员学习主动性不强，学用结合不紧。', '宣传阵地更新不及时，内容吸引力不足。', '以上问题，我们将在今后工作中认真加以解决。'].join('\n');
    expect(texts(analyseStructure(s).problems)).toEqual(['部分党员学习主动性不强，学用结合不紧', '宣传阵地更新不及时，内容吸引力不足']);
  });

  it('splits a plain paragraph of semicolon-separated problems', () => {
    expect(analyseStructure('存在不足\n学习不够深入；宣传不到位；阵地建设薄弱。').problems).toHaveLength(3);
  });

  it('reads "存在问题：…" and "下一步打算：…" paragraphs inside a combined section', () => {
    const s = ['三、存在的问题及下一步工作打算', '存在问题：一是学习不深入；二是宣传不到位。', '下一步打算：一是加强学习；二是创新宣传；三是建强队伍。'].join('\n');
    const r = analyseStructure(s);
    expect(r.problems).toHaveLength(2);
    expect(r.plans).toHaveLength(3);
  });

  it('finds an unnumbered "存在不足：" heading and its 一是 lines, up to the next 一、 heading', () => {
    const s = ['一、加强领导', '存在不足：', '一是顶层设计不够。说明文字。', '二是认识有偏差。', '二、紧盯方向', '一是强化理论武装。'].join('\n');
    expect(texts(analyseStructure(s).problems)).toEqual(['顶层设计不够。说明文字', '认识有偏差']);
  });

  it('finds problems stated inside an ordinary paragraph ("还存在着一些薄弱环节，主要表现在：")', () => {
    const s = ['五、坚持问题导向，推动工作再上台阶', '我局还存在着一些薄弱环节，主要表现在：数量还需改进；方法还需探索；影响力还需提高。'].join('\n');
    expect(analyseStructure(s).problems).toHaveLength(3);
  });

  it('takes the items after "在接下来的工作中" as plans, not the intro itself', () => {
    const s = ['在接下来的工作中，我局将着力在统一思想上下功夫，努力取得新成绩。', '一是进一步落实责任制。', '二是坚持抓好学习。', '三是提高舆论引导水平。'].join('\n');
    expect(texts(analyseStructure(s).plans)).toEqual(['进一步落实责任制', '坚持抓好学习', '提高舆论引导水平']);
  });

  it('ignores a stray "下一步，…" remark in a work section when the report has a plans section', () => {
    const s = ['一、主要工作', '（一）加强学习。组织集中学习12次。', '下一步，将继续加强学习。', '二、下步打算', '一是加强学习；二是创新宣传。'].join('\n');
    expect(texts(analyseStructure(s).plans)).toEqual(['加强学习', '创新宣传']);
  });

  it('counts a plan paragraph without items as one plan', () => {
    const s = '今后，本人将持续加强政治理论学习，切实把意识形态工作抓在手上。';
    expect(analyseStructure(s).plans).toHaveLength(1);
  });

  it('splits a combined "存在问题及下步打算" section by its sub-headings', () => {
    const s = ['五、存在问题及下步打算', '（一）存在问题', '一是参学不积极；二是原创少。', '（二）下步打算', '一是创新方式；二是培养队伍；三是改造阵地。'].join('\n');
    const r = analyseStructure(s);
    expect(r.problems).toHaveLength(2);
    expect(r.plans).toHaveLength(3);
  });

  it('opens the real section at a sub-heading of the same topic, so its sibling ends it', () => {
    const s = ['三、存在问题及原因', '（一）存在问题', '1.学习不够深入；', '2.宣传不够到位。', '（二）原因分析', '1.思想认识不足；', '2.制度落实不严。', '四、整改措施', '（一）加强学习。', '（二）完善制度。'].join('\n');
    const r = analyseStructure(s);
    expect(texts(r.problems)).toEqual(['学习不够深入', '宣传不够到位']);
    expect(texts(r.plans)).toEqual(['加强学习', '完善制度']);
  });

  it('lets a "下一步，" paragraph end a problems section', () => {
    const s = ['四、存在问题', '也存在一些不足：年龄偏大；手段单一；后继乏人。', '', '下一步，我们将重点抓好以下工作：一是加强教育；二是丰富生活。'].join('\n');
    const r = analyseStructure(s);
    expect(r.problems).toHaveLength(3);
    expect(r.plans).toHaveLength(2);
  });

  it('reads Markdown headings and bullets', () => {
    const s = ['## 二、存在的问题', '- 学习主动性不强；', '- 内容更新不及时；', '', '## 三、**下步打算**', '* 加强学习', '* 建设阵地'].join('\n');
    const r = analyseStructure(s);
    expect(texts(r.problems)).toEqual(['学习主动性不强', '内容更新不及时']);
    expect(texts(r.plans)).toEqual(['加强学习', '建设阵地']);
  });

  it('never counts the closing, the signature or the date', () => {
    const s = ['六、下步打算', '一是持续压实责任。', '二是深化理论武装。', '', '特此报告。', '', '中共县教育局党组', '2025年12月30日'].join('\n');
    expect(analyseStructure(s).plans).toHaveLength(2);
  });

  it('opens a problems list in a paragraph at "薄弱环节主要有：", "问题主要表现在：" without 存在/还有', () => {
    const s = ['五、宣讲和群众文化', '开展宣讲40余场。', '', '回顾一年的工作，我们也清醒地看到，中心意识形态工作的薄弱环节主要有：队伍年轻化；审核把关压力大；研判不够深入。', '', '六、2026年工作思路', '继续压实责任；加强培训。'].join('\n');
    const r = analyseStructure(s);
    expect(texts(r.problems)).toEqual(['队伍年轻化', '审核把关压力大', '研判不够深入']);
    expect(r.plans).toHaveLength(2);
    expect(texts(analyseStructure('对照要求，工作中的不足主要表现在：学习不深；宣传不够。').problems)).toEqual(['学习不深', '宣传不够']);
    // no list: a summary of what was done, or a problem-oriented method
    expect(analyseStructure('一、主要做法\n坚持问题导向，主要有以下做法：建立台账；限期整改。').problems).toEqual([]);
    expect(analyseStructure('一、主要做法\n群众关心的问题主要集中：就业和医保。').problems).toEqual([]);
  });

  it('is not fooled by 问题导向, 补齐短板 or 存在的问题 in a sentence', () => {
    const s = ['五、坚持问题导向，推动工作再上台阶', '聚焦主业，补齐工作短板。', '研究解决存在的困难和问题。', '（三）补齐短板', '（四）聚焦存在问题，抓好整改落实', '一是建立台账；二是限期整改。'].join('\n');
    const r = analyseStructure(s);
    expect(r.problems).toEqual([]);
    expect(r.plans).toEqual([]);
  });

  it('opens a problems section at a self-check heading "自查发现的问题" and counts "问题1：" lines as items', () => {
    const s = ['二、自查情况', '检查内容：是否签订责任书。', '自查结论：基本落实。', '三、自查发现的问题', '问题1：学习形式较为单一。', '问题2：舆情应对能力不足。', '问题三：宣传原创不足。', '四、整改措施', '1.丰富学习形式。', '2.提升应对能力。'].join('\n');
    const r = analyseStructure(s);
    expect(texts(r.problems)).toEqual(['学习形式较为单一', '舆情应对能力不足', '宣传原创不足']);
    expect(texts(r.plans)).toEqual(['丰富学习形式', '提升应对能力']);
    expect(texts(analyseStructure('三、检查发现问题\n1.台账不全。\n2.学习不深。').problems)).toEqual(['台账不全', '学习不深']);
  });

  it('traps: a report on putting right what an inspection found is no problems section, and 问题 in a sentence is no item', () => {
    expect(analyseStructure('二、巡察发现问题整改情况\n1.已整改到位。\n2.正在整改。').problems).toEqual([]);
    expect(analyseStructure('二、整改发现的问题\n1.建立台账。\n2.限期整改。').problems).toEqual([]);
    const r = analyseStructure('一、主要工作\n问题导向：坚持查改结合。\n问题123号已办结。');
    expect(r.problems).toEqual([]);
  });

  it('reports the plan sections as ranges (their quantities are targets)', () => {
    const s = '一、工作\n召开会议2次。\n二、下步打算\n力争发表稿件10篇。';
    const [range] = analyseStructure(s).planRanges;
    expect(s.slice(range.start, range.end)).toBe('二、下步打算\n力争发表稿件10篇。');
  });

  it('reads plans written inline after a bracketed heading, and ends the problems there', () => {
    const r = analyseStructure('五、存在的不足\n一是学习不深；二是宣传不足；三是阵地薄弱。\n【下步打算】一是落实研判制度；二是加强培训；三是深化品牌。\n');
    expect(r.problems).toHaveLength(3);
    expect(r.plans.map((p) => p.text)).toEqual(['落实研判制度', '加强培训', '深化品牌']);
    // trap: a bracketed title that is no section
    expect(analyseStructure('【工作动态】一是召开会议；二是开展学习。\n').plans).toEqual([]);
  });

  it('reads plans under a numbered heading whose items restart the numbering (full-width ones folded)', () => {
    const text = '5. 存在问题\n宣传员能力不足。\n6. 下步打算\n１．纳入述职评议；\n２．组建宣讲小分队；\n３．加强宣传员培训。\n';
    expect(analyseStructure(foldText(text)).plans).toHaveLength(3);
    // trap: a next heading at the same level that does not restart at 1 still ends the section
    expect(analyseStructure('5. 下步打算\n加强学习。\n6. 其他事项\n无。\n').plans).toHaveLength(1);
  });
});
