import { dingtalkSign, dingtalkSignedUrl, feishuSign, genericSignature, verifyGenericSignature } from './sign';

describe('webhook signatures', () => {
  // Vector computed by hand, outside this code, from DingTalk's documented algorithm:
  //   printf '1577262236757\nthis is secret' | openssl dgst -sha256 -hmac 'this is secret' -binary | base64
  //   → hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=   (then URL-encoded, as Java's URLEncoder does)
  it('DingTalk: HmacSHA256(secret, timestamp + "\\n" + secret), Base64, URL-encoded', () => {
    expect(dingtalkSign('this is secret', 1577262236757)).toEqual({ timestamp: '1577262236757', sign: 'hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D' });
  });

  it('DingTalk: timestamp and sign are appended to the robot URL', () => {
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'this is secret', 1577262236757)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D',
    );
  });

  // printf '' | openssl dgst -sha256 -hmac "$(printf '1599360473\nSECabc')" -binary | base64
  it('Feishu: the key is timestamp + "\\n" + secret, the message empty, Base64 (seconds)', () => {
    expect(feishuSign('SECabc', 1599360473)).toEqual({ timestamp: '1599360473', sign: 'KjJCRpeZcpDq6nFA4wlSAm5ZsE3Y8HuB1O1Sgv2Y9xA=' });
  });

  // python3: hmac.new(b'whsec', b'1700000000.{"a":1}', sha256).hexdigest()
  it('generic: sha256=HMAC(secret, timestamp "." body) in hex, verifiable by a receiver', () => {
    const sig = genericSignature('whsec', 1700000000, '{"a":1}');
    expect(sig).toBe('sha256=8ad37ba156048ae0e0a5533c75cdf26fee88b07f93cb57ee4c80adb053012032');
    expect(verifyGenericSignature('whsec', 1700000000, '{"a":1}', sig)).toBe(true);
    expect(verifyGenericSignature('whsec', 1700000001, '{"a":1}', sig)).toBe(false);
    expect(verifyGenericSignature('other', 1700000000, '{"a":1}', sig)).toBe(false);
  });
});
