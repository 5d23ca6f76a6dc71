#!/usr/bin/env bash
# The live contract suite: pytest starts the real `authlab serve` on 127.0.0.1
# (ephemeral ports, temporary SQLite files) and pins every row and rule of
# API.md. Uses $AUTHLAB_BIN when set, else the binary of `swift build`.
# pytest's own summary line is the closing line.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"

ensure_venv requests pytest pyjwt cryptography

if [ -z "${AUTHLAB_BIN:-}" ]; then
    bin_dir=$(swift build --show-bin-path)
    [ -x "$bin_dir/authlab" ] || swift build --product authlab
    AUTHLAB_BIN="$bin_dir/authlab"
fi
export AUTHLAB_BIN

# A private pytest temp dir (servers' databases and logs): kept on failure.
basetemp=$(mktemp -d -t authlab-contract.XXXXXX)
report=(--basetemp "$basetemp/pytest")
if [ -n "${AUTHLAB_TEST_OUTPUT:-}" ]; then
    mkdir -p "$AUTHLAB_TEST_OUTPUT"
    report+=(--junitxml "$AUTHLAB_TEST_OUTPUT/contract.xml")
fi

status=0
"$PYTHON" -m pytest -q "${report[@]}" Tests/contract || status=$?
if [ "$status" -eq 0 ]; then
    rm -rf "$basetemp"
else
    log "contract suite failed; server logs and databases are in $basetemp/pytest"
fi
exit "$status"
