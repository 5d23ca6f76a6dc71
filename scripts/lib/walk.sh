# Presentation helpers shared by scripts/walkthrough and scripts/compare: numbered
# steps, prose, commands shown before their real output, background servers that are
# stopped on exit, and the normalizer that scripts/gen-docs uses to mask volatile
# values. Source it after common.sh; do not run it.
# shellcheck shell=bash

# Set by the scripts' flags.
WALK_MARKDOWN=${WALK_MARKDOWN:-0} # 1: Markdown (headings, fenced console blocks)
WALK_PAUSE=${WALK_PAUSE:-1}       # 0: --no-pause; pauses only happen on a terminal anyway
# When set (by scripts/gen-docs), `mask` appends "value<TAB>label" lines to this file.
WALK_MASK_FILE=${WALK_MASK_FILE:-}

WALK_STEP=0
WALK_FENCE=0      # 1 while a Markdown code block is open
WALK_FENCE_RUNS=0 # commands shown in the open block
WALK_LIST=0       # 1 while a list is open
WALK_PIDS=()      # servers started by walk_server, stopped by walk_cleanup
WALK_DIR=""       # scratch directory of this run
OUT=""            # the output of the last `run`

if [ -t 1 ] && [ "$WALK_MARKDOWN" -eq 0 ]; then
    WALK_BOLD=$'\e[1m' WALK_DIM=$'\e[2m' WALK_OFF=$'\e[0m'
else
    WALK_BOLD="" WALK_DIM="" WALK_OFF=""
fi

# walk_init: makes the scratch directory (printed as <tmp> in the docs) and the
# exit trap that stops every server this script started.
walk_init() {
    WALK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/authlab-walk.XXXXXX")
    mkdir -p "$WALK_DIR/.walk"
    mask "$WALK_DIR" "<tmp>"
    trap walk_cleanup EXIT
}

walk_cleanup() {
    local pid
    # A cluster started with AUTHLAB_CLUSTER_DIR=$WALK_DIR/cluster (--cluster): its pid
    # files name exactly what to stop.
    if [ -n "$WALK_DIR" ] && [ -d "$WALK_DIR/cluster" ]; then
        AUTHLAB_CLUSTER_DIR="$WALK_DIR/cluster" "$AUTHLAB_ROOT/scripts/cluster" stop >/dev/null 2>&1 || true
    fi
    for pid in "${WALK_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${WALK_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    [ -n "$WALK_DIR" ] && rm -rf "$WALK_DIR"
}

# walk_cluster_port N: a port P for `scripts/cluster start N --port P` on which nothing
# listens, nor on P+1..P+N (the instances) and P+50 (Redis): five-digit, so that one
# instance's address is never the prefix of another's in the masks.
walk_cluster_port() {
    python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
for _ in range(200):
    p = random.randrange(20000, 29000)
    if all(free(q) for q in [*range(p, p + n + 1), p + 50]):
        print(p)
        sys.exit(0)
sys.exit("no free block of ports for a cluster")
PY
}

# mask VALUE LABEL: in generated docs, VALUE is printed as LABEL.
mask() {
    [ -n "$WALK_MASK_FILE" ] && [ -n "$1" ] && printf '%s\t%s\n' "$1" "$2" >>"$WALK_MASK_FILE"
    return 0
}

# _walk_close_block: ends an open code block or list before other text.
_walk_close_block() {
    if [ "$WALK_FENCE" -eq 1 ]; then
        printf '```\n\n'
        WALK_FENCE=0
    fi
    if [ "$WALK_LIST" -eq 1 ]; then
        printf '\n'
        WALK_LIST=0
    fi
}

_walk_wrap() { fold -s -w 80 | sed 's/ *$//'; }

# title TEXT: the document's title.
title() {
    if [ "$WALK_MARKDOWN" -eq 1 ]; then
        printf '# %s\n\n' "$1"
    else
        printf '%s%s%s\n\n' "$WALK_BOLD" "$1" "$WALK_OFF"
    fi
}

# section TEXT: an unnumbered heading.
section() {
    _walk_close_block
    if [ "$WALK_MARKDOWN" -eq 1 ]; then
        printf '## %s\n\n' "$1"
    else
        printf '\n%s== %s ==%s\n\n' "$WALK_BOLD" "$1" "$WALK_OFF"
    fi
}

# step TITLE: waits for Enter (on a terminal, unless --no-pause), then the next
# numbered heading.
step() {
    _walk_close_block
    WALK_STEP=$((WALK_STEP + 1))
    if [ "$WALK_PAUSE" -eq 1 ] && [ -t 0 ] && [ -t 1 ]; then
        local answer
        read -r -p "-- Enter: step $WALK_STEP ($1); q: quit -- " answer
        [ "$answer" = q ] && exit 0
    fi
    section "Step $WALK_STEP. $1"
}

# say TEXT...: one paragraph per argument, wrapped at 80 columns.
say() {
    _walk_close_block
    local paragraph
    for paragraph in "$@"; do
        printf '%s\n' "$paragraph" | _walk_wrap
        printf '\n'
    done
}

