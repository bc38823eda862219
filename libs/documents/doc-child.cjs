// Reads a Word 97–2003 (.doc) file's body text in a separate Node process, started by src/decode.ts
// with a memory cap: word-extractor trusts the lengths inside the file, and a damaged or crafted .doc
// can make it allocate arrays until V8 aborts the whole process. Here only this child dies.
//   node --max-old-space-size=256 doc-child.cjs < file.doc > {"ok":true,"text":"…"}
'use strict';
const WordExtractor = require('word-extractor');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  console.log = console.error; // only the JSON goes to stdout
  new WordExtractor()
    .extract(Buffer.concat(chunks))
    .then((doc) => process.stdout.write(JSON.stringify({ ok: true, text: doc.getBody() })))
    .catch(() => process.stdout.write(JSON.stringify({ ok: false })));
});
