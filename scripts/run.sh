#!/usr/bin/env bash
# Entry point of the README's commands: set everything up (idempotent), then run a root script
# with the project's Node 24 and pnpm.  Usage: bash scripts/run.sh <script> [args...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"
case "${1:-}" in
  test:all) export BOOTSTRAP_BROWSER=1 ;;
esac
bootstrap_all
script="$1"
shift
exec pnpm run --silent "$script" "$@"
