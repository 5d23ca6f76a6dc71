"""Start, probe and stop an `authlab serve` process for the reliability tests.

Shared by scripts/soak, scripts/crash-test and Tests/reliability (which put this
folder on sys.path). Standard library only. Every server listens on 127.0.0.1 with
port 0 (the OS picks a free port, read back from the "listening" log line).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import time
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Argon2id parameters that make a hash take well under a millisecond, so that
# load tests measure the server and not the password hash (never for production).
FAST_ARGON2 = ["--argon2-memory", "64", "--argon2-iterations", "1"]

_LISTENING = re.compile(r"authlab listening on http://([0-9.]+):(\d+)")


@cache
def binary() -> str:
    """The authlab executable: $AUTHLAB_BIN, else the debug build in .build."""
    path = os.environ.get("AUTHLAB_BIN")
    if path:
        return path
    out = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
        capture_output=True, text=True).stdout.strip()
    return str(Path(out) / "authlab")


class ServerError(Exception):
    """The server did not start, or exited when it should not have."""


class Server:
    """One `authlab serve` child process, its log in a file."""

    def __init__(self, db: str | os.PathLike[str], args: list[str] | None = None,
                 log_path: str | os.PathLike[str] | None = None, access_log: bool = False):
        self.db = str(db)
        self.args = list(args or [])
        if not access_log:
            self.args.append("--no-access-log")
        self.log_path = Path(log_path) if log_path else Path(self.db + ".log")
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.started_in = 0.0

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> "Server":
        """Spawns the server and waits until /healthz answers 200."""
        argv = [binary(), "serve", "--host", "127.0.0.1", "--port", "0", "--db", self.db,
                *self.args]
        began = time.monotonic()
        log = open(self.log_path, "ab")
        offset = log.tell()  # a restart appends: read only this run's lines
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerError(f"server exited with {self.proc.returncode}: {self.log_tail()}")
            match = _LISTENING.search(self.log_text()[offset:])
            if match:
                self.port = int(match.group(2))
                break
            time.sleep(0.02)
        else:
            self.kill()
            raise ServerError(f"server did not log 'listening' within {timeout} s")
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/healthz", timeout=2)[0] == 200:
                    self.started_in = time.monotonic() - began
                    return self
            except OSError:
                pass
            time.sleep(0.02)
        self.kill()
        raise ServerError("server did not answer /healthz")

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def request(self, method: str, path: str, body: object | bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 10.0
                ) -> tuple[int, dict[str, str], bytes]:
        """One request on a fresh connection: (status, headers lower-cased, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            sent = dict(headers or {})
            data: bytes | None = None
            if body is not None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                sent.setdefault("Content-Type", "application/json")
            conn.request(method, path, body=data, headers=sent)
            response = conn.getresponse()
            payload = response.read()
            got = {name.lower(): value for name, value in response.getheaders()}
            return response.status, got, payload
        finally:
            conn.close()

    def rss_kib(self) -> int:
        """Resident set size from /proc/PID/status (VmRSS), in KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise ServerError("no VmRSS line")

    def fd_count(self) -> int:
        """Open file descriptors, from /proc/PID/fd."""
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=30)

    def stop(self) -> int:
        """SIGTERM (graceful stop), then the exit status."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def register(server: Server, username: str, password: str) -> int:
    status, _, body = server.request("POST", "/users", {"username": username,
                                                         "password": password})
    if status != 201:
        raise ServerError(f"register {username}: {status} {body!r}")
    return int(json.loads(body)["id"])


def session_login(server: Server, username: str, password: str) -> str:
    """Logs in on the session side; returns the sid cookie value."""
    status, headers, body = server.request(
        "POST", "/session/login", {"username": username, "password": password})
    if status != 200:
        raise ServerError(f"session login {username}: {status} {body!r}")
    match = re.search(r"sid=([^;]+)", headers.get("set-cookie", ""))
    if not match:
        raise ServerError("session login without a sid cookie")
    return match.group(1)


def jwt_login(server: Server, username: str, password: str) -> dict[str, object]:
    status, _, body = server.request(
        "POST", "/jwt/login", {"username": username, "password": password})
    if status != 200:
        raise ServerError(f"jwt login {username}: {status} {body!r}")
    return json.loads(body)
