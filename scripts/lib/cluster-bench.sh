# `scripts/cluster bench`: wrk through nginx with 1, 2 and N instances, for four modes
# (none, session-sqlite, session-redis, jwt-hs256), with the server CPU each request
# cost (from /proc/PID/task/*/schedstat, nanoseconds on CPU), then what each scheme
# does when Redis stops in the middle of a run. Sourced by scripts/cluster.
# shellcheck shell=bash

BENCH_USER=benchuser
BENCH_PASSWORD="bench password 1"

# cpu_ns PID...: nanoseconds the processes' threads have run, summed.
cpu_ns() {
    local pid total=0 f v
    for pid in "$@"; do
        for f in /proc/"$pid"/task/*/schedstat; do
            [ -r "$f" ] || continue
            read -r v _ <"$f" || continue
            total=$((total + v))
        done
    done
    echo "$total"
}

instance_pids() { local f; for f in "$STATE"/instance-*.pid; do cat "$f"; done; }
nginx_pids() {
    local master
    master=$(cat "$STATE/nginx/nginx.pid")
    echo "$master"
    pgrep -P "$master" || true
}
redis_pids() { [ -f "$STATE/redis/redis.pid" ] && cat "$STATE/redis/redis.pid" || true; }

bench_login() {
    local body
    body=$(printf '{"username":"%s","password":"%s"}' "$BENCH_USER" "$BENCH_PASSWORD")
    curl -s -o /dev/null -X POST "$LB/users" -H 'Content-Type: application/json' -d "$body"
    SID=$(curl -s -D - -o /dev/null -X POST "$LB/session/login" -H 'Content-Type: application/json' \
        -d "$body" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: sid=\([^;]*\);.*/\1/p')
    ACCESS=$(curl -s -X POST "$LB/jwt/login" -H 'Content-Type: application/json' -d "$body" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    [ -n "$SID" ] && [ -n "$ACCESS" ] || die "bench login failed"
}

# measure N MODE: one wrk run through nginx; appends a row to $ROWS.
measure() {
    local n=$1 mode=$2 path header=()
    case "$mode" in
        none) path=/healthz ;;
        session-*) path=/session/me; header=(-H "Cookie: sid=$SID") ;;
        jwt-hs256) path=/jwt/me; header=(-H "Authorization: Bearer $ACCESS") ;;
    esac
    local apps web kv a0 w0 r0 a1 w1 r1 out
    apps=$(instance_pids | tr '\n' ' ')
    web=$(nginx_pids | tr '\n' ' ')
    kv=$(redis_pids)
    # shellcheck disable=SC2086
    { a0=$(cpu_ns $apps); w0=$(cpu_ns $web); r0=$(cpu_ns $kv); }
    out=$(wrk -t2 -c16 -d"${DURATION}s" --latency "${header[@]}" "$LB$path")
    # shellcheck disable=SC2086
    { a1=$(cpu_ns $apps); w1=$(cpu_ns $web); r1=$(cpu_ns $kv); }
    python3 - "$n" "$mode" "$((a1 - a0))" "$((w1 - w0))" "$((r1 - r0))" "$out" >>"$ROWS" <<'PY'
import re, sys
n, mode, app, web, kv, out = sys.argv[1:7]
total = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
def pct(p):
    m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
per = lambda ns: int(ns) / 1000 / max(1, total)
print(f"{n}\t{mode}\t{rps:.0f}\t{pct(50):.2f}\t{pct(99):.2f}\t{bad.group(1) if bad else 0}"
      f"\t{per(app):.1f}\t{per(kv):.1f}\t{per(web):.1f}")
PY
    tail -1 "$ROWS" | awk -F'\t' '{printf "  %s instance(s) %-15s %7s req/s  authlab %s us/req\n", $1, $2, $3, $7}' >&2
}

# store_timing: median Server-Timing `db` and `auth` per scheme on instance 1 directly
# (300 sequential requests each): the store round trip as the server measures it.
store_timing() {
    python3 - "$PORT" "$SID" "$ACCESS" "$1" <<'PY'
import http.client, re, statistics, sys
port, sid, access, mode = int(sys.argv[1]) + 1, sys.argv[2], sys.argv[3], sys.argv[4]
path, headers = (("/session/me", {"Cookie": f"sid={sid}"}) if mode.startswith("session")
                 else ("/jwt/me", {"Authorization": f"Bearer {access}"}))
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
db, auth = [], []
for _ in range(300):
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse(); resp.read()
    timing = resp.getheader("Server-Timing")
    auth.append(float(re.search(r"auth;dur=([\d.]+)", timing).group(1)))
    db.append(float(re.search(r"db;dur=([\d.]+)", timing).group(1)))
print(f"{mode}\t{statistics.median(auth) * 1000:.0f}\t{statistics.median(db) * 1000:.0f}")
PY
}

# outage: session-redis and jwt-hs256 at once for 6 s; Redis stops at 2 s, restarts at 4 s.
outage() {
    local s j
    s=$(mktemp); j=$(mktemp)
    wrk -t1 -c8 -d6s -H "Cookie: sid=$SID" "$LB/session/me" >"$s" &
    local ws=$!
    wrk -t1 -c8 -d6s -H "Authorization: Bearer $ACCESS" "$LB/jwt/me" >"$j" &
    local wj=$!
    sleep 2; cmd_redis stop >/dev/null 2>&1
    sleep 2; cmd_redis start >/dev/null 2>&1
    wait "$ws" "$wj"
    python3 - "$s" "$j" <<'PY'
import re, sys
for label, path in (("session-redis", sys.argv[1]), ("jwt-hs256", sys.argv[2])):
    out = open(path).read()
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    bad = int(bad.group(1)) if bad else 0
    print(f"| {label} | {total} | {total - bad} | {bad} | {100 * bad / max(1, total):.0f}% |")
PY
    rm -f "$s" "$j"
}

