"""The real `authlab serve` process, for the live contract suite.

Every server runs on an ephemeral port (`--port 0`, the port read from the
`authlab listening on http://127.0.0.1:PORT` line) with its own SQLite file in a
temporary directory, and is stopped with SIGTERM at teardown, where the test
also checks that it exited 0.

Every HTTP response seen through `Server.client()` is checked against the rules
of API.md that hold for all responses (Server-Timing, error body shape, JSON
content type, never `*` CORS on /session/*), so each test pins those too.
"""

from __future__ import annotations

import http.cookiejar
import itertools
import json
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from helpers import check_response, new_password, new_username, parse_metrics, set_cookies

REPO = Path(__file__).resolve().parents[2]
FAST_ARGON2 = ["--argon2-memory", "1024", "--argon2-iterations", "1"]
LISTENING = re.compile(rb"authlab listening on http://(\S+?):(\d+)")
START_TIMEOUT = 30.0
STOP_TIMEOUT = 8.0

_binary: str | None = None
_log_numbers = itertools.count(1)


def authlab_binary() -> str:
    """`$AUTHLAB_BIN`, else `$(swift build --show-bin-path)/authlab`, computed once."""
    global _binary
    if _binary is None:
        path = os.environ.get("AUTHLAB_BIN")
        if not path:
            out = subprocess.run(
                ["swift", "build", "--show-bin-path"],
                cwd=REPO, capture_output=True, text=True, check=True,
            )
            path = os.path.join(out.stdout.strip(), "authlab")
        if not os.access(path, os.X_OK):
            pytest.exit(
                f"no authlab binary at {path}: run `swift build` or set AUTHLAB_BIN",
                returncode=2,
            )
        _binary = path
    return _binary


def clean_environment(extra: dict[str, str] | None) -> dict[str, str]:
    """The caller's environment without any AUTHLAB_* setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHLAB_")}
    env.update(extra or {})
    return env


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Cookies are sent by hand in this suite, so that every test says which."""

    def set_ok(self, cookie, request):  # noqa: D102
        return False

    def return_ok(self, cookie, request):  # noqa: D102
        return False


@dataclass
class Account:
    username: str
    password: str
    id: int


@dataclass
class SessionLogin:
    sid: str
    csrf: str
    body: dict
    response: requests.Response

    @property
    def cookie(self) -> dict[str, str]:
        return {"Cookie": f"sid={self.sid}"}


