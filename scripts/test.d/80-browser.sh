#!/usr/bin/env bash
# Browser stage: serves the debug build on a free port with a throwaway database and
# drives the demo page (GET /) through both flows in headless Chromium
# (Tests/browser: pytest + selenium). Writes test-output/demo-page.png.
# scripts/test builds first; run alone, it needs a `swift build`.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"

ensure_apt chromium chromium-driver
ensure_venv selenium pytest

bin="$(swift build --show-bin-path)/authlab"
[ -x "$bin" ] || die "no debug build at $bin (run swift build first)"

export AUTHLAB_TEST_OUTPUT="${AUTHLAB_TEST_OUTPUT:-$AUTHLAB_ROOT/test-output}"
mkdir -p "$AUTHLAB_TEST_OUTPUT"

tmp=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# Cheap password hashing for tests, when this build offers the flags.
serve_help=$("$bin" serve --help 2>&1 || true)
extra=()
grep -q -- '--argon2-memory' <<<"$serve_help" && extra+=(--argon2-memory 1024)
grep -q -- '--argon2-iterations' <<<"$serve_help" && extra+=(--argon2-iterations 1)

port=$(free_port)
url="http://127.0.0.1:$port"
log "authlab serve on $url ${extra[*]}"
"$bin" serve --port "$port" --db "$tmp/t.sqlite" "${extra[@]}" >"$tmp/server.log" 2>&1 &
server_pid=$!
if ! wait_http "$url/healthz" 30; then
    log "the server did not answer on $url; its output:"
    tail -n 50 "$tmp/server.log" >&2
    exit 1
fi

if ! AUTHLAB_URL="$url" "$PYTHON" -m pytest -p no:cacheprovider -q -rfEs Tests/browser; then
    log "browser tests failed; server output:"
    tail -n 50 "$tmp/server.log" >&2
    exit 1
fi
