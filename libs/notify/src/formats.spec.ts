import { emailMessage, robotOutcome, truncateUtf8, webhookRequest } from './formats';
import { markdownLink } from './robot-markdown';
import { feishuSign, verifyGenericSignature } from './sign';
import type { MessageContent } from './types';

const m: MessageContent = {
  kind: 'overdue',
  title: '【逾期提醒】2026-H1 报告已逾期 3 天',
  body: '二中党支部：报告已于 2026-07-10 截止，<b>至今</b>未提交。',
  url: 'https://tc.example.gov.cn/my-unit?period=2026-H1',
  unit: { code: 'school-2', name: '二中党支部' },
  periodCode: '2026-H1',
  notificationId: 41,
  deliveryId: 77,
  createdAt: '2026-07-13T01:00:00.000Z',
};
const now = new Date('2026-07-13T01:00:05.123Z');

describe('message formats', () => {
  it('e-mail: Chinese subject, escaped HTML with the link, a text part with the link', () => {
    const e = emailMessage(m, 'https://tc.example.gov.cn/account');
    expect(e.subject).toBe(m.title);
    expect(e.text).toContain('查看详情：https://tc.example.gov.cn/my-unit?period=2026-H1');
    expect(e.html).toContain('href="https://tc.example.gov.cn/my-unit?period=2026-H1"');
    expect(e.html).toContain('&lt;b&gt;至今&lt;/b&gt;');
    expect(e.html).not.toContain('<b>至今');
  });

  it('generic: the JSON document, signed with timestamp and delivery id headers', () => {
    const r = webhookRequest('generic', 'https://hooks.example.com/x', 'whsec', m, now);
    const doc = JSON.parse(r.body) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: 41, deliveryId: 77, kind: 'overdue', title: m.title, url: m.url, unit: { code: 'school-2' } });
    expect(r.headers['x-thermocline-timestamp']).toBe('1783904405');
    expect(r.headers['x-thermocline-delivery']).toBe('77');
    expect(verifyGenericSignature('whsec', 1783904405, r.body, r.headers['x-thermocline-signature'])).toBe(true);
    expect(webhookRequest('generic', 'https://hooks.example.com/x', null, m, now).headers['x-thermocline-signature']).toBeUndefined();
  });

  it('WeCom: markdown with the title in bold and the link; no signature', () => {
    const r = webhookRequest('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', null, m, now);
    expect(r.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
    const body = m.body.replace('<b>至今</b>', '＜b＞至今＜/b＞');
    expect(JSON.parse(r.body)).toEqual({ msgtype: 'markdown', markdown: { content: `**${m.title}**\n${body}\n[查看详情](${m.url})` } });
  });

  // Issue 13, finding 9: a unit or period name carrying markdown must stay text in every group.
  describe.each(['wecom', 'dingtalk', 'feishu'] as const)('%s: names from people cannot add links, images, mentions or formatting', (type) => {
    const hostile: MessageContent = {
      ...m,
      title: '【催报】[点击领取](http://evil.example) 期次',
      body: '[点击](http://evil.example)党支部 ![x](http://evil.example/p.png) <@all> <font color="warning">紧急</font> **粗** # 标题 > 引用 `码` ~~删~~ | 表 http://evil.example/bare',
    };
    const text = () => {
      const body = JSON.parse(webhookRequest(type, 'https://robot.example/x', 'S', hostile, now).body) as Record<string, never>;
      return type === 'wecom' ? (body.markdown as { content: string }).content : type === 'dingtalk' ? (body.markdown as { text: string }).text : JSON.stringify(body.content);
    };

    it('keeps our one link and no other', () => {
      const t = text();
      if (type === 'feishu') {
        expect(t).not.toMatch(/<at|<font|<@/);
        expect((JSON.parse(webhookRequest(type, 'https://r/x', null, hostile, now).body) as { content: { post: { zh_cn: { content: { tag: string }[][] } } } }).content.post.zh_cn.content.flat().filter((x) => x.tag !== 'text')).toEqual([{ tag: 'a', text: '查看详情', href: m.url }]);
        return;
      }
      expect(t.match(/\]\(/g)).toHaveLength(1);
      expect(t).toContain(`[查看详情](${m.url})`);
      expect(t).not.toMatch(/http:\/\/evil|<@|<font|\*\*粗|`码`|~~删|\n# |\n> |!\[/);
      expect(t).toContain('［点击］(http：//evil.example)');
    });
  });

  it('percent-encodes what could close our own link', () => {
    expect(markdownLink('查看详情', 'https://tc.example/units/a)b [x]')).toBe('[查看详情](https://tc.example/units/a%29b%20%5Bx%5D)');
  });

  it('WeCom: content cut to 4096 UTF-8 bytes without splitting a character', () => {
    const long = { ...m, body: '冷'.repeat(3000) };
    const content = (JSON.parse(webhookRequest('wecom', 'https://q/x', null, long, now).body) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(content.endsWith('…')).toBe(true);
    expect(truncateUtf8('abc', 10)).toBe('abc');
  });

  it('DingTalk: markdown with title, signed in the query string with a millisecond timestamp', () => {
    const r = webhookRequest('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t', 'SECx', m, now);
    expect(r.url).toMatch(/^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=t&timestamp=1783904405123&sign=[A-Za-z0-9%]+$/);
    const body = JSON.parse(r.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe(m.title);
    expect(body.markdown.text).toContain(`[查看详情](${m.url})`);
    expect(webhookRequest('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t', null, m, now).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
  });

  it('Feishu: a zh_cn post with a link, signed in the body with a second timestamp', () => {
    const r = webhookRequest('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', 'SECy', m, now);
    const body = JSON.parse(r.body) as { timestamp: string; sign: string; msg_type: string; content: { post: { zh_cn: { title: string; content: unknown[][] } } } };
    expect(body.msg_type).toBe('post');
    expect(body.timestamp).toBe('1783904405');
    expect(body.sign).toBe(feishuSign('SECy', 1783904405).sign);
    expect(body.content.post.zh_cn.title).toBe(m.title);
    expect(body.content.post.zh_cn.content[1]).toEqual([{ tag: 'a', text: '查看详情', href: m.url }]);
  });

  it('reads the robots’ error codes: rate limits retry, bad keys and signatures do not', () => {
    expect(robotOutcome('wecom', '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotOutcome('feishu', '{"code":0,"msg":"success"}')).toEqual({ ok: true });
    expect(robotOutcome('wecom', '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({ ok: false, retry: true });
    expect(robotOutcome('dingtalk', '{"errcode":130101,"errmsg":"send too fast"}')).toMatchObject({ ok: false, retry: true });
    expect(robotOutcome('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ ok: false, retry: false, message: expect.stringContaining('310000') });
    expect(robotOutcome('feishu', '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}')).toMatchObject({ ok: false, retry: false });
    expect(robotOutcome('generic', 'anything')).toEqual({ ok: true });
  });
});