class Server:
    """One `authlab serve` process."""

    def __init__(self, workdir: Path, args=(), env=None, db: Path | None = None,
                 fast_argon2: bool = True):
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.db = Path(db) if db else workdir / "authlab.sqlite"
        self.args = [str(a) for a in args]
        self.env = env or {}
        self.fast_argon2 = fast_argon2
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.log_path: Path | None = None
        self._clients: list[requests.Session] = []
        self.start()

    # -- process ---------------------------------------------------------------

    def command(self) -> list[str]:
        cmd = [authlab_binary(), "serve", "--host", "127.0.0.1", "--port", "0",
               "--db", str(self.db)]
        if self.fast_argon2:
            cmd += FAST_ARGON2
        return cmd + self.args

    def start(self) -> None:
        self.log_path = self.workdir / f"server-{next(_log_numbers)}.log"
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            env=clean_environment(self.env), cwd=self.workdir,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            match = LISTENING.search(self.log_path.read_bytes())
            if match:
                self.port = int(match.group(2))
                assert match.group(1) == b"127.0.0.1", self.log_tail()
                return
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"authlab serve exited {self.proc.returncode} before listening:\n"
                    f"{' '.join(self.command())}\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.proc.kill()
                raise AssertionError(f"authlab serve did not listen in time:\n{self.log_tail()}")
            time.sleep(0.02)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Signals the server and returns its exit status (fails if it hangs)."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        if self.proc is None:
            return 0
        proc, self.proc = self.proc, None
        if proc.poll() is None:
            proc.send_signal(sig)
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise AssertionError(
                    f"authlab serve did not exit within {STOP_TIMEOUT}s of signal {sig}:\n"
                    f"{self.log_tail()}")
        return proc.returncode

    def restart(self, args=None) -> None:
        """Stops (asserting exit 0) and starts again on the same database."""
        assert self.stop() == 0, self.log_tail()
        if args is not None:
            self.args = [str(a) for a in args]
        self.start()

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    # -- HTTP ------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def client(self) -> requests.Session:
        """A keep-alive client that checks the all-responses rules and keeps no cookies."""
        session = requests.Session()
        session.cookies.set_policy(_NoCookies())
        session.hooks["response"].append(lambda r, *a, **k: check_response(r))
        self._clients.append(session)
        return session

    @property
    def http(self) -> requests.Session:
        if not self._clients:
            self.client()
        return self._clients[0]

    def get(self, path: str, **kw) -> requests.Response:
        return self.http.get(self.url(path), timeout=kw.pop("timeout", 15), **kw)

    def post(self, path: str, body=None, **kw) -> requests.Response:
        """POST with a JSON body (and its Content-Type) unless `data=` is given."""
        headers = dict(kw.pop("headers", {}) or {})
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
            kw["data"] = json.dumps(body).encode()
        return self.http.post(self.url(path), headers=headers,
                              timeout=kw.pop("timeout", 15), **kw)

    def request(self, method: str, path: str, **kw) -> requests.Response:
        return self.http.request(method, self.url(path), timeout=kw.pop("timeout", 15), **kw)

    # -- contract helpers --------------------------------------------------------

    def register(self, username: str | None = None, password: str | None = None) -> Account:
        username = username or new_username()
        password = password or new_password()
        r = self.post("/users", {"username": username, "password": password})
        assert r.status_code == 201, (r.status_code, r.text)
        return Account(username, password, r.json()["id"])

    def session_login(self, account: Account, headers=None) -> SessionLogin:
        r = self.post("/session/login",
                      {"username": account.username, "password": account.password},
                      headers=headers)
        assert r.status_code == 200, (r.status_code, r.text)
        cookies = [c for c in set_cookies(r) if c.name == "sid"]
        assert len(cookies) == 1, set_cookies(r)
        return SessionLogin(cookies[0].value, r.json()["csrf_token"], r.json(), r)

    def jwt_login(self, account: Account) -> dict:
        r = self.post("/jwt/login", {"username": account.username, "password": account.password})
        assert r.status_code == 200, (r.status_code, r.text)
        return r.json()

    def me_jwt(self, token: str) -> requests.Response:
        return self.get("/jwt/me", headers={"Authorization": f"Bearer {token}"})

    def me_session(self, sid: str) -> requests.Response:
        return self.get("/session/me", headers={"Cookie": f"sid={sid}"})

    def metrics(self) -> dict:
        r = self.get("/metrics")
        assert r.status_code == 200, r.text
        return parse_metrics(r.text)


class ServerFactory:
    def __init__(self, root: Path):
        self.root = root
        self.servers: list[Server] = []

    def __call__(self, *args, env=None, db=None, fast_argon2=True, name=None) -> Server:
        workdir = self.root / (name or f"srv{len(self.servers)}")
        server = Server(workdir, args, env=env, db=db, fast_argon2=fast_argon2)
        self.servers.append(server)
        return server

    def stop_all(self) -> list[str]:
        problems = []
        for server in self.servers:
            try:
                rc = server.stop()
            except AssertionError as error:
                problems.append(str(error))
                continue
            if rc < 0:
                problems.append(f"authlab serve was killed by signal {-rc} (SIGTERM not handled: "
                                f"no graceful stop):\n{server.log_tail(8)}")
            elif rc != 0:
                problems.append(f"authlab serve exited {rc} on SIGTERM:\n{server.log_tail()}")
        return problems
