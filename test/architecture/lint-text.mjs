// Lints source texts as if each were the file it names, with the project's ESLint config, and
// prints the messages as JSON. boundaries.spec.ts runs it in a child process: ESLint loads its
// config with import(), which jest's module sandbox cannot do.
//   echo '[{"filePath":"libs/analytics/src/index.ts","code":"…"}]' | node test/architecture/lint-text.mjs
// The config file and the paths are absolute so that the answer cannot depend on the directory
// the checkout sits in or on ESLint's config lookup; a snippet ESLint would ignore is reported as
// such (its "file ignored" warning has no ruleId and would otherwise read as "allowed").
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.mjs') });
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const absolute = join(root, filePath);
  if (await eslint.isPathIgnored(absolute)) {
    out.push([{ ruleId: null, message: `ignored by the config: ${absolute}`, line: 0 }]);
    continue;
  }
  const [result] = await eslint.lintText(code, { filePath: absolute });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId ?? null, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify(out));
