# Shared helpers for authlab's scripts. Source it; do not run it.
# shellcheck shell=bash

AUTHLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export AUTHLAB_ROOT

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ensure_apt PKG... installs the Debian packages that are missing, and only those.
ensure_apt() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# The C libraries the Swift package links against.
ensure_build_deps() {
    command -v swift >/dev/null || die "the Swift toolchain is not on PATH (see README.md)"
    ensure_apt pkg-config libsqlite3-dev libssl-dev libmicrohttpd-dev libargon2-dev libhiredis-dev \
        sqlite3 curl
}

# ensure_venv PKG... creates .venv (once) and installs the missing PyPI packages into it.
ensure_venv() {
    local venv="$AUTHLAB_ROOT/.venv"
    if [ ! -x "$venv/bin/python" ]; then
        log "creating Python virtual environment in .venv"
        python3 -m venv "$venv" 2>/dev/null || { ensure_apt python3-venv; python3 -m venv "$venv"; }
    fi
    local missing=()
    local spec name
    for spec in "$@"; do
        name=${spec%%[<>=]*}
        "$venv/bin/python" -m pip show -q "$name" >/dev/null 2>&1 || missing+=("$spec")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing Python packages: ${missing[*]}"
        "$venv/bin/python" -m pip install -q --disable-pip-version-check "${missing[@]}"
    fi
    PYTHON="$venv/bin/python"
    export PYTHON
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL [SECONDS]: waits until URL answers 200.
wait_http() {
    local url=$1 deadline=$((SECONDS + ${2:-20}))
    until curl -fsS -o /dev/null "$url" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}
