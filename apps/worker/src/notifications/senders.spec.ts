import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@thermocline/config';
import type { WebhookRequest } from '@thermocline/notify';
import { DeliveryError, WebhookSender } from './senders';

describe('WebhookSender: what is retried, what is not, and the SSRF guard', () => {
  let server: Server;
  let base = '';
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      const path = req.url ?? '/';
      if (path.startsWith('/hang')) return; // never answers
      const status = Number(/\/(\d{3})/.exec(path)?.[1] ?? 200);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(path.includes('errcode') ? `{"errcode":${/errcode=(\d+)/.exec(path)?.[1]},"errmsg":"x"}` : '{"errcode":0}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const sender = (allowPrivate: boolean, timeoutMs = 2000) => new WebhookSender({ webhookAllowPrivate: allowPrivate, webhookTimeoutMs: timeoutMs } as AppConfig);
  const req = (url: string): WebhookRequest => ({ url, headers: { 'content-type': 'application/json' }, body: '{}' });
  const outcome = async (p: Promise<number>) => {
    try {
      return { status: await p };
    } catch (e) {
      return e instanceof DeliveryError ? { permanent: e.permanent, code: e.code, message: e.message } : { other: String(e) };
    }
  };

  it('2xx is delivered', async () => {
    expect(await outcome(sender(true).send('generic', req(`${base}/200`), []))).toEqual({ status: 200 });
  });

  it('5xx, 408 and 429 are retried; other 4xx are not', async () => {
    expect(await outcome(sender(true).send('generic', req(`${base}/503`), []))).toMatchObject({ permanent: false, code: 503 });
    expect(await outcome(sender(true).send('generic', req(`${base}/429`), []))).toMatchObject({ permanent: false, code: 429 });
    expect(await outcome(sender(true).send('generic', req(`${base}/400`), []))).toMatchObject({ permanent: true, code: 400, message: expect.stringMatching(/^HTTP 400/) });
    expect(await outcome(sender(true).send('generic', req(`${base}/404`), []))).toMatchObject({ permanent: true, code: 404 });
  });

  it('a timeout is retried', async () => {
    expect(await outcome(sender(true, 200).send('generic', req(`${base}/hang`), []))).toMatchObject({ permanent: false, message: expect.stringMatching(/超时/) });
  });

  it('robots: an error code in a 200 answer, retried only for rate limits', async () => {
    expect(await outcome(sender(true).send('wecom', req(`${base}/200?errcode=93000`), []))).toMatchObject({ permanent: true, message: expect.stringMatching(/企业微信返回错误 93000/) });
    expect(await outcome(sender(true).send('wecom', req(`${base}/200?errcode=45009`), []))).toMatchObject({ permanent: false });
  });

  it('never reaches loopback or private hosts when WEBHOOK_ALLOW_PRIVATE is false, by IP or by name', async () => {
    const before = hits;
    const port = new URL(base).port;
    expect(await outcome(sender(false).send('generic', req(`${base}/200`), []))).toMatchObject({ permanent: true, message: expect.stringMatching(/内网|本机/) });
    expect(await outcome(sender(false).send('generic', req(`http://localhost:${port}/200`), []))).toMatchObject({ permanent: true, message: expect.stringMatching(/内网|本机/) });
    expect(hits).toBe(before);
  });

  it('keeps secrets out of error messages', async () => {
    const r = await outcome(sender(true).send('generic', req('http://127.0.0.1:1/x?key=SECRET-TOKEN-123'), ['SECRET-TOKEN-123']));
    expect(r).toMatchObject({ permanent: false });
    expect(JSON.stringify(r)).not.toContain('SECRET-TOKEN-123');
  });
});
