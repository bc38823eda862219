// Lints source texts as if each were the file it names, with the project's ESLint config, and
// prints the messages as JSON. boundaries.spec.ts runs it in a child process: ESLint loads its
// config with import(), which jest's module sandbox cannot do.
//   echo '[{"filePath":"libs/analytics/src/index.ts","code":"…"}]' | node test/architecture/lint-text.mjs
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify(out));
