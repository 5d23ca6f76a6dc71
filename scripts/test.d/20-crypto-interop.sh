#!/usr/bin/env bash
# AuthLabCrypto against Python: argon2-cffi hashes and `cryptography` signatures are
# checked by Swift, and Swift's are checked by Python (pytest). Needs the test build
# that scripts/test makes first. A missing file on either side fails the stage.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"
ensure_venv argon2-cffi cryptography pytest

AUTHLAB_INTEROP_DIR=$(mktemp -d)
export AUTHLAB_INTEROP_DIR
trap 'rm -rf "$AUTHLAB_INTEROP_DIR"' EXIT

log "python: argon2-cffi hashes and cryptography signatures"
"$PYTHON" Tests/interop/crypto/make_python_side.py "$AUTHLAB_INTEROP_DIR"

log "swift: verify Python's, write Swift's"
swift test --skip-build --filter 'AuthLabCryptoTests.InteropTests' 2>&1 | tee "$AUTHLAB_INTEROP_DIR/swift.log"
# Guard against a filter that matched nothing or a suite that was skipped.
grep -q 'Suite "Interop with Python" passed' "$AUTHLAB_INTEROP_DIR/swift.log" \
    || die "the Swift interop suite did not run and pass"
for made in swift-argon2.tsv swift-signatures.tsv; do
    [ -s "$AUTHLAB_INTEROP_DIR/$made" ] || die "Swift did not write $made"
done

log "python: verify Swift's"
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/interop/crypto/test_swift_side.py
