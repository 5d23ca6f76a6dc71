#!/usr/bin/env bash
# Drift test: docs/cli.md and docs/jwt-anatomy.md must equal what scripts/gen-reference
# produces from the current binary.
set -euo pipefail
exec "$(dirname "$0")/../gen-reference" --check
