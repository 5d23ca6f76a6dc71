#!/usr/bin/env bash
# Fuzz smoke test: builds the libFuzzer targets of Fuzz/ with AddressSanitizer and runs each
# for a few seconds on its seed corpus (AUTHLAB_FUZZ_SMOKE_SECONDS, default 5). Any crash,
# invariant violation or leak fails the stage; the input lands in test-output/fuzz/.
# Long runs: scripts/fuzz --seconds 300 (see docs/reliability.md, "Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/../.."
exec scripts/fuzz --seconds "${AUTHLAB_FUZZ_SMOKE_SECONDS:-5}"
