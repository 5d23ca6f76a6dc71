#!/usr/bin/env bash
# Drift test: docs/walkthrough.md and docs/compare.md must be byte for byte what
# scripts/gen-docs makes now from scripts/walkthrough, scripts/compare and the server.
# Any difference fails the stage: run scripts/gen-docs and commit the docs it writes.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$AUTHLAB_ROOT"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# scripts/test has just built the binary (with its own flags): do not rebuild it.
scripts/gen-docs --no-build --out "$out" || die "scripts/gen-docs failed"

passed=0
failed=0
for doc in walkthrough compare; do
    if diff -u "docs/$doc.md" "$out/$doc.md"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf '\nFAIL: docs/%s.md is not what the scripts print now (diff above).\n' "$doc" >&2
        printf '      Run scripts/gen-docs, read the diff, and commit docs/%s.md.\n\n' "$doc" >&2
    fi
done
echo "docs drift: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
