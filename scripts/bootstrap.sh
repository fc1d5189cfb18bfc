#!/usr/bin/env bash
# Sets up everything the project needs, in project-local, git-ignored folders:
#   .tools/          Node 24 and pnpm (from the npm registry packages `node` and `pnpm`)
#   node_modules/    the pnpm workspace (pnpm install --frozen-lockfile)
#   .venv-emulator/  Python venv with LocalStack 4.13.1 (host mode), awscli and boto3
#   .emulator/fs/    LocalStack's service catalog, built once
# and chromium for the UI tests (BOOTSTRAP_BROWSER=1; Debian's package). Before the workspace:
# Debian's autoconf, automake and libtool, which aws-lambda-ric's native build needs at install.
# Idempotent: each step compares a stamp (hash of its inputs) and is skipped when nothing changed.
# Usage: source scripts/bootstrap.sh  (sets PATH to the project's Node 24 and pnpm)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
VENV="$ROOT/.venv-emulator"
STAMPS="$ROOT/.tools/stamps"

_bs_now() { date +%s%N; }
_bs_ms() { echo $((($(_bs_now) - $1) / 1000000)); }
_bs_hash() { cat "$@" 2>/dev/null | sha256sum | cut -c1-16; }
_bs_step() { printf '[setup] %s\n' "$*" >&2; }
_bs_fail() {
  printf '[setup] FAILED: %s\n[setup] what to do: %s\n' "$1" "$2" >&2
  exit 1
}
_bs_fresh() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$2" ]; }
_bs_mark() { mkdir -p "$STAMPS" && echo "$2" >"$STAMPS/$1"; }

bootstrap_node() {
  local want stamp t
  want=$(_bs_hash "$ROOT/tools/node/package.json")
  if _bs_fresh node "$want" && [ -x "$TOOLS/node_modules/node/bin/node" ]; then return 0; fi
  t=$(_bs_now)
  _bs_step "installing Node 24 and pnpm into .tools/ (npm install node pnpm)"
  command -v npm >/dev/null || _bs_fail "npm not found" "install Node.js >= 18 with npm, then run this again"
  mkdir -p "$TOOLS"
  cp "$ROOT/tools/node/package.json" "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null) ||
    _bs_fail "npm install node@24 pnpm in .tools/" "check that the npm registry is reachable (npm ping), then run again"
  "$TOOLS/node_modules/node/bin/node" --version >/dev/null 2>&1 ||
    _bs_fail "the installed Node 24 does not run" "rm -rf .tools and run again"
  _bs_mark node "$want"
  _bs_step "node $("$TOOLS/node_modules/node/bin/node" --version), pnpm $("$TOOLS/node_modules/.bin/pnpm" --version) ready ($(_bs_ms "$t") ms)"
}

bootstrap_path() {
  export PATH="$TOOLS/node_modules/node/bin:$TOOLS/node_modules/.bin:$ROOT/node_modules/.bin:$PATH"
  export npm_config_update_notifier=false
}

# aws-lambda-ric (the Lambda runtime client the local Lambda runner uses) builds its native part
# during `pnpm install` (~45 s) with autotools; without them that install fails.
bootstrap_build_tools() {
  command -v autoconf >/dev/null && command -v automake >/dev/null && command -v libtoolize >/dev/null &&
    command -v cmake >/dev/null && command -v make >/dev/null && command -v g++ >/dev/null && return 0
  local t
  t=$(_bs_now)
  _bs_step "installing Debian's autoconf, automake and libtool for aws-lambda-ric's native build"
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    _bs_fail "autoconf, automake or libtool missing" "install them (Debian: apt-get install -y autoconf automake libtool), then run again"
  fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends autoconf automake libtool cmake make g++; } >/dev/null 2>&1 ||
    _bs_fail "apt-get install autoconf automake libtool" "run 'apt-get update && apt-get install autoconf automake libtool' and look at its error"
  _bs_step "build tools installed ($(_bs_ms "$t") ms)"
}

