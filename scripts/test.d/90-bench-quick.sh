#!/usr/bin/env bash
# Smoke check of the HTTP benchmark: every mode answers (requests > 0, no non-2xx, no
# socket errors), logins and the login storm work, `authlab bench` runs. Not a timed
# assertion: the figures of a --quick run on a shared machine mean little.
# scripts/bench prints the closing "N passed, N failed" line and exits non-zero on failure.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"
out="${AUTHLAB_TEST_OUTPUT:-$AUTHLAB_ROOT/test-output}/bench"
mkdir -p "$out"
exec scripts/bench --quick --out "$out"
