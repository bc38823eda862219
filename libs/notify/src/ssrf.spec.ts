import { assertPublicTarget, checkWebhookUrl, isPrivateAddress } from './ssrf';
import { maskSecret, maskUrl, redact } from './mask';

describe('SSRF guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'ff02::1', 'not-an-ip'])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '114.114.114.114', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8'])('allows %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('checks URLs: protocol, and private IP literals unless allowed', () => {
    expect(() => checkWebhookUrl('ftp://x/y', true)).toThrow(/http/);
    expect(() => checkWebhookUrl('http://127.0.0.1:8080/hook', false)).toThrow(/内网/);
    expect(() => checkWebhookUrl('http://[::1]/hook', false)).toThrow(/内网/);
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true).port).toBe('8080');
  });

  it('resolves host names and refuses one that points inside', async () => {
    await expect(assertPublicTarget('http://localhost:9/x', false)).rejects.toThrow(/内网|本机/);
    await expect(assertPublicTarget('http://localhost:9/x', true)).resolves.toBeUndefined();
  });
});

describe('masking secrets', () => {
  it('never shows a secret or a robot token in full', () => {
    expect(maskSecret('SEC0123456789abcdef')).toBe('SEC0…cdef');
    expect(maskSecret('short')).toBe('****');
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…5aaa');
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2bd5b8e4-1e87-4f0a-9c5e-123456789abc')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/2bd5…9abc');
    expect(redact('POST https://x/send?key=abcdef123 failed', ['abcdef123'])).toBe('POST https://x/send?key=*** failed');
  });
});
