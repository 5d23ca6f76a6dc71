# `scripts/cluster demo`: the scaling lesson, run for real against local clusters.
# Sourced by scripts/cluster (which defines STATE, cmd_start, cmd_stop, ...).
# shellcheck shell=bash

DEMO_PASSWORD="correct horse battery"

# say TEXT: a heading or a sentence of the transcript.
say() { printf '\n%s\n' "$*"; }
# shown DISPLAY: prints the command as the reader would type it.
shown() { printf '$ %s\n' "$*"; }
# more TEXT: the next line of the same paragraph.
more() { printf '%s\n' "$*"; }

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
credentials() { printf '{"username":"%s","password":"%s"}' "$1" "$DEMO_PASSWORD"; }

# probe URL [CURL-ARGS...]: one line: status, the instance that answered, db desc, error.
probe() {
    local url=$1; shift
    local out
    out=$(curl -s -D "$STATE/demo-headers" "$url" "$@")
    local status instance timing err
    status=$(awk 'NR==1{print $2}' "$STATE/demo-headers")
    instance=$(grep -i '^x-authlab-instance:' "$STATE/demo-headers" | tr -d '\r' | awk '{print $2}' || true)
    timing=$(grep -i '^server-timing:' "$STATE/demo-headers" | tr -d '\r' | grep -o 'db;dur=[^,]*' || true)
    err=$(printf '%s' "$out" | python3 -c 'import json,sys
try: print(json.load(sys.stdin).get("error",""))
except Exception: print("")')
    printf '%s  %s  %s%s\n' "$status" "${instance:-direct}" "$timing" "${err:+  error=$err}"
}

session_login() {
    curl -s -D "$STATE/demo-login" -X POST "$LB/session/login" \
        -H 'Content-Type: application/json' -d "$(credentials alice)" >"$STATE/demo-login-body"
    SID=$(grep -i '^set-cookie: sid=' "$STATE/demo-login" | sed 's/^[^=]*=\([^;]*\);.*/\1/')
    CSRF=$(json_field csrf_token <"$STATE/demo-login-body")
    LOGIN_INSTANCE=$(grep -i '^x-authlab-instance:' "$STATE/demo-login" | tr -d '\r' | awk '{print $2}')
}

jwt_login() {
    curl -s -D "$STATE/demo-login" -X POST "$LB/jwt/login" \
        -H 'Content-Type: application/json' -d "$(credentials alice)" >"$STATE/demo-login-body"
    ACCESS=$(json_field access_token <"$STATE/demo-login-body")
    REFRESH=$(json_field refresh_token <"$STATE/demo-login-body")
    LOGIN_INSTANCE=$(grep -i '^x-authlab-instance:' "$STATE/demo-login" | tr -d '\r' | awk '{print $2}')
}

# on_each PATH [CURL-ARGS...]: the request on every instance directly (no nginx).
on_each() {
    local path=$1; shift
    local i
    for i in $(seq 1 "$N"); do
        printf 'instance %d: ' "$i"
        probe "http://127.0.0.1:$((PORT + i))$path" "$@" | sed "s/  direct  /  /"
    done
}

demo_start() {
    cmd_start "$@" 2>&1 | grep -v '^==> installing' | sed 's/^==> //'
    # shellcheck disable=SC1091
    source "$STATE/cluster.env"
    LB="http://127.0.0.1:$PORT"
}

demo_transcript() {
    local bin=$1 port=$2
    say "### 1. Three instances, one Redis, one key set"
    shown "scripts/cluster start 3 --sessions redis"
    demo_start 3 --sessions redis --port "$port"
    shown "curl -s -X POST \$LB/users -d '{\"username\":\"alice\",...}'"
    curl -s -X POST "$LB/users" -H 'Content-Type: application/json' -d "$(credentials alice)"
    echo

    say "### 2. A token issued by one instance works on every instance"
    jwt_login
    shown "curl -s -X POST \$LB/jwt/login ...   # issued by $LOGIN_INSTANCE"
    shown "curl \$PORT_i/jwt/me -H \"Authorization: Bearer \$ACCESS\"   # each instance directly"
    on_each /jwt/me -H "Authorization: Bearer $ACCESS"
    say "Nothing is shared for this but the key file: /jwt/me touches no store (db;desc=\"none\")."
    more "With an asymmetric key (ES256 here) a verifier needs only the public JWKS:"
    shown "curl -s \$LB/.well-known/jwks.json >public.json"
    curl -s "$LB/.well-known/jwks.json" >"$STATE/public.json"
    shown "authlab jwt verify --key-file public.json --iss authlab --aud authlab \$ACCESS"
    "$bin" jwt verify --key-file "$STATE/public.json" --iss authlab --aud authlab "$ACCESS" \
        | tail -1 | cut -c1-60 | sed 's/$/.../'

    say "### 3. A session cookie works on every instance because they share Redis"
    session_login
    shown "curl -s -X POST \$LB/session/login ...   # session created by $LOGIN_INSTANCE"
    shown "curl \$PORT_i/session/me -b sid=\$SID   # each instance directly"
    on_each /session/me -b "sid=$SID"

    say "### 4. Logout and revocation across instances"
    shown "curl -X POST \$LB/session/logout -b sid=\$SID -H \"X-CSRF-Token: \$CSRF\""
    probe "$LB/session/logout" -X POST -b "sid=$SID" -H "X-CSRF-Token: $CSRF"
    on_each /session/me -b "sid=$SID"
    say "The session is gone everywhere at once. The token side:"
    shown "curl -X POST \$LB/jwt/logout -d '{\"refresh_token\":\"\$REFRESH\"}'"
    probe "$LB/jwt/logout" -X POST -H 'Content-Type: application/json' \
        -d "{\"refresh_token\":\"$REFRESH\"}"
    on_each /jwt/me -H "Authorization: Bearer $ACCESS"
    say "The refresh family is revoked (in Redis, for every instance), but the access token"
    more "stays valid on every instance until its exp: nothing was asked of a store."
    shown "curl -X POST \$LB/jwt/refresh -d '{\"refresh_token\":\"\$REFRESH\"}'"
    probe "$LB/jwt/refresh" -X POST -H 'Content-Type: application/json' \
        -d "{\"refresh_token\":\"$REFRESH\"}"

    say "### 5. Redis stops: sessions fail closed, tokens keep working; then it comes back"
    session_login
    jwt_login
    shown "scripts/cluster redis stop"
    cmd_redis stop 2>&1 | sed 's/^==> //'
    shown "curl \$PORT_i/session/me -b sid=\$SID   # each instance"
    on_each /session/me -b "sid=$SID"
    shown "curl \$PORT_i/jwt/me -H \"Authorization: Bearer \$ACCESS\"   # each instance"
    on_each /jwt/me -H "Authorization: Bearer $ACCESS"
    shown "curl -si \$LB/session/me -b sid=\$SID | grep -i -e ^HTTP -e ^retry-after -e error"
    curl -si "$LB/session/me" -b "sid=$SID" | tr -d '\r' | grep -i -e '^HTTP' -e '^retry-after' -e 'error'
    shown "scripts/cluster redis start"
    cmd_redis start 2>&1 | sed 's/^==> //'
    shown "curl \$PORT_i/session/me -b sid=\$SID   # each instance"
    on_each /session/me -b "sid=$SID"
    say "The same cookie works again: the pool reconnects on the next request, and Redis's"
    more "append-only file kept the session across the restart."
    cmd_stop 2>/dev/null

    say "### 6. With the deny-list in Redis, token logout reaches every instance"
    shown "scripts/cluster start 3 --sessions redis -- --jwt-denylist"
    demo_start 3 --sessions redis --port "$port" -- --jwt-denylist
    curl -s -o /dev/null -X POST "$LB/users" -H 'Content-Type: application/json' \
        -d "$(credentials alice)"
    jwt_login
    shown "curl -X POST \$LB/jwt/logout -H \"Authorization: Bearer \$ACCESS\" -d '{\"refresh_token\":...}'"
    probe "$LB/jwt/logout" -X POST -H "Authorization: Bearer $ACCESS" \
        -H 'Content-Type: application/json' -d "{\"refresh_token\":\"$REFRESH\"}"
    on_each /jwt/me -H "Authorization: Bearer $ACCESS"
    say "Revocation works, at the price of one Redis round trip on every request (db;desc=\"redis\")."
    more "And the token side now depends on Redis too: when it stops, /jwt/me fails closed."
    jwt_login
    cmd_redis stop >/dev/null 2>&1
    shown "scripts/cluster redis stop; curl \$LB/jwt/me -H \"Authorization: Bearer \$ACCESS\""
    probe "$LB/jwt/me" -H "Authorization: Bearer $ACCESS"
    cmd_stop 2>/dev/null

    say "### 7. Each instance with its own SQLite: the cookie works on one instance only"
    shown "scripts/cluster start 3 --sessions sqlite && scripts/cluster register alice ..."
    demo_start 3 --sessions sqlite --port "$port"
    cmd_register alice "$DEMO_PASSWORD"
    session_login
    shown "curl -s -X POST \$LB/session/login ...   # session created by $LOGIN_INSTANCE"
    jwt_login
    shown "curl \$PORT_i/session/me -b sid=\$SID   # each instance directly"
    on_each /session/me -b "sid=$SID"
    shown "curl \$LB/session/me -b sid=\$SID   # through nginx, round robin, 3 times"
    local k
    for k in 1 2 3; do probe "$LB/session/me" -b "sid=$SID"; done
    shown "curl \$PORT_i/jwt/me -H \"Authorization: Bearer \$ACCESS\""
    on_each /jwt/me -H "Authorization: Bearer $ACCESS"
    say "The token does not care which instance answers; the cookie names a row that only"
    more "one instance has. Sticky sessions at the balancer would hide this until that"
    more "instance restarts or is removed."
    cmd_stop 2>/dev/null
}

cluster_demo() {
    local write=0 port=8800
    while [ $# -gt 0 ]; do
        case "$1" in
            --write) write=1; shift ;;
            --port) port=$2; shift 2 ;;
            *) die "usage: scripts/cluster demo [--write] [--port P]" ;;
        esac
    done
    [ ! -f "$STATE/cluster.env" ] || die "a cluster already runs from $STATE: scripts/cluster stop"
    local bin out
    bin=$(authlab_bin)
    export AUTHLAB_BIN="$bin"
    out=$(mktemp)
    trap 'cmd_stop >/dev/null 2>&1 || true' EXIT
    demo_transcript "$bin" "$port" | tee "$out"
    trap - EXIT
    [ "$write" -eq 1 ] || { rm -f "$out"; return 0; }
    python3 - "$AUTHLAB_ROOT/docs/scaling.md" "$out" "cluster-demo" <<'PY'
import sys
doc, out, tag = sys.argv[1], sys.argv[2], sys.argv[3]
begin, end = f"<!-- {tag}:begin -->", f"<!-- {tag}:end -->"
text = open(doc).read()
body = open(out).read().strip("\n")
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(f"{head}{begin}\n```text\n{body}\n```\n{end}{tail}")
PY
    rm -f "$out"
    log "wrote the transcript into docs/scaling.md"
}
