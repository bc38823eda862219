// Uploads a report with XMLHttpRequest, the only browser api that reports upload progress.
// The answer is typed from the generated schema.
import { UPLOAD_ACCEPT, UPLOAD_TYPES_TEXT } from '@thermocline/contracts';
import { authHeader, ApiError, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { sessionStore } from '../../session/session';

export type UploadAccepted = components['schemas']['UploadAcceptedDto'];

/** What the picker offers: the one list in libs/contracts (the api detects the same formats). */
export const ACCEPT = UPLOAD_ACCEPT;

export function uploadReport(
  file: File,
  unitCode: string,
  periodCode: string,
  onProgress: (percent: number) => void,
  xhrFactory: () => XMLHttpRequest = () => new XMLHttpRequest(),
): { promise: Promise<UploadAccepted>; abort(): void } {
  const xhr = xhrFactory();
  const promise = new Promise<UploadAccepted>((resolve, reject) => {
    const form = new FormData();
    form.append('unitCode', unitCode);
    form.append('periodCode', periodCode);
    form.append('file', file, file.name);
    xhr.open('POST', '/api/reports');
    for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, errorMessage(null, 0)));
    xhr.onabort = () => reject(new ApiError(0, '已取消上传'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 401) sessionStore.end('expired');
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        onProgress(100);
        resolve(body as UploadAccepted);
      } else reject(new ApiError(xhr.status, errorMessage(body, xhr.status), body));
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** What the secretary should do when extraction failed, beside the api's reason. */
export function failureAdvice(error: string | null | undefined, t: (zh: string, en: string) => string): string {
  const e = error ?? '';
  if (/加密|密码|encrypt/i.test(e)) return t('请另存为未加密的文件后重新上传。', 'Save an unencrypted copy and upload it again.');
  if (/扫描|图片|image|没有文字|无文字/i.test(e)) return t('文件中没有可读取的文字（可能是扫描件），请上传 Word 原稿或 .txt。', 'The file has no readable text (a scan?): upload the Word original or a .txt.');
  return t(`请确认文件为 ${UPLOAD_TYPES_TEXT.zh} 并能正常打开，然后重新上传；也可点击“重试”。仍不成功请联系管理员。`, `Check the file is ${UPLOAD_TYPES_TEXT.en} and opens normally, then upload it again, or press Retry. If it still fails, contact an administrator.`);
}
