import { failureAdvice, uploadReport } from './upload';
import { sessionStore, sessionFromLogin } from '../../session/session';

class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(m: string, u: string) {
    this.method = m;
    this.url = u;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send(b: FormData) {
    this.body = b;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const factory = () => new FakeXhr() as unknown as XMLHttpRequest;
const file = new File(['hello'], '报告.docx');

beforeEach(() =>
  sessionStore.set(
    sessionFromLogin(
      { accessToken: 'tok', expiresIn: 3600, user: { id: 1, username: 's', displayName: 's', role: 'secretary', unitCode: 'school-1', unitName: '一中', unitLevel: 2, mustChangePassword: false } },
      Date.now(),
    ),
  ),
);

it('posts the file with unit and period and the bearer token, reporting progress', async () => {
  const progress: number[] = [];
  const { promise } = uploadReport(file, 'school-1', '2026-H1', (p) => progress.push(p), factory);
  const x = FakeXhr.last;
  expect(x.method).toBe('POST');
  expect(x.url).toBe('/api/reports');
  expect(x.headers.Authorization).toBe('Bearer tok');
  expect(x.body?.get('unitCode')).toBe('school-1');
  expect(x.body?.get('periodCode')).toBe('2026-H1');
  expect((x.body?.get('file') as File).name).toBe('报告.docx');
  x.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
  x.answer(202, { id: 7, version: 1, status: 'queued' });
  await expect(promise).resolves.toEqual({ id: 7, version: 1, status: 'queued' });
  expect(progress).toEqual([25, 100]);
});

it('rejects with the api’s own message for a bad file', async () => {
  const { promise } = uploadReport(file, 'school-1', '2026-H1', () => undefined, factory);
  FakeXhr.last.answer(415, { statusCode: 415, error: 'Unsupported Media Type', message: '不支持的文件类型：请上传 .docx、.doc、.pdf 或 .txt' });
  await expect(promise).rejects.toMatchObject({ status: 415, message: '不支持的文件类型：请上传 .docx、.doc、.pdf 或 .txt' });
});

it('a 401 ends the session', async () => {
  const { promise } = uploadReport(file, 'school-1', '2026-H1', () => undefined, factory);
  FakeXhr.last.answer(401, { statusCode: 401, message: '登录已过期' });
  await expect(promise).rejects.toMatchObject({ status: 401 });
  expect(sessionStore.get()).toBeNull();
});

it('a network failure says so in Chinese', async () => {
  const { promise } = uploadReport(file, 'school-1', '2026-H1', () => undefined, factory);
  FakeXhr.last.onerror?.();
  await expect(promise).rejects.toMatchObject({ status: 0, message: '无法连接服务器，请检查网络后重试' });
});

it('tells the secretary what to do after a failure', () => {
  const t = (zh: string) => zh;
  expect(failureAdvice('文件已加密，无法读取', t)).toContain('未加密');
  expect(failureAdvice('PDF 中没有文字（可能是扫描件）', t)).toContain('Word 原稿');
  expect(failureAdvice(null, t)).toContain('重新上传');
});
