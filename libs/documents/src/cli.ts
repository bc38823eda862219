// `tsx libs/documents/src/cli.ts <file>`: decodes one file and prints {format, encoding, pages, text}
// as JSON, or {error:{code,status,message}} with exit code 2. Used by the PDF tests (jest cannot load
// the ESM-only pdfjs without flags) and handy for looking at what an upload decodes to.
import { readFileSync } from 'node:fs';
import { DEFAULT_UPLOAD_LIMITS, DocumentError } from './errors';
import { inspectUpload } from './inspect';
import { decodeDocument } from './decode';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: cli.ts <file>\n');
    process.exit(64);
  }
  console.log = console.error; // nothing but the JSON may reach stdout
  const bytes = readFileSync(file);
  const inspected = inspectUpload(bytes, DEFAULT_UPLOAD_LIMITS);
  try {
    if (!inspected.ok) throw inspected.error;
    const decoded = await decodeDocument(bytes, inspected.format);
    process.stdout.write(JSON.stringify(decoded) + '\n');
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    process.stdout.write(JSON.stringify({ error: { code: e.code, status: e.status, message: e.message } }) + '\n');
    process.exitCode = 2;
  }
}

void main();
