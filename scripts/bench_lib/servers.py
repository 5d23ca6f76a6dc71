"""The processes under test: authlab servers (one per configuration) and nginx."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import procstat

PASSWORD = "seed-password"
PREFIX = "seed"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(port: int, seconds: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: "
                               f"{log.read_text()[-500:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"no answer on port {port} after {seconds} s")


def seed(binary: Path, db: Path, users: int, sessions: int, export: Path,
         export_count: int) -> float:
    """Runs `authlab seed`; returns the seconds it took."""
    start = time.time()
    subprocess.run(
        [str(binary), "seed", "--db", str(db), "--users", str(users), "--sessions",
         str(sessions), "--prefix", PREFIX, "--password", PASSWORD, "--export", str(export),
         "--export-count", str(export_count)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    return time.time() - start


def copy_db(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(str(source) + suffix).exists():
            shutil.copyfile(str(source) + suffix, str(target) + suffix)
    return target


class AuthlabServer:
    """`authlab serve` on a free port, its own database, --no-access-log."""

    # Lifetimes long enough for a whole run: seeded sessions and the tokens fetched at the
    # start must stay valid until the end (defaults: 30 min idle, 15 min tokens).
    COMMON = ["--no-access-log", "--access-ttl", "6h", "--session-idle-ttl", "12h"]

    def __init__(self, name: str, binary: Path, db: Path, work: Path, flags: list[str],
                 threads: int):
        self.name, self.binary, self.db, self.flags = name, binary, db, flags
        self.threads = threads
        self.log = work / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def command(self) -> list[str]:
        return [str(self.binary), "serve", "--db", str(self.db), "--port", str(self.port),
                "--threads", str(self.threads), *self.COMMON, *self.flags]

    def start(self) -> None:
        self.port = free_port()
        with self.log.open("w") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL)
        wait_healthy(self.port, 120, self.process, self.log)

    def pids(self) -> list[int]:
        return [self.process.pid] if self.process else []

    def snapshot(self) -> dict:
        state = {"cpu_s": procstat.cpu_seconds(self.pids())}
        state.update(procstat.metrics(self.port))
        return state

    def memory(self) -> dict[str, int]:
        return procstat.memory_kib(self.pids())

    def post(self, path: str, body: dict) -> tuple[dict, dict[str, str]]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read()), dict(answer.headers)

    def stop(self) -> None:
        stop_process(self.process)


class NginxServer:
    """nginx `return 200` on 127.0.0.1: the HTTP ceiling of this machine."""

    name = "nginx"

    def __init__(self, work: Path, workers: int):
        self.dir = work / "nginx"
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.port = 0

    def config(self) -> str:
        d = self.dir
        return f"""worker_processes {self.workers};
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            default_type application/json;
            return 200 '{{"status":"ok"}}';
        }}
    }}
}}
"""

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        (self.dir / "nginx.conf").write_text(self.config())
        log = self.dir / "stderr.log"
        with log.open("w") as out:
            self.process = subprocess.Popen(
                ["nginx", "-p", str(self.dir), "-e", str(self.dir / "error.log"),
                 "-c", str(self.dir / "nginx.conf")],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_healthy(self.port, 30, self.process, log)

    def pids(self) -> list[int]:
        if not self.process:
            return []
        return [self.process.pid, *procstat.children(self.process.pid)]

    def snapshot(self) -> dict:
        return {"cpu_s": procstat.cpu_seconds(self.pids())}

    def memory(self) -> dict[str, int]:
        return procstat.memory_kib(self.pids())

    def stop(self) -> None:
        # nginx: SIGQUIT is the graceful stop (SIGTERM is "fast").
        stop_process(self.process, signal.SIGQUIT)


def stop_process(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stops one process that this script started, by its pid; kills it after 15 s."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)

