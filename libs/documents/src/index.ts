export { DocumentError, DEFAULT_UPLOAD_LIMITS } from './errors';
export type { DocumentFormat, UploadLimits } from './errors';
export { checkZipLimits, inspectUpload, MIME_TYPES } from './inspect';
export type { InspectResult } from './inspect';
export { decodeDocument } from './decode';
export type { DecodedDocument } from './decode';
export { safeFileName } from './safe-name';
export { isPlainZip, unpackArchive, zipEntryName } from './archive';
export type { ArchiveFile } from './archive';
