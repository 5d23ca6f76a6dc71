# Helpers to run a private redis-server for tests and the cluster. Source it after
# common.sh; do not run it.
# shellcheck shell=bash

# redis_start DIR PORT [persistent]: starts redis-server on 127.0.0.1:PORT with its
# own config, data directory and pid file under DIR, and waits until it answers PING.
# No persistence (a test store) unless the third argument is `persistent`: then an
# append-only file, so that sessions survive a restart. Installs redis-server when
# it is missing.
redis_start() {
    local dir=$1 port=$2 aof=no
    [ "${3:-}" = persistent ] && aof=yes
    command -v redis-server >/dev/null || ensure_apt redis-server
    mkdir -p "$dir"
    cat >"$dir/redis.conf" <<CONF
bind 127.0.0.1
port $port
protected-mode yes
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir
save ""
appendonly $aof
appendfsync everysec
databases 16
CONF
    redis-server "$dir/redis.conf" >/dev/null || return 1
    redis_wait "$port" 10
}

# redis_wait PORT [SECONDS]: waits until the Redis on 127.0.0.1:PORT answers PING.
redis_wait() {
    local port=$1 deadline=$((SECONDS + ${2:-10}))
    until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.05
    done
}

# redis_stop DIR: stops the redis-server whose pid file is in DIR (and only it).
redis_stop() {
    local pidfile="$1/redis.pid" pid
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null && grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid"
        local deadline=$((SECONDS + 10))
        while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.05; done
    fi
    rm -f "$pidfile"
}
