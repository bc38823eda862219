// Reads a PDF's text items in a separate Node process, for hosts that cannot import the ESM-only
// pdfjs-dist themselves (jest running sources as CommonJS). Used by src/pdf.ts as a fallback only.
//   node pdf-child.mjs '<pdfjs options as JSON>'  < file.pdf  > {"ok":true,"pages":[[item…]…]}
// The options (isEvalSupported: false, enableXfa: false, verbosity: 0 …) come from src/pdf.ts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const options = JSON.parse(process.argv[2] ?? '{}');
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const write = (value) => process.stdout.write(JSON.stringify(value));
console.log = console.error; // only the JSON goes to stdout

const task = pdfjs.getDocument({ ...options, data: new Uint8Array(Buffer.concat(chunks)) });
let doc;
try {
  doc = await task.promise;
} catch (e) {
  await task.destroy().catch(() => undefined);
  write({ ok: false, reason: e && e.name === 'PasswordException' ? 'encrypted' : 'corrupt' });
  process.exit(0);
}
try {
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.filter((i) => 'str' in i).map((i) => ({ str: i.str, transform: i.transform, width: i.width, height: i.height, hasEOL: i.hasEOL })));
    page.cleanup();
  }
  write({ ok: true, pages });
} catch {
  write({ ok: false, reason: 'corrupt' });
} finally {
  await task.destroy().catch(() => undefined);
}
