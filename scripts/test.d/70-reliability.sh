#!/usr/bin/env bash
# Reliability, bounded (about 2-3 minutes, loopback only), on the debug build that
# scripts/test made: a 5 s soak with 1,000 connections and a 5 s slow-client test
# (scripts/soak), SIGKILL crash-restart and start-up errors (scripts/crash-test), the
# hostile-input matrix (pytest), and schemathesis against docs/openapi.yaml
# (scripts/reliability/fuzz). Logs go to $AUTHLAB_TEST_OUTPUT/reliability/.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"
ensure_apt wrk sqlite3
ensure_venv pytest "schemathesis==4.32.5"
AUTHLAB_BIN="$(swift build --show-bin-path)/authlab"
[ -x "$AUTHLAB_BIN" ] || die "no debug build at $AUTHLAB_BIN (scripts/test builds it first)"
export AUTHLAB_BIN
out="${AUTHLAB_TEST_OUTPUT:-$AUTHLAB_ROOT/test-output}/reliability"
mkdir -p "$out"

passed=0
failed=0
step() {
    local name=$1
    shift
    log "reliability: $name"
    if "$@" 2>&1 | tee "$out/$name.log"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        log "reliability: $name FAILED (log: $out/$name.log)"
    fi
}

step soak scripts/soak --duration 5 --slow-duration 5
step crash-and-startup scripts/crash-test
step bad-input "$PYTHON" -m pytest -q -rxs -p no:cacheprovider Tests/reliability/test_bad_input.py
step schemathesis scripts/reliability/fuzz --max-examples 30 --report-dir "$out/schemathesis"

echo "reliability: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