# item TEXT: one list item, wrapped with a hanging indent.
item() {
    [ "$WALK_LIST" -eq 1 ] || _walk_close_block
    WALK_LIST=1
    printf '%s\n' "$1" | fold -s -w 78 | sed -e 's/ *$//' -e '1s/^/- /' -e '2,$s/^/  /'
}

# run COMMAND: shows `$ COMMAND`, then runs it in this shell (so assignments and
# function definitions stay) and shows its real output, stdout and stderr, with CR
# and trailing blanks removed. The output is also left in $OUT. A failing command does not stop the
# script: what it printed is the lesson.
run() {
    local cmd=$1 file="$WALK_DIR/.walk/out"
    if [ "$WALK_LIST" -eq 1 ]; then _walk_close_block; fi
    if [ "$WALK_MARKDOWN" -eq 1 ]; then
        if [ "$WALK_FENCE" -eq 0 ]; then
            printf '```console\n'
            WALK_FENCE=1
            WALK_FENCE_RUNS=0
        elif [ "$WALK_FENCE_RUNS" -gt 0 ]; then
            printf '\n'
        fi
        WALK_FENCE_RUNS=$((WALK_FENCE_RUNS + 1))
    fi
    printf '%s$ %s%s\n' "$WALK_DIM" "$cmd" "$WALK_OFF" | sed '2,$s/^/  /'
    if eval "$cmd" >"$file" 2>&1; then :; fi
    OUT=$(tr -d '\r' <"$file" | sed 's/[[:space:]]*$//')
    [ -n "$OUT" ] && printf '%s\n' "$OUT"
    [ "$WALK_MARKDOWN" -eq 1 ] || printf '\n'
    return 0
}

# walk_server NAME COMMAND: shows `$ COMMAND`, runs it in the background with its
# output in $WALK_DIR/NAME.log, waits until URL/healthz answers (the URL is the
# third argument), shows the log's first line and records the pid in
# ${NAME}_PID.
walk_server() {
    local name=$1 cmd=$2 url=$3 log="$WALK_DIR/$1.log"
    if [ "$WALK_LIST" -eq 1 ]; then _walk_close_block; fi
    if [ "$WALK_MARKDOWN" -eq 1 ] && [ "$WALK_FENCE" -eq 0 ]; then
        printf '```console\n'
        WALK_FENCE=1
        WALK_FENCE_RUNS=0
    elif [ "$WALK_MARKDOWN" -eq 1 ] && [ "$WALK_FENCE_RUNS" -gt 0 ]; then
        printf '\n'
    fi
    WALK_FENCE_RUNS=$((WALK_FENCE_RUNS + 1))
    printf '%s$ %s &%s\n' "$WALK_DIM" "$cmd" "$WALK_OFF"
    # exec: the background job becomes the server itself, so its pid is the server's.
    (eval "exec $cmd") >"$log" 2>&1 &
    local pid=$!
    WALK_PIDS+=("$pid")
    printf -v "${name}_PID" '%s' "$pid"
    wait_http "$url/healthz" 30 || {
        cat "$log" >&2
        die "the $name server did not start"
    }
    head -n 1 "$log"
    [ "$WALK_MARKDOWN" -eq 1 ] || printf '\n'
}

# walk_forget PID: a server that the script itself stopped (kill; wait), so that
# walk_cleanup does not signal a pid that may since belong to someone else.
walk_forget() {
    local pid kept=()
    for pid in "${WALK_PIDS[@]}"; do
        [ "$pid" = "$1" ] || kept+=("$pid")
    done
    WALK_PIDS=("${kept[@]}")
}

# walk_finish: closes what is open.
walk_finish() { _walk_close_block; }

# walk_normalize MASKFILE: stdin to stdout with the volatile values of a run
# replaced by stable labels, so that regenerated docs are byte-identical: first the
# registered values (longest first), then patterns for what every run changes
# (dates, durations, Unix times, ports, password hashes, tokens nobody registered).
walk_normalize() {
    # shellcheck disable=SC2016 # a Python program, not shell
    python3 -c '
import re, sys
masks = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        value, _, label = line.rstrip("\n").partition("\t")
        if value:
            masks.append((value, label))
masks.sort(key=lambda m: len(m[0]), reverse=True)
text = sys.stdin.read()
for value, label in masks:
    text = text.replace(value, label)
patterns = [
    (r"(?m)^(< )?Date: .*$", r"\1Date: <date>"),
    (r"User-Agent: curl/\S+", "User-Agent: curl/<version>"),
    (r"\bdur=\d+\.\d+", "dur=<ms>"),
    (r"\b\d+\.\d{3} ms\b", "<ms> ms"),
    (r"\b1[6-9]\d{8}\b", "<unix-time>"),
    (r"127\.0\.0\.1:\d+", "127.0.0.1:<port>"),
    (r"(\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$)[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+",
     r"\1<salt>$<hash>"),
    (r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*", "<jwt>"),
    (r"sid=[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", "sid=<sid>"),
    (r"(\"(?:refresh_token|csrf_token)\":\")[A-Za-z0-9_-]{43}\"", r"\1<random>\""),
    (r"(\\?\"jti\\?\":\s*\\?\")[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])", r"\1<jti>"),
]
for pattern, replacement in patterns:
    text = re.sub(pattern, replacement, text)
sys.stdout.write(text)
' "$1"
}
