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

/** One report text for a unit; a colder unit writes fewer, vaguer sentences. Each section has
 * several phrasings, picked per unit, so two units' reports are no closer than real ones are. */
export function demoReport(unit: DemoUnit, period: { code: string; name: string }, heat = unit.heat): string {
  const r = rng(`${unit.code}:${period.code}`);
  const n = (max: number) => Math.max(1, Math.round(max * heat * (0.7 + 0.6 * r())));
  const say = (p: number) => r() < heat + p;
  const pick = <T>(options: T[]): T => options[Math.floor(r() * options.length)];
  const u = unit.name;
  const lines: string[] = [`${u}${period.name}意识形态工作责任制落实情况报告`, ''];
  lines.push(
    pick([
      `${period.name}，${u}坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制，现将有关情况报告如下。`,
      `今年以来，${u}在上级党组织的坚强领导下，把意识形态工作摆在重要位置，与业务工作同部署、同落实。现将${period.name}工作汇报如下。`,
      `根据上级关于报送意识形态工作落实情况的通知要求，${u}对${period.name}工作进行了认真梳理，现报告如下。`,
    ]),
    '',
  );
  lines.push(pick(['一、压实工作责任', '一、加强组织领导，落实主体责任', '一、健全责任体系']));
  lines.push(
    say(0.3)
      ? pick([
          `党组织书记切实履行第一责任人职责，班子成员落实“一岗双责”。召开意识形态工作专题会议${n(4)}次，开展意识形态领域风险研判${n(2)}次，签订意识形态工作责任书${n(30)}份。`,
          `${period.name}共召开意识形态工作专题会议${n(4)}次，分析研判思想动态${n(2)}次，层层签订责任书${n(30)}份，把责任落实到每个岗位。`,
          `修订完善意识形态工作责任清单，与各科室负责人签订责任状${n(30)}份；召开专题会议${n(4)}次研究部署意识形态工作，开展专项督查${n(2)}次。`,
        ])
      : pick(['党组织书记履行第一责任人职责，班子成员落实“一岗双责”，定期研究意识形态工作。', '能够按照上级要求落实意识形态工作责任制，做到有部署、有检查。']),
  );
  lines.push('', pick(['二、加强理论武装', '二、强化理论学习，筑牢思想根基', '二、抓好学习教育']));
  lines.push(
    say(0.2)
      ? pick([
          `坚持“三会一课”制度，开展集中学习${n(12)}次，书记讲党课${n(3)}次，开展主题党日活动${n(6)}次。举办专题培训班${n(3)}期，培训党员干部${n(120)}人次。`,
          `落实每月集中学习制度，全年组织集中学习${n(12)}次；班子成员带头讲党课${n(3)}次；结合重要节点开展主题党日${n(6)}次，组织业务骨干培训${n(3)}期、${n(120)}人次。`,
          `以“三会一课”为载体，组织政治理论学习${n(12)}次、主题党日活动${n(6)}次，书记上党课${n(3)}次，选派党员参加各级培训${n(120)}人次。`,
        ])
      : pick(['坚持“三会一课”制度，组织党员开展集中学习和主题党日活动，学习效果有所提升。', '组织党员干部认真学习上级精神，学习氛围比较浓厚。']),
  );
  lines.push('', pick(['三、守好宣传阵地', '三、加强宣传引导，唱响主旋律', '三、做好新闻宣传']));
  lines.push(
    say(0)
      ? pick([
          `在单位网站和公众号发布新闻稿件${n(40)}篇，公众号推送${n(30)}期，向上级报送信息${n(25)}篇，其中被采用${n(8)}篇。制作宣传展板${n(12)}块，悬挂横幅${n(6)}条。`,
          `围绕中心工作开展宣传，全年在门户网站发布信息${n(40)}篇，微信公众号推送${n(30)}期；向县级以上媒体投稿${n(25)}篇；更新宣传栏和展板${n(12)}块。`,
          `发挥新媒体作用，公众号累计推送${n(30)}期，编发工作动态${n(40)}条，向上级部门报送稿件${n(25)}篇，在办公区设置宣传展板${n(12)}块。`,
        ])
      : pick(['利用宣传栏、公众号等阵地开展宣传，营造了良好氛围。', '通过多种形式开展宣传，取得了一定效果。']),
  );
  if (say(-0.2)) lines.push(pick([`组织开展理论宣讲${n(8)}场，受众${n(600)}余人次。`, `邀请专家开展宣讲${n(8)}场，覆盖干部职工${n(600)}余人次。`]));
  lines.push('', pick(['四、加强网络阵地管理', '四、筑牢网络意识形态防线', '四、做好网络舆情工作']));
  lines.push(
    say(-0.1)
      ? pick([
          `组建网络评论员队伍${n(15)}人，处置网络舆情${n(3)}起，未发生重大舆情事件。`,
          `建立网络信息员队伍${n(15)}人，加强日常监测，妥善处置涉及本单位的网络舆情${n(3)}起。`,
        ])
      : pick(['加强网络舆情监测，及时处置苗头性问题。', '落实网络安全责任，网络阵地总体平稳。']),
  );
  lines.push('', pick(['五、推进精神文明建设', '五、深化文明创建', '五、丰富干部职工文化生活']));
  lines.push(
    say(-0.1)
      ? pick([
          `开展志愿服务活动${n(10)}次，参与志愿者${n(200)}人次，与${n(3)}个社区开展结对共建，举办读书分享会等文体活动${n(5)}场。`,
          `组织党员志愿者深入社区开展服务${n(10)}次、${n(200)}人次，结对帮扶困难家庭${n(3)}户，举办运动会、读书会等活动${n(5)}场。`,
        ])
      : pick(['积极组织志愿服务和文体活动，干部职工参与热情较高。', '开展了一些志愿服务活动。']),
  );
  lines.push('', pick(['六、存在问题', '六、存在的不足', '六、问题和短板']));
  const problems = [
    '理论学习的深度和系统性还不够，学用结合不够紧密',
    '意识形态工作重视程度和推进力度存在逐级衰减的现象，基层支部“上热下冷”',
    '网络阵地建设力量薄弱，舆情应对能力有待提升',
    '宣传形式较为单一，吸引力感染力不强',
    '责任制考核的刚性约束不足，压力传导不到位',
  ];
  const chosen = problems.filter(() => r() < 0.6).slice(0, 3);
  if (!chosen.length) chosen.push(problems[0]);
  const ordinal = ['一', '二', '三'];
  chosen.forEach((p, i) => lines.push(`${ordinal[i]}是${p}${i === chosen.length - 1 ? '。' : '；'}`));
  lines.push('', pick(['七、下步打算', '七、下一步工作打算', '七、今后努力方向']));
  const plans = ['持续深化理论武装，每季度至少开展一次专题研讨', '压紧压实责任链条，推动责任落实到基层支部', '加强网络阵地建设，提升舆情应对能力', '创新宣传方式，讲好本单位故事'];
  const planned = plans.filter(() => r() < 0.7).slice(0, 3);
  if (!planned.length) planned.push(plans[1]);
  planned.forEach((p, i) => lines.push(`${ordinal[i]}是${p}${i === planned.length - 1 ? '。' : '；'}`));
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
