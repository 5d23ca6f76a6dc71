#!/usr/bin/env bash
# The authlab command line, run as a user runs it: jwt keygen/encode/decode/verify,
# interop with PyJWT for every algorithm, exit codes and help.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"
ensure_venv pytest pyjwt cryptography
AUTHLAB_BIN="$(swift build --show-bin-path)/authlab"
export AUTHLAB_BIN
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/cli