cluster_bench() {
    local write=0 max=3 port=8800
    DURATION=5
    while [ $# -gt 0 ]; do
        case "$1" in
            --write) write=1; shift ;;
            --duration) DURATION=$2; shift 2 ;;
            --instances) max=$2; shift 2 ;;
            --port) port=$2; shift 2 ;;
            *) die "usage: scripts/cluster bench [--write] [--duration S] [--instances N] [--port P]" ;;
        esac
    done
    [ ! -f "$STATE/cluster.env" ] || die "a cluster already runs from $STATE: scripts/cluster stop"
    ensure_apt wrk redis-server nginx-light
    AUTHLAB_BIN=$(authlab_bin)
    export AUTHLAB_BIN
    ROWS=$(mktemp)
    LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
    local timings outages n sizes
    timings=$(mktemp); outages=$(mktemp)
    trap 'cmd_stop >/dev/null 2>&1 || true' EXIT
    sizes=$(printf '%s\n' 1 2 "$max" | sort -nu)
    for n in $sizes; do
        log "$n instance(s), one shared SQLite file"
        cmd_start "$n" --sessions sqlite-shared --port "$port" --jwt-alg HS256 >/dev/null 2>&1
        # shellcheck disable=SC1091
        source "$STATE/cluster.env"; LB="http://127.0.0.1:$PORT"
        bench_login
        measure "$n" none; measure "$n" session-sqlite; measure "$n" jwt-hs256
        if [ "$n" -eq 1 ]; then store_timing session-sqlite >>"$timings"; store_timing jwt-hs256 >>"$timings"; fi
        cmd_stop >/dev/null 2>&1
        log "$n instance(s), sessions in Redis"
        cmd_start "$n" --sessions redis --port "$port" --jwt-alg HS256 >/dev/null 2>&1
        # shellcheck disable=SC1091
        source "$STATE/cluster.env"; LB="http://127.0.0.1:$PORT"
        bench_login
        measure "$n" session-redis
        [ "$n" -ne 1 ] || store_timing session-redis >>"$timings"
        if [ "$n" -eq "$max" ]; then log "Redis stops mid-run"; outage >"$outages"; fi
        cmd_stop >/dev/null 2>&1
    done
    trap - EXIT
    local report
    report=$(mktemp)
    bench_report "$ROWS" "$timings" "$outages" >"$report"
    cat "$report"
    rm -f "$ROWS" "$timings" "$outages"
    if [ "$write" -eq 1 ]; then
        python3 - "$AUTHLAB_ROOT/docs/scaling.md" "cluster-bench" "$report" <<'PY'
import sys
doc, tag, report = sys.argv[1:4]
begin, end = f"<!-- {tag}:begin -->", f"<!-- {tag}:end -->"
text = open(doc).read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
body = open(report).read().strip("\n")
open(doc, "w").write(f"{head}{begin}\n{body}\n{end}{tail}")
PY
        log "wrote the results into docs/scaling.md"
    fi
    rm -f "$report"
}

bench_report() {
    local rows=$1 timings=$2 outages=$3
    printf 'Measured with `scripts/cluster bench --duration %s --instances %s` on %s (%s cores, shared),\n' \
        "$DURATION" "$(cut -f1 "$rows" | sort -n | tail -1)" "$(date -u +%Y-%m-%d)" "$(nproc)"
    printf 'wrk -t2 -c16 through nginx; CPU is what each process group spent per request.\n'
    printf 'Load average (1 min) %s at the start, %s at the end: other work on the machine\n' \
        "$LOAD_START" "$(cut -d' ' -f1 /proc/loadavg)"
    printf 'moves req/s and latency much more than CPU per request.\n\n'
    printf '| instances | mode | req/s | p50 ms | p99 ms | non-2xx | authlab CPU µs/req | redis µs/req | nginx µs/req |\n'
    printf '|---:|---|---:|---:|---:|---:|---:|---:|---:|\n'
    awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9}' "$rows"
    printf '\nWhat authentication adds per request on one instance (authlab CPU minus the `none` row;\n'
    printf 'for Redis, plus the Redis server'"'"'s own CPU), and the median `Server-Timing` that the server\n'
    printf 'reports for the store call (300 sequential requests to one instance):\n\n'
    printf '| mode | added authlab CPU µs | added Redis CPU µs | median auth µs | median db µs |\n|---|---:|---:|---:|---:|\n'
    python3 - "$rows" "$timings" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
one = {r[1]: r for r in rows if r[0] == "1"}
timing = {t[0]: t for t in (line.split() for line in open(sys.argv[2]))}
base = float(one["none"][6])
for mode in ("session-sqlite", "session-redis", "jwt-hs256"):
    r, t = one[mode], timing.get(mode, [mode, "?", "?"])
    print(f"| {mode} | {float(r[6]) - base:.1f} | {float(r[7]):.1f} | {t[1]} | {t[2]} |")
PY
    printf '\nRedis stopped 2 s into a 6 s run and started again at 4 s (both schemes at once,\n'
    printf '%s instances):\n\n' "$(cut -f1 "$rows" | sort -n | tail -1)"
    printf '| mode | requests | 2xx | non-2xx (503) | share failed |\n|---|---:|---:|---:|---:|\n'
    cat "$outages"
}
