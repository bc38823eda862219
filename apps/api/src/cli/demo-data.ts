// The demo bureau of `npm run seed:demo`: a county education and health system on four levels,
// and report texts written the way branch secretaries write them — hot near the top, colder
// further down, one copied report, one template never filled in.

export interface DemoUnit {
  code: string;
  name: string;
  parentCode: string | null;
  memberCount: number;
  /** 0 (cold) … 1 (hot): how much the demo report of this unit says with numbers. */
  heat: number;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'bureau', name: '县委教育卫健工委', parentCode: null, memberCount: 36, heat: 1 },
  { code: 'edu', name: '县教育局党组', parentCode: 'bureau', memberCount: 42, heat: 0.95 },
  { code: 'health', name: '县卫健局党组', parentCode: 'bureau', memberCount: 38, heat: 0.9 },
  { code: 'edu-organ', name: '教育局机关党支部', parentCode: 'edu', memberCount: 28, heat: 0.8 },
  { code: 'school-1', name: '县第一中学党总支', parentCode: 'edu', memberCount: 85, heat: 0.75 },
  { code: 'school-2', name: '县第二中学党支部', parentCode: 'edu', memberCount: 46, heat: 0.55 },
  { code: 'school-3', name: '县实验小学党支部', parentCode: 'edu', memberCount: 31, heat: 0.45 },
  { code: 'kinder', name: '县机关幼儿园党支部', parentCode: 'edu', memberCount: 12, heat: 0.3 },
  { code: 'hospital', name: '县人民医院党委', parentCode: 'health', memberCount: 160, heat: 0.7 },
  { code: 'tcm', name: '县中医院党总支', parentCode: 'health', memberCount: 64, heat: 0.5 },
  { code: 'cdc', name: '县疾控中心党支部', parentCode: 'health', memberCount: 22, heat: 0.35 },
  { code: 'school-1-b1', name: '一中高中部党支部', parentCode: 'school-1', memberCount: 40, heat: 0.4 },
  { code: 'school-1-b2', name: '一中初中部党支部', parentCode: 'school-1', memberCount: 36, heat: 0.25 },
  { code: 'hospital-b1', name: '医院内科党支部', parentCode: 'hospital', memberCount: 52, heat: 0.35 },
  { code: 'hospital-b2', name: '医院外科党支部', parentCode: 'hospital', memberCount: 48, heat: 0.2 },
  { code: 'hospital-b3', name: '医院行政后勤党支部', parentCode: 'hospital', memberCount: 30, heat: 0.15 },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'leader' | 'secretary' | 'admin';
  unitCode: string;
}

export const DEMO_PASSWORD = 'Demo-Pass-2026';

export const DEMO_USERS: DemoUser[] = [
  { username: 'leader', displayName: '王书记（工委）', role: 'leader', unitCode: 'bureau' },
  { username: 'edu-leader', displayName: '李局长（教育局）', role: 'leader', unitCode: 'edu' },
  // Every unit reports, the bureau's party group included: level 0 is the top of the thermocline.
  ...DEMO_UNITS.map((u) => ({
    username: `sec-${u.code}`,
    displayName: `${u.name.replace(/党(总支|支部|委|组)$/, '')}书记`,
    role: 'secretary' as const,
    unitCode: u.code,
  })),
];

export const DEMO_PERIODS = [
  { code: '2025-H2', name: '2025年下半年', startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-01-15' },
  { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-15' },
];

/** A deterministic pseudo-random sequence, so the demo is the same on every machine. */
function rng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** One report text for a unit; a colder unit writes fewer, vaguer sentences. */
export function demoReport(unit: DemoUnit, period: { code: string; name: string }, heat = unit.heat): string {
  const r = rng(`${unit.code}:${period.code}`);
  const n = (max: number) => Math.max(1, Math.round(max * heat * (0.7 + 0.6 * r())));
  const say = (p: number) => r() < heat + p;
  const lines: string[] = [`${unit.name}${period.name}意识形态工作责任制落实情况报告`, ''];
  lines.push(`${period.name}，${unit.name}坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制，现将有关情况报告如下。`, '');
  lines.push('一、压实工作责任');
  lines.push(
    say(0.3)
      ? `党组织书记切实履行第一责任人职责，班子成员落实“一岗双责”。召开意识形态工作专题会议${n(4)}次，开展意识形态领域风险研判${n(2)}次，签订意识形态工作责任书${n(30)}份。`
      : '党组织书记履行第一责任人职责，班子成员落实“一岗双责”，定期研究意识形态工作。',
  );
  lines.push('', '二、加强理论武装');
  lines.push(
    say(0.2)
      ? `坚持“三会一课”制度，开展集中学习${n(12)}次，书记讲党课${n(3)}次，开展主题党日活动${n(6)}次。举办专题培训班${n(3)}期，培训党员干部${n(120)}人次。`
      : '坚持“三会一课”制度，组织党员开展集中学习和主题党日活动，学习效果有所提升。',
  );
  lines.push('', '三、守好宣传阵地');
  lines.push(
    say(0)
      ? `在单位网站和公众号发布新闻稿件${n(40)}篇，公众号推送${n(30)}期，向上级报送信息${n(25)}篇，其中被采用${n(8)}篇。制作宣传展板${n(12)}块，悬挂横幅${n(6)}条。`
      : '利用宣传栏、公众号等阵地开展宣传，营造了良好氛围。',
  );
  if (say(-0.2)) lines.push(`组织开展理论宣讲${n(8)}场，受众${n(600)}余人次。`);
  lines.push('', '四、加强网络阵地管理');
  lines.push(
    say(-0.1)
      ? `组建网络评论员队伍${n(15)}人，处置网络舆情${n(3)}起，未发生重大舆情事件。`
      : '加强网络舆情监测，及时处置苗头性问题。',
  );
  lines.push('', '五、推进精神文明建设');
  lines.push(
    say(-0.1)
      ? `开展志愿服务活动${n(10)}次，参与志愿者${n(200)}人次，与${n(3)}个社区开展结对共建，举办读书分享会等文体活动${n(5)}场。`
      : '积极组织志愿服务和文体活动，干部职工参与热情较高。',
  );
  lines.push('', '六、存在问题');
  lines.push('一是理论学习的深度和系统性还不够，学用结合不够紧密；');
  lines.push('二是意识形态工作重视程度和推进力度存在逐级衰减的现象，基层支部“上热下冷”；');
  if (r() < 0.6) lines.push('三是网络阵地建设力量薄弱，舆情应对能力有待提升。');
  lines.push('', '七、下步打算');
  lines.push('一是持续深化理论武装，每季度至少开展一次专题研讨；');
  lines.push('二是压紧压实责任链条，推动责任落实到基层支部；');
  lines.push('三是加强网络阵地建设，提升舆情应对能力。');
  return lines.join('\n');
}

/** A report copied from a template site and never filled in. */
export function templateReport(unit: DemoUnit, period: { name: string }): string {
  return [
    `${unit.name}${period.name}意识形态工作责任制落实情况报告`,
    '',
    '一、加强组织领导',
    '召开支委会专题研究意识形态工作x次，开展意识形态领域情况分析研判xx次。',
    '二、抓好理论学习',
    '组织集中学习X次，讲党课XX次，开展主题党日活动×次，培训党员xx余人次。',
    '三、存在问题',
    '一是学习形式较为单一；二是宣传阵地作用发挥不够。',
    '四、下步打算',
    '一是丰富学习形式；二是加强阵地建设。',
  ].join('\n');
}
