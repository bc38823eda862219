// A small ⓘ beside a number's name that opens a short explanation (#16.1): 温度 and 衰减指数 are
// the product's own measures and are explained where they are shown.
import { Popover, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';

type Topic = 'temperature' | 'gapIndex' | 'attenuation';

const HELP: Record<Topic, { title: [string, string]; body: [string, string][] }> = {
  temperature: {
    title: ['什么是温度', 'What the temperature is'],
    body: [
      [
        '温度（0–100）衡量一个单位本期意识形态工作报告的“热度”，由五项加权合成：',
        'The temperature (0–100) measures how “warm” a unit’s ideology-work report is this period, from five weighted parts:',
      ],
      ['广度：有工作数字的指标类别占全部类别的比例；', 'Breadth: the share of metric categories with any activity;'],
      ['强度：各项工作数量（按党员人数折算）与同层级单位相比；', 'Intensity: the amount of each kind of work (per member) against units of the same level;'],
      ['具体度：每千字报告中的量化事实数；', 'Specificity: quantified facts per 1,000 characters;'],
      ['及时性：按时报送为满分，逾期越久越低；', 'Timeliness: full when on time, lower the later it came;'],
      ['原创性：与其他报告高度雷同会扣分。', 'Originality: reduced for a near-copy of another report.'],
      ['低于冷点阈值的单位标为“偏冷”。打开单位页面可看到每一项的得分和依据。', 'Units below the cold threshold are flagged. A unit’s page shows each part and the figures behind it.'],
    ],
  },
  gapIndex: {
    title: ['什么是衰减指数', 'What the gap index is'],
    body: [
      [
        '衰减指数 = 1 − 最底层温度中位数 ÷ 最顶层温度中位数，表示工作热度从上到下总共损失了多少：0 表示上下一样热，越接近 1 表示“上热下冷”越严重。',
        'Gap index = 1 − bottom level’s median temperature ÷ top level’s: how much warmth is lost from top to bottom. 0: as warm below as above; near 1: a strong gap.',
      ],
      [
        '某一层与上一层相比下降超过设定阈值时，看板标出“存在上热下冷”，并在层级图上将该层的降幅标红。',
        'When one level falls below the level above by more than the set threshold, the dashboard reports a gap and marks that drop red on the level chart.',
      ],
    ],
  },
  attenuation: {
    title: ['逐级衰减', 'Loss between levels'],
    body: [
      [
        '每根柱子是该层级所有单位温度的中位数，括号内为单位数；柱顶的 ↓38% 表示比上一层低 38%。红色：降幅超过设定阈值，热度在这一层明显流失。',
        'Each bar is the median temperature of the level’s units (their number in brackets); ↓38% on a bar: 38% colder than the level above. Red: a drop past the set threshold.',
      ],
    ],
  },
};

export function HelpTip({ topic }: { topic: Topic }) {
  const { lang } = useI18n();
  const h = HELP[topic];
  const pick = (p: [string, string]) => (lang === 'zh' ? p[0] : p[1]);
  return (
    <Popover
      trigger={['click', 'hover']}
      title={pick(h.title)}
      content={
        <div style={{ maxWidth: 360 }} data-testid={`help-${topic}`}>
          {h.body.map((p, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
              {pick(p)}
            </Typography.Paragraph>
          ))}
        </div>
      }
    >
      {/* a plain glyph, not @ant-design/icons: the icon package's ESM build does not load in the web tests */}
      <span
        onClick={(e) => e.stopPropagation()}
        role="button"
        aria-label={pick(h.title)}
        tabIndex={0}
        data-testid={`help-icon-${topic}`}
        style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 14, height: 14, marginLeft: 4, borderRadius: '50%', border: '1px solid #8c8c8c', color: '#8c8c8c', fontSize: 10, lineHeight: 1, cursor: 'help', verticalAlign: 'middle' }}
      >
        ?
      </span>
    </Popover>
  );
}
