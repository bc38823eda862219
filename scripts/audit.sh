#!/usr/bin/env bash
# Dependency audit of what ships: `npm audit --omit=dev` (production dependencies only).
#
#   exit 0  no high or critical advisory
#   exit 0  the advisory endpoint could not be reached — printed loudly as "COULD NOT CHECK"
#           (AUDIT_REQUIRED=1 turns this into exit 3, for a CI whose registry answers audits)
#   exit 1  high or critical advisories, each listed with its package and fix
#   exit 2  npm said something this script does not understand (shown as is)
#
# Some registries and mirrors (this project's build machines among them) answer the bulk advisory
# endpoint with 405 Method Not Allowed: there the audit cannot run at all, and saying "clean" would
# be a lie. NPM=/path/to/npm overrides the npm used (the tests pass a fake one).
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

"${NPM:-npm}" audit --omit=dev --json >"$out" 2>"$err"
npm_status=$?

node - "$out" "$err" "$npm_status" "${AUDIT_REQUIRED:-0}" <<'NODE'
const { readFileSync } = require('node:fs');
const [outFile, errFile, npmStatus, required] = process.argv.slice(2);
const stdout = readFileSync(outFile, 'utf8');
const stderr = readFileSync(errFile, 'utf8');
let report = null;
try {
  report = JSON.parse(stdout);
} catch {
  report = null;
}

const counts = report && report.metadata && report.metadata.vulnerabilities;
if (counts) {
  const bad = Object.entries(report.vulnerabilities || {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
  const summary = `npm audit --omit=dev: ${counts.critical || 0} critical, ${counts.high || 0} high, ${counts.moderate || 0} moderate, ${counts.low || 0} low`;
  if ((counts.high || 0) + (counts.critical || 0) > 0 || bad.length) {
    console.error(`${summary}\nHigh and critical advisories in production dependencies:`);
    for (const [name, v] of bad) {
      const via = (v.via || []).map((x) => (typeof x === 'string' ? x : `${x.title || x.source} (${x.url || ''})`)).join('; ');
      const fix = v.fixAvailable === true ? 'npm audit fix' : v.fixAvailable ? `upgrade ${v.fixAvailable.name} to ${v.fixAvailable.version}` : 'no fix available yet';
      console.error(`  ${v.severity.toUpperCase().padEnd(8)} ${name} ${v.range || ''} — ${via} — ${fix}`);
    }
    process.exit(1);
  }
  console.log(`${summary}: no high or critical advisory.`);
  process.exit(0);
}

const unreachable =
  (report && (report.statusCode || report.code || report.error)) ||
  /audit endpoint returned an error|Method Not Allowed|E40[0-9]|E5\d\d|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network/i.test(stderr + stdout);
if (unreachable) {
  const why = (report && (report.message || (report.error && report.error.summary))) || stderr.split('\n').find((l) => /error|warn/i.test(l)) || 'no answer';
  const bar = '!'.repeat(78);
  console.error(`${bar}\n!! COULD NOT CHECK: the registry's advisory endpoint did not answer the audit.\n!! ${String(why).trim()}\n!! Dependencies were NOT audited. Run scripts/audit.sh where the registry answers\n!! (registry.npmjs.org from a normal network), or set AUDIT_REQUIRED=1 to fail here.\n${bar}`);
  process.exit(required === '1' ? 3 : 0);
}

console.error(`npm audit gave an answer this script does not understand (npm exit ${npmStatus}):\n${stdout.slice(0, 2000)}\n${stderr.slice(0, 2000)}`);
process.exit(2);
NODE
