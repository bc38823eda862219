// `npm run -s extract -- <file>` (shared/spec/metric-catalogue.md, section 3): the file's format is
// decided by its content (libs/documents), .md/.txt are read as text; one JSON object on stdout and
// exit 0, or one line on stderr and a non-zero exit for a file that cannot be read.
import { readFileSync } from 'node:fs';
import { DEFAULT_UPLOAD_LIMITS, DocumentError, decodeDocument, inspectUpload } from '@thermocline/documents';
import { DEFAULT_CATALOGUE, extract, prepareText } from '@thermocline/extraction';

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: npm run -s extract -- <file.docx|.doc|.pdf|.txt|.md>\n');
    return 64;
  }
  // Libraries must never write to stdout: only the JSON goes there.
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 66;
  }
  try {
    const inspected = inspectUpload(bytes, { ...DEFAULT_UPLOAD_LIMITS, maxBytes: Math.max(DEFAULT_UPLOAD_LIMITS.maxBytes, bytes.length) });
    if (!inspected.ok) throw inspected.error;
    const decoded = await decodeDocument(bytes, inspected.format);
    const text = prepareText(decoded.text);
    const result = extract(text, { definitions: DEFAULT_CATALOGUE });
    process.stdout.write(JSON.stringify({ ...result, format: decoded.format, encoding: decoded.encoding, pages: decoded.pages }) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof DocumentError) {
      process.stderr.write(`${file}: ${e.message} (${e.code})\n`);
      return 65;
    }
    process.stderr.write(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
