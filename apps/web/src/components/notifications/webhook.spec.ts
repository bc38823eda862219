import type { WebhookSettings } from '../../api/types';
import { channelCreateBody, channelUpdateBody, checkSecret, checkWebhookUrl, webhookPatch } from './webhook';

const zh = (z: string) => z;
const STORED: WebhookSettings = { id: 1, type: 'generic', url: 'https://hooks.example.cn/a…z', secretSet: true, secretHint: 'whse…6789', enabled: true };

describe('webhookPatch (personal robot)', () => {
  it('keeps the stored URL and secret when left blank', () => {
    expect(webhookPatch(STORED, { type: 'generic', url: ' ', secret: '', enabled: true })).toEqual({ type: 'generic', enabled: true });
  });
  it('sends a typed URL and secret', () => {
    expect(webhookPatch(STORED, { type: 'feishu', url: ' https://open.feishu.cn/open-apis/bot/v2/hook/x ', secret: 's3', enabled: false })).toEqual({
      type: 'feishu',
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x',
      secret: 's3',
      enabled: false,
    });
  });
  it('removes the secret with "" only when one is stored', () => {
    expect(webhookPatch(STORED, { type: 'generic', clearSecret: true, secret: 'ignored' })).toEqual({ type: 'generic', secret: '', enabled: true });
    expect(webhookPatch({ ...STORED, secretSet: false }, { type: 'generic', clearSecret: true })).toEqual({ type: 'generic', enabled: true });
  });
  it('never sends a secret for WeCom (its robots are not signed)', () => {
    expect(webhookPatch(STORED, { type: 'wecom', secret: 'typed-before-switching' })).toEqual({ type: 'wecom', enabled: true });
  });
  it('needs a URL when none is stored', () => {
    expect(() => webhookPatch(null, { type: 'generic', url: '' })).toThrow();
  });
});

describe('checkWebhookUrl / checkSecret', () => {
  it('errors stop saving', () => {
    expect(checkWebhookUrl('generic', 'hooks.example.cn/x', zh).error).toMatch('https://');
    expect(checkWebhookUrl('generic', 'ftp://hooks.example.cn/x', zh).error).toMatch('http');
    expect(checkWebhookUrl('generic', `https://x.cn/${'a'.repeat(1000)}`, zh).error).toMatch('过长');
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', zh).error).toMatch('key=');
    expect(checkWebhookUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send', zh).error).toMatch('access_token');
    expect(checkSecret('dingtalk', 'abc', zh).error).toMatch('SEC');
    expect(checkSecret('wecom', 'abc', zh).error).toMatch('留空');
    expect(checkSecret('generic', 'x'.repeat(256), zh).error).toMatch('过长');
  });
  it('an unusual host or plain http only warns', () => {
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1', zh)).toEqual({});
    expect(checkWebhookUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t', zh)).toEqual({});
    expect(checkWebhookUrl('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', zh)).toEqual({});
    expect(checkWebhookUrl('feishu', 'https://robot.internal.example/hook/abc', zh).warning).toMatch('open.feishu.cn');
    expect(checkWebhookUrl('generic', 'http://hooks.example.cn/x', zh).warning).toMatch('https');
    expect(checkSecret('dingtalk', 'SEC123', zh)).toEqual({});
    expect(checkSecret('generic', '', zh)).toEqual({});
  });
});

describe('channel bodies', () => {
  it('create: trimmed, reminders by default', () => {
    expect(channelCreateBody({ unitCode: 'school-1', name: ' 一中群 ', type: 'wecom', url: ' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k ', secret: 'x' })).toEqual({
      unitCode: 'school-1',
      name: '一中群',
      type: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      secret: 'x',
      events: ['reminder'],
      enabled: true,
    });
  });
  it('update: only what changed; blank URL and secret keep the stored ones', () => {
    const cur = { name: '一中群', type: 'dingtalk' as const, events: ['reminder', 'flag'] as ('reminder' | 'flag')[], enabled: true, secretSet: true };
    expect(channelUpdateBody(cur, { name: '一中群', type: 'dingtalk', url: '', secret: '', events: ['flag', 'reminder'], enabled: true })).toEqual({});
    expect(channelUpdateBody(cur, { name: '一中党总支群', type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=n', secret: 'SECnew', events: ['reminder'], enabled: false })).toEqual({
      name: '一中党总支群',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=n',
      secret: 'SECnew',
      events: ['reminder'],
      enabled: false,
    });
    expect(channelUpdateBody(cur, { type: 'dingtalk', clearSecret: true })).toEqual({ secret: '' });
  });
});
