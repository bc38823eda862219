#!/usr/bin/env bash
# Fails when the committed OpenAPI document (apps/api/openapi.json) or the web's typed client
# (apps/web/src/api/schema.d.ts) is not what the api's code generates now: both are regenerated
# into a temporary folder and compared. `npm run check:generated`.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npx tsc -b apps/api
node apps/api/dist/cli/openapi.js "$tmp/openapi.json" >/dev/null
(cd apps/web && npx openapi-typescript "$tmp/openapi.json" -o "$tmp/schema.d.ts" >/dev/null)

stale=0
check() {
  local committed="$1" generated="$2"
  if ! diff -u --label "$committed (committed)" --label "$committed (generated)" "$committed" "$generated" >"$tmp/diff"; then
    head -n 60 "$tmp/diff"
    echo "STALE: $committed differs from what the code generates (diff above)." >&2
    stale=1
  fi
}
check apps/api/openapi.json "$tmp/openapi.json"
check apps/web/src/api/schema.d.ts "$tmp/schema.d.ts"

if [ "$stale" -ne 0 ]; then
  echo "Regenerate and commit them: npm run openapi && npm run gen:client -w apps/web" >&2
  exit 1
fi
echo "generated files up to date: apps/api/openapi.json, apps/web/src/api/schema.d.ts"
