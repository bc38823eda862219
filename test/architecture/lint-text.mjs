// Lints source texts as if each were the file it names, with the project's ESLint config, and
// prints the messages as JSON. boundaries.spec.ts runs it in a child process: ESLint loads its
// config with import(), which jest's module sandbox cannot do.
//   echo '[{"filePath":"libs/analytics/src/index.ts","code":"…"}]' | node test/architecture/lint-text.mjs
// The config array goes straight to ESLint's Linter with absolute file names: the answer depends
// on eslint.config.mjs only, not on where the checkout sits or on ESLint's file lookup and ignore
// logic (a snippet the ESLint class ignores comes back as a warning without a ruleId, which
// would read as "allowed"). A message without a ruleId is kept as null so the spec sees it.
import { Linter } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// With CI=true typescript-eslint switches to "single run" mode, which parses the file on disk instead of the text
// it is given: every snippet would read as the library's real index.ts and nothing would fire.
process.env.TSESTREE_SINGLE_RUN = 'false';

const root = fileURLToPath(new URL('../..', import.meta.url));
let input = '';
for await (const chunk of process.stdin) input += chunk;
const config = (await import(pathToFileURL(join(root, 'eslint.config.mjs')).href)).default;
const linter = new Linter({ cwd: root });
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const messages = linter.verify(code, config, { filename: join(root, filePath) });
  out.push(messages.map((m) => ({ ruleId: m.ruleId ?? null, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify(out));
