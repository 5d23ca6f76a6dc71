#!/usr/bin/env bash
# JOSE interop with PyJWT, both ways, for every algorithm:
#   1. Python makes one key per algorithm (keys.jwks.json) and a PyJWT token for each;
#   2. the Swift test JOSEInterop (enabled by AUTHLAB_INTEROP_DIR) loads those keys, verifies
#      every PyJWT token, and writes its own tokens plus its public JWK Set;
#   3. pytest has PyJWT verify the Swift tokens (and reject tampered ones).
# A missing file at any step fails the stage; nothing is skipped.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"
ensure_venv pyjwt cryptography pytest

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export AUTHLAB_INTEROP_DIR="$dir"

log "PyJWT: keys and tokens"
"$PYTHON" Tests/interop/jose/make_tokens.py "$dir"

log "Swift: verify PyJWT tokens, sign its own"
# Under scripts/test the tests are already built (with its flags); alone, build them here.
skip_build=()
[ -n "${AUTHLAB_TEST_OUTPUT:-}" ] && skip_build=(--skip-build)
swift test "${skip_build[@]}" --filter JOSEInterop

for file in swift-tokens.json swift-public.jwks.json swift-verified.json; do
    [ -s "$dir/$file" ] || die "the Swift interop test did not write $file"
done

log "PyJWT: verify Swift tokens"
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/interop/jose/test_swift_tokens.py
