import { explainSmtpError, mailSecrets, smtpOptions } from './mail';

describe('explainSmtpError: what the administrator reads when mail fails', () => {
  const secret = 'Very-Secret-Pw-9';

  it('a refused login is said as such, permanent, without the password', () => {
    const p = explainSmtpError(Object.assign(new Error(`Invalid login: 535 5.7.8 auth failed for ${secret}`), { code: 'EAUTH', responseCode: 535, response: `535 5.7.8 auth failed for ${secret}` }), [secret]);
    expect(p.message).toMatch(/^用户名或密码被邮件服务器拒绝/);
    expect(p.message).not.toContain(secret);
    expect(p).toMatchObject({ permanent: true, code: 535 });
  });

  it('a closed port, an unknown host and a timeout are network problems (retried)', () => {
    expect(explainSmtpError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:25'), { code: 'ESOCKET' }), [])).toMatchObject({ message: expect.stringMatching(/^连接被拒绝/), permanent: false });
    expect(explainSmtpError(Object.assign(new Error('getaddrinfo ENOTFOUND smtp.nowhere.invalid'), { code: 'EDNS' }), []).message).toMatch(/^找不到邮件服务器/);
    expect(explainSmtpError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }), [], { port: 465, secure: false }).message).toMatch(/465 端口通常需勾选“SSL\/TLS”/);
  });

  it('a TLS mismatch names the setting to change', () => {
    const p = explainSmtpError(Object.assign(new Error('1C0A0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'ESOCKET' }), [], { port: 587, secure: true });
    expect(p.message).toMatch(/^TLS 设置与服务器不符/);
  });

  it('a refused sender or recipient is permanent', () => {
    expect(explainSmtpError(Object.assign(new Error('Mail command failed: 553 sender not owned'), { code: 'EENVELOPE', responseCode: 553 }), [])).toMatchObject({ message: expect.stringMatching(/拒绝了发件人或收件人/), permanent: true });
  });
});

describe('stored and env settings as nodemailer options', () => {
  it('logs in only when a username is set', () => {
    const t = { connectionMs: 1, greetingMs: 2, socketMs: 3 };
    const base = { host: 'smtp.x.gov.cn', port: 465, secure: true, from: 'a@x.gov.cn' };
    expect(smtpOptions({ source: 'stored', problem: null, settings: { ...base, username: 'u', password: 'p' } }, t)).toMatchObject({ host: 'smtp.x.gov.cn', port: 465, secure: true, auth: { user: 'u', pass: 'p' }, connectionTimeout: 1 });
    expect(smtpOptions({ source: 'stored', problem: null, settings: { ...base, username: null, password: null } }, t).auth).toBeUndefined();
  });

  it('names the secrets to redact: the env URL and its password, the stored password', () => {
    expect(mailSecrets({ source: 'env', url: 'smtp://u:p%40ss-word@h:25', from: 'a@x' })).toEqual(['smtp://u:p%40ss-word@h:25', 'p@ss-word', 'p%40ss-word']);
    expect(mailSecrets({ source: 'stored', problem: null, settings: { host: 'h', port: 25, secure: false, username: 'u', password: 'pw-123', from: 'a@x' } })).toEqual(['pw-123']);
    expect(mailSecrets({ source: 'none' })).toEqual([]);
  });
});
