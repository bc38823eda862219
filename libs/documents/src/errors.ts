import type { UploadFormat } from '@thermocline/contracts';
/**
 * A file that cannot be taken as a report. `message` is Chinese and tells a branch secretary what to do
 * next; `code` is stable for programs; `status` is the HTTP status the api answers with.
 */
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 413 | 415 | 422,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** The formats accepted, as libs/contracts lists them for the picker and the notices. */
export type DocumentFormat = UploadFormat;

export interface UploadLimits {
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
  /** Largest sum of the uncompressed sizes of a .docx's entries. */
  maxUnpackedBytes: number;
  /** Most entries a .docx may hold. */
  maxEntries: number;
}

/** Generous defaults for a report: a Word file with photos is a few MB, its XML rarely over 20 MB. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxEntries: 2000,
};

const SUPPORTED = '请上传 Word（.docx 或 .doc）、PDF 或纯文本（.txt）格式的报告';

/** The catalogue of reasons, so the api, the worker and the tests say the same thing. */
export const errors = {
  empty: () => new DocumentError('EMPTY_FILE', '文件是空的（0 字节），请重新选择报告文件后再上传', 400),
  tooLarge: (max: number) =>
    new DocumentError(
      'FILE_TOO_LARGE',
      `文件超过 ${formatSize(max)} 的大小限制。请删去文档中的大图片或附件，或另存为 PDF 后再上传`,
      413,
    ),
  executable: () => new DocumentError('EXECUTABLE', `文件是可执行程序，不是报告文档。${SUPPORTED}`, 415),
  html: () =>
    new DocumentError('HTML_OR_SCRIPT', `文件是网页（HTML）或脚本，不是报告文档。请在 Word 或 WPS 中另存为 .docx 后上传`, 415),
  image: () => new DocumentError('IMAGE', `文件是图片，无法读取其中的文字。${SUPPORTED}`, 415),
  archive: () => new DocumentError('ARCHIVE', `文件是压缩包，请解压后上传其中的报告文档。${SUPPORTED}`, 415),
  rtf: () => new DocumentError('RTF', 'RTF 格式暂不支持，请在 Word 或 WPS 中另存为 .docx 后上传', 415),
  odt: () => new DocumentError('ODT', 'OpenDocument（.odt）格式暂不支持，请另存为 .docx 后上传', 415),
  unknown: () => new DocumentError('UNSUPPORTED_FORMAT', `无法识别文件格式。${SUPPORTED}`, 415),
  notText: () =>
    new DocumentError(
      'NOT_TEXT',
      `文件内容不是可读的文字（可能已损坏，或不是文本文件）。${SUPPORTED}；纯文本请保存为 UTF-8 或 GBK 编码`,
      415,
    ),
  notWord: (what?: string) =>
    new DocumentError(
      'NOT_WORD',
      `文件不是有效的 Word 文档${what ? `（看起来是${what}）` : '（缺少正文 word/document.xml）'}。请用 Word 或 WPS 打开后另存为 .docx 再上传`,
      415,
    ),
  zipCorrupt: () =>
    new DocumentError('CORRUPT_DOCX', '文件不是有效的 Word 文档：文件不完整或已损坏。请在 Word 或 WPS 中重新保存后上传', 422),
  zipBomb: () =>
    new DocumentError(
      'UNPACKED_TOO_LARGE',
      '文件解压后过大或包含的部件过多，不像正常的报告文档。请在 Word 或 WPS 中另存为新文件后再上传',
      413,
    ),
  wordEncrypted: () =>
    new DocumentError('ENCRYPTED_WORD', 'Word 文档设置了打开密码，无法读取。请取消密码后重新上传', 422),
  oleNotWord: (what: string) =>
    new DocumentError('NOT_WORD', `文件是${what}，不是 Word 文档。请把报告内容放入 Word 文档后上传`, 415),
  docCorrupt: () =>
    new DocumentError('CORRUPT_DOC', 'Word（.doc）文档已损坏，无法读取。请用 Word 或 WPS 打开后另存为 .docx 再上传', 422),
  pdfEncrypted: () => new DocumentError('ENCRYPTED_PDF', 'PDF 已加密，无法读取，请上传未加密的版本', 422),
  pdfCorrupt: () =>
    new DocumentError('CORRUPT_PDF', 'PDF 文件已损坏，无法读取。请重新导出 PDF，或直接上传 Word 文档', 422),
  pdfNoText: () =>
    new DocumentError(
      'PDF_NO_TEXT',
      'PDF 中没有可提取的文字（可能是扫描件或图片）。请上传 Word 文档，或由 Word 直接导出的 PDF',
      422,
    ),
  archiveCorrupt: () => new DocumentError('CORRUPT_ZIP', '压缩包不完整或已损坏，无法解开。请重新压缩（.zip）后上传，或直接选择其中的报告文件', 422),
  archiveTooLarge: () =>
    new DocumentError('ZIP_TOO_LARGE', '压缩包解开后过大或文件过多，超出单次上传的限制。请分成几个压缩包，或直接选择报告文件上传', 413),
  archiveEncrypted: () => new DocumentError('ENCRYPTED_ZIP', '压缩包设置了密码，无法解开。请解压后直接选择其中的报告文件上传', 422),
  noText: () => new DocumentError('EMPTY_TEXT', '文档中没有可读取的文字，请确认上传的是填写好的报告', 422),
  failed: () =>
    new DocumentError('DECODE_FAILED', '读取文档时出错，请稍后重试；如仍失败，请另存为 .docx 后上传', 422, true),
};

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
