#!/usr/bin/env bash
# Redis and the cluster: AuthLabRedisTests against a private redis-server (they must
# run here: the stage checks their output), then tests/cluster (pytest) through nginx
# in front of several authlab instances: tokens everywhere, sessions only with a
# shared store, fail-closed when Redis stops, recovery when it is back.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$AUTHLAB_ROOT/scripts/lib/redis.sh"
cd "$AUTHLAB_ROOT"
ensure_apt redis-server nginx-light
ensure_venv pytest

state=$(mktemp -d "${TMPDIR:-/tmp}/authlab-85.XXXXXX")
trap 'redis_stop "$state/redis"; rm -rf "$state"' EXIT
port=$(free_port)
redis_start "$state/redis" "$port" || die "redis-server did not start"
export AUTHLAB_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
export AUTHLAB_TEST_REDIS_REQUIRED=1

swift build --build-tests -Xswiftc -warnings-as-errors >/dev/null
set +e
swift test --skip-build --filter AuthLabRedisTests >"$state/swift-test.log" 2>&1
status=$?
set -e
grep -E '^(✘|➜)|Test run with|error:' "$state/swift-test.log" || true
[ "$status" -eq 0 ] || die "AuthLabRedisTests failed"
# The suites are enabled only by AUTHLAB_TEST_REDIS_URL: prove they ran, none skipped.
for suite in "RedisConnection" "RedisPool and RedisScript" "Sessions in Redis" \
    "Refresh tokens and the deny-list in Redis" "Redis unreachable: fail closed" \
    "Redis test server"; do
    grep -q "Suite \"$suite\" passed" "$state/swift-test.log" || die "suite '$suite' did not run"
done
if grep -q 'skipped' "$state/swift-test.log"; then die "AuthLabRedisTests skipped tests"; fi

AUTHLAB_BIN="$(swift build --show-bin-path)/authlab"
export AUTHLAB_BIN
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/cluster
