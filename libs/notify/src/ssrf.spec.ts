import { assertPublicTarget, checkWebhookUrl, isPrivateAddress } from './ssrf';
import { maskSecret, maskUrl, redact } from './mask';

describe('SSRF guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'ff02::1', 'not-an-ip'])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  // Issue 13, finding 7: IPv6 forms that were saved as webhooks by the outside test.
  it.each([
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::10.0.0.1', 'IPv4-compatible private'],
    ['::a9fe:a9fe', 'IPv4-compatible metadata address'],
    ['2002:7f00:1::1', '6to4 of 127.0.0.1'],
    ['2002:a9fe:a9fe::1', '6to4 of 169.254.169.254'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::10.0.0.1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b:1::7f00:1', 'NAT64 local-use prefix'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['fec0::1', 'site-local'],
    ['::ffff:0:7f00:1', 'SIIT of 127.0.0.1'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation (new)'],
    ['5f00::1', 'segment routing'],
    ['fe80::1%eth0', 'link-local with a zone'],
  ])('refuses %s (%s)', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
    expect(() => checkWebhookUrl(`https://[${ip.replace(/%.*/, '')}]/hook`, false)).toThrow(/内网/);
  });

  it.each(['8.8.8.8', '114.114.114.114', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8', '2002:808:808::1', '64:ff9b::808:808', '2408:8000::1'])('allows %s', (ip) => {
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
