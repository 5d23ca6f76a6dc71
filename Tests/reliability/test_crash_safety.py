"""Crash safety: SIGKILL in the middle of a registration/login storm, restart on the
same database, and everything that was acknowledged with a 2xx is still there.

SQLite runs in WAL mode with synchronous=NORMAL: a committed transaction survives
the death of the process (not necessarily a power cut). The server answers 201/200
only after the COMMIT, so an acknowledged user or session must never be lost.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from authlab_server import FAST_ARGON2, Server

PASSWORD = "crash-password-1"
ROUNDS = int(os.environ.get("AUTHLAB_CRASH_ROUNDS", "3"))
STORM_THREADS = 8
SERVER_ARGS = [*FAST_ARGON2, "--throttle-client", "100000", "--throttle-username", "100000"]


@dataclass
class Acknowledged:
    """What the server confirmed with a complete 2xx answer before it died."""
    users: list[str] = field(default_factory=list)
    sessions: list[tuple[str, str]] = field(default_factory=list)  # (username, sid)
    refresh: list[str] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def post(port: int, path: str, body: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", path, body=json.dumps(body),
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()  # the whole body: only then is it acknowledged
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        conn.close()


def storm(port: int, prefix: str, acked: Acknowledged, stop: threading.Event) -> None:
    """Registers users and logs each in on both sides until the server dies."""
    n = 0
    while not stop.is_set():
        name = f"{prefix}{n}"
        n += 1
        try:
            status, _, _ = post(port, "/users", {"username": name, "password": PASSWORD})
            if status != 201:
                raise AssertionError(f"register {name}: {status}")
            with acked.lock:
                acked.users.append(name)
            status, headers, _ = post(port, "/session/login",
                                      {"username": name, "password": PASSWORD})
            match = re.search(r"sid=([^;]+)", headers.get("set-cookie", ""))
            if status == 200 and match:
                with acked.lock:
                    acked.sessions.append((name, match.group(1)))
            status, _, body = post(port, "/jwt/login", {"username": name, "password": PASSWORD})
            if status == 200:
                with acked.lock:
                    acked.refresh.append(json.loads(body)["refresh_token"])
        except (OSError, http.client.HTTPException, ValueError):
            with acked.lock:
                acked.errors += 1
            if stop.wait(0.05):
                return


def integrity_check(db: Path) -> str:
    result = subprocess.run(["sqlite3", str(db), "PRAGMA integrity_check;"],
                            capture_output=True, text=True, timeout=60, check=False)
    return (result.stdout + result.stderr).strip()


def test_sigkill_during_storm_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    acked = Acknowledged()
    restart_seconds: list[float] = []
    for round_ in range(ROUNDS):
        server = Server(db, SERVER_ARGS, log_path=tmp_path / "server.log").start()
        restart_seconds.append(server.started_in)
        stop = threading.Event()
        workers = [threading.Thread(target=storm,
                                    args=(server.port, f"r{round_}t{i}u", acked, stop))
                   for i in range(STORM_THREADS)]
        for worker in workers:
            worker.start()
        time.sleep(random.uniform(1.0, 2.5))
        with acked.lock:
            before = len(acked.users)
        server.kill()  # SIGKILL: no graceful stop, no checkpoint
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
        assert before > 0, "the storm made no user before the kill"
        assert integrity_check(db) == "ok"

    server = Server(db, SERVER_ARGS, log_path=tmp_path / "server.log").start()
    restart_seconds.append(server.started_in)
    try:
        lost_users = [u for u in acked.users
                      if server.request("POST", "/jwt/login",
                                        {"username": u, "password": PASSWORD})[0] != 200]
        lost_sessions = []
        for username, sid in acked.sessions:
            status, _, body = server.request("GET", "/session/me",
                                             headers={"Cookie": f"sid={sid}"})
            if status != 200 or json.loads(body)["user"]["username"] != username:
                lost_sessions.append(username)
        lost_refresh = 0
        for token in acked.refresh[:50]:
            status, _, _ = server.request("POST", "/jwt/refresh", {"refresh_token": token})
            lost_refresh += status != 200
    finally:
        server.stop()
    print(f"\ncrash-test: {ROUNDS} SIGKILLs during a storm of {STORM_THREADS} threads; "
          f"acknowledged {len(acked.users)} users, {len(acked.sessions)} sessions, "
          f"{len(acked.refresh)} refresh tokens; client errors at the kills {acked.errors}")
    print(f"crash-test: after restart: users lost {len(lost_users)}, sessions lost "
          f"{len(lost_sessions)}, refresh tokens lost {lost_refresh} of "
          f"{min(50, len(acked.refresh))} checked; integrity_check "
          f"{integrity_check(db)}; start to first /healthz 200: "
          + ", ".join(f"{s * 1000:.0f} ms" for s in restart_seconds))
    assert not lost_users, f"acknowledged users lost: {lost_users[:10]}"
    assert not lost_sessions, f"acknowledged sessions lost: {lost_sessions[:10]}"
    assert lost_refresh == 0
    assert integrity_check(db) == "ok"
    assert max(restart_seconds) < 5.0, "the restarted server did not answer at once"