bootstrap_workspace() {
  local want t
  want=$(_bs_hash "$ROOT/pnpm-lock.yaml" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/services/*/package.json "$ROOT"/integration/package.json "$ROOT/pnpm-workspace.yaml")
  if _bs_fresh workspace "$want" && [ -d "$ROOT/node_modules/.pnpm" ]; then return 0; fi
  t=$(_bs_now)
  _bs_step "installing the workspace (pnpm install --frozen-lockfile)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent) ||
    _bs_fail "pnpm install --frozen-lockfile" "if you changed a package.json, run 'pnpm install' with .tools/node_modules/.bin on PATH and commit pnpm-lock.yaml"
  _bs_mark workspace "$want"
  _bs_step "workspace installed ($(_bs_ms "$t") ms)"
}

# uv (from PyPI, pinned) installs the venv in seconds where pip takes a minute; pip stays the fallback.
UV_VERSION=0.13.9

_bs_uv() {
  local py="$1" dir="$TOOLS/uv-$UV_VERSION"
  if [ ! -x "$dir/bin/uv" ]; then
    "$py" -m pip install -q --disable-pip-version-check --target "$dir" "uv==$UV_VERSION" >/dev/null 2>&1 ||
      { rm -rf "$dir"; return 1; }
  fi
  echo "$dir/bin/uv"
}

_bs_venv_uv() {
  local py="$1" uv
  uv=$(_bs_uv "$py") || return 1
  "$uv" venv -q --python "$py" "$VENV" &&
    "$uv" pip install -q --python "$VENV/bin/python" -r "$ROOT/packages/testing/python/requirements.lock"
}

_bs_venv_pip() {
  local py="$1"
  "$py" -m venv "$VENV" || _bs_fail "python3 -m venv" "install the venv module (apt-get install python3-venv)"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/packages/testing/python/requirements.lock" ||
    _bs_fail "pip install -r packages/testing/python/requirements.lock" "check that PyPI is reachable; the log above names the package"
}

bootstrap_venv() {
  local want t py how=uv
  want=$(_bs_hash "$ROOT/packages/testing/python/requirements.lock" "$ROOT/packages/testing/python/constraints.txt")
  if _bs_fresh venv "$want" && [ -x "$VENV/bin/python" ]; then return 0; fi
  t=$(_bs_now)
  py=$(command -v python3.11 || command -v python3 || true)
  [ -n "$py" ] || _bs_fail "python3 not found" "install Python 3.11 with venv (apt-get install python3 python3-venv)"
  _bs_step "creating the emulator venv .venv-emulator/ (LocalStack 4.13.1, awscli, boto3) with $("$py" --version)"
  rm -rf "$VENV"
  if ! _bs_venv_uv "$py"; then
    how=pip
    _bs_step "uv unavailable or failed; installing with pip (about a minute)"
    rm -rf "$VENV"
    _bs_venv_pip "$py"
  fi
  _bs_mark venv "$want"
  rm -f "$STAMPS/catalog"
  _bs_step "emulator venv ready with $how ($(_bs_ms "$t") ms)"
}

bootstrap_catalog() {
  local want t fs="$ROOT/.emulator/fs"
  want=$(cat "$STAMPS/venv" 2>/dev/null || echo none)
  if _bs_fresh catalog "$want" && [ -d "$fs/usr/lib/localstack" ]; then return 0; fi
  t=$(_bs_now)
  _bs_step "building LocalStack's service catalog once (.emulator/fs)"
  mkdir -p "$fs/usr/lib/localstack"
  # It exits non-zero ("already there. aborting!") when the cache exists: the file decides.
  FILESYSTEM_ROOT="$fs" OVERRIDE_IN_DOCKER=0 "$VENV/bin/python" -m localstack.aws.spec >/dev/null 2>&1 || true
  compgen -G "$fs/usr/lib/localstack/service-catalog-*" >/dev/null ||
    _bs_fail "python -m localstack.aws.spec" "rm -rf .venv-emulator .emulator and run again"
  _bs_mark catalog "$want"
  _bs_step "catalog built ($(_bs_ms "$t") ms)"
}

bootstrap_browser() {
  [ "${BOOTSTRAP_BROWSER:-0}" = 1 ] || return 0
  [ -x /usr/bin/chromium ] && return 0
  local t
  t=$(_bs_now)
  _bs_step "installing Debian's chromium for the UI tests (apt-get install chromium)"
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    _bs_step "cannot install chromium here (needs root and apt-get); the UI tests will report it"
    return 0
  fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/dev/null 2>&1 ||
    _bs_fail "apt-get install chromium" "run 'apt-get update && apt-get install chromium' and look at its error"
  _bs_step "chromium installed ($(_bs_ms "$t") ms)"
}

bootstrap_all() {
  local t
  t=$(_bs_now)
  bootstrap_node
  bootstrap_path
  bootstrap_build_tools
  bootstrap_workspace
  bootstrap_venv
  bootstrap_catalog
  bootstrap_browser
  _bs_step "set-up checked in $(_bs_ms "$t") ms"
}
