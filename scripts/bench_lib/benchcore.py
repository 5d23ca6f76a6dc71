"""Profiles, modes, and the lab that seeds, starts and measures everything."""

from __future__ import annotations

import concurrent.futures
import json
import os
import platform
import secrets
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import procstat
from servers import PASSWORD, PREFIX, AuthlabServer, NginxServer, copy_db, seed
from wrk import Wrk


@dataclass
class Profile:
    name: str
    duration: float          # seconds per measurement in the main comparison
    rounds: int              # rounds of the main comparison and of the scaling table
    connections: int         # connections of the main comparison
    sweep: list[int]         # connections of the concurrency sweep
    sweep_duration: float
    table_sizes: list[int]   # sessions rows; the largest backs the main server
    users: int
    cookies: int             # session cookies rotated per mode
    tokens: int              # access tokens rotated per JWT mode
    denied: int              # rows in the deny-list table of jwt-denylist
    login_duration: float
    login_connections: int
    storm_duration: float
    probe_connections: int
    hash_workers_variant: bool
    inprocess: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


QUICK = Profile("quick", duration=1, rounds=1, connections=16, sweep=[], sweep_duration=1,
                table_sizes=[1000], users=200, cookies=200, tokens=3, denied=100,
                login_duration=2, login_connections=4, storm_duration=2,
                probe_connections=16, hash_workers_variant=False,
                inprocess=["--quick"])
FULL = Profile("full", duration=10, rounds=3, connections=64, sweep=[1, 16, 64, 256],
               sweep_duration=5, table_sizes=[1000, 100_000, 1_000_000], users=10_000,
               cookies=10_000, tokens=16, denied=10_000, login_duration=10,
               login_connections=8, storm_duration=10, probe_connections=16,
               hash_workers_variant=True)


@dataclass
class Mode:
    name: str
    server: str          # key of the server that answers it
    path: str
    credential: str      # none, cookie, token
    what: str

    def as_dict(self) -> dict:
        return asdict(self)


MODES = [
    Mode("none", "main", "/healthz", "none", "GET /healthz on authlab: no auth, no DB (the floor)"),
    Mode("session", "main", "/session/me", "cookie", "session cookie, one SQLite lookup"),
    Mode("session-touch", "touch", "/session/me", "cookie",
         "session cookie, --session-touch: lookup + a write per request"),
    Mode("jwt-hs256", "main", "/jwt/me", "token", "HS256 bearer token, no DB"),
    Mode("jwt-es256", "es256", "/jwt/me", "token", "ES256 bearer token, no DB"),
    Mode("jwt-eddsa", "eddsa", "/jwt/me", "token", "EdDSA (Ed25519) bearer token, no DB"),
    Mode("jwt-rs256", "rs256", "/jwt/me", "token", "RS256 (2048-bit) bearer token, no DB"),
    Mode("jwt-denylist", "denylist", "/jwt/me", "token",
         "HS256 bearer token, --jwt-denylist: one SQLite lookup of jti"),
    Mode("nginx", "nginx", "/healthz", "none", "nginx `return 200` (the HTTP ceiling)"),
]


def machine_facts(binary: str) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), "unknown")
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True,
                               timeout=60).stdout.splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        swift = "unknown"
    versions = {}
    for tool, flag in (("wrk", "-v"), ("nginx", "-v")):
        run = subprocess.run([tool, flag], capture_output=True, text=True)
        versions[tool] = (run.stdout + run.stderr).strip().splitlines()[0]
    root = Path(__file__).resolve().parents[2]
    head = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty"],
                          capture_output=True, text=True).stdout.strip() or "unknown"
    return {"nproc": os.cpu_count(), "cpu_model": model, "commit": head,
            "memory_gib": round(int(mem) / 1024 / 1024, 1), "kernel": platform.release(),
            "swift": swift, "wrk": versions["wrk"], "nginx": versions["nginx"],
            "python": platform.python_version(), "binary": binary}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Lab:
    """Everything one run needs: databases, servers, credentials; and the phases."""

    def __init__(self, profile: Profile, binary: Path, work: Path):
        self.p = profile
        self.binary = binary
        self.work = work
        self.threads = os.cpu_count() or 1
        self.wrk = Wrk(work, self.threads)
        self.servers: dict[str, AuthlabServer | NginxServer] = {}
        self.creds: dict[str, Path] = {}      # server key -> file of "Header: value" lines
        self.results: dict = {"measurements": []}

    # ---- setup -------------------------------------------------------------------------

    def log(self, text: str) -> None:
        print(f"bench: {text}", file=sys.stderr, flush=True)

    def seed_all(self) -> None:
        self.seeded: dict[int, tuple[Path, Path]] = {}
        timings = {}
        for size in self.p.table_sizes:
            db, export = self.work / f"seed-{size}.sqlite", self.work / f"cookies-{size}.txt"
            seconds = seed(self.binary, db, self.p.users, size, export, self.p.cookies)
            timings[str(size)] = round(seconds, 2)
            self.log(f"seeded {self.p.users} users and {size} sessions in {seconds:.1f} s")
            self.seeded[size] = (db, export)
        self.results["seeding_s"] = timings

    def db_copy(self, size: int, name: str) -> Path:
        return copy_db(self.seeded[size][0], self.work / f"{name}.sqlite")

    def cookie_file(self, size: int) -> Path:
        target = self.work / f"cookie-headers-{size}.txt"
        if not target.exists():
            lines = self.seeded[size][1].read_text().split()
            target.write_text("".join(f"Cookie: sid={value}\n" for value in lines))
        return target

    def add_server(self, key: str, size: int, flags: list[str]) -> AuthlabServer:
        server = AuthlabServer(key, self.binary, self.db_copy(size, key), self.work, flags,
                               self.threads)
        self.servers[key] = server
        return server

    def deny_some(self, db: Path, count: int) -> None:
        """Revoked tokens of other users, so the deny-list lookup searches a real table."""
        now = int(time.time())
        with sqlite3.connect(db) as conn:
            conn.executemany("INSERT INTO denied_jti (jti, expires_at) VALUES (?, ?)",
                             [(secrets.token_urlsafe(16), now + 3600) for _ in range(count)])

    def start_servers(self) -> None:
        big, small = max(self.p.table_sizes), min(self.p.table_sizes)
        self.add_server("main", big, [])
        self.add_server("touch", big, ["--session-touch"])
        for alg in ("ES256", "EdDSA", "RS256"):
            self.add_server(alg.lower(), small, ["--jwt-alg", alg])
        denylist = self.add_server("denylist", small, ["--jwt-denylist"])
        self.deny_some(denylist.db, self.p.denied)
        for size in self.p.table_sizes:
            if size != big:
                self.add_server(f"rows-{size}", size, [])
        self.add_server("login", small, [])
        if self.p.hash_workers_variant:
            self.add_server("login-hw1", small, ["--hash-workers", "1"])
        self.servers["nginx"] = NginxServer(self.work, self.threads)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda server: server.start(), self.servers.values()))
        self.log("servers up: " + ", ".join(f"{k}:{s.port}" for k, s in self.servers.items()))
        self.creds["main-cookie"] = self.cookie_file(big)
        self.creds["touch-cookie"] = self.cookie_file(big)
        self.creds["login-cookie"] = self.cookie_file(small)
        for size in self.p.table_sizes:
            self.creds[f"rows-{size}-cookie"] = self.cookie_file(size)

    def fetch_tokens(self) -> None:
        """Access tokens from POST /jwt/login of seeded users (real Argon2id each)."""
        started = time.time()
        keys = ["main", "es256", "eddsa", "rs256", "denylist", "login"]
        keys += ["login-hw1"] if "login-hw1" in self.servers else []
        for key in keys:
            server = self.servers[key]

            def login(index: int) -> str:
                body, _ = server.post("/jwt/login", {
                    "username": f"{PREFIX}{index:06d}", "password": PASSWORD})
                return body["access_token"]

            with concurrent.futures.ThreadPoolExecutor(max_workers=self.threads) as pool:
                tokens = list(pool.map(login, range(self.p.tokens)))
            target = self.work / f"tokens-{key}.txt"
            target.write_text("".join(f"Authorization: Bearer {t}\n" for t in tokens))
            self.creds[f"{key}-token"] = target
        self.log(f"tokens fetched in {time.time() - started:.1f} s")

    def credential_file(self, mode: Mode) -> Path | None:
        if mode.credential == "none":
            return None
        return self.creds[f"{mode.server}-{mode.credential}"]

    @staticmethod
    def credential_bytes(headers: Path | None) -> float:
        """Mean bytes of the credential header line on the wire, CRLF included."""
        if headers is None:
            return 0.0
        lines = headers.read_text().splitlines()
        return sum(len(line) + 2 for line in lines) / max(len(lines), 1)

    # ---- one measurement ---------------------------------------------------------------

    def measure(self, phase: str, mode: Mode, conns: int, seconds: float,
                server_key: str | None = None, headers: Path | None = None,
                extra: dict | None = None) -> dict:
        server = self.servers[server_key or mode.server]
        if headers is None:
            headers = self.credential_file(mode)
        before = server.snapshot()
        result = self.wrk.run(server.port, mode.path, conns, seconds, headers=headers)
        after = server.snapshot()
        record = self.record(phase, mode.name, server, conns, result, before, after)
        record["credential_bytes"] = round(self.credential_bytes(headers), 1)
        record.update(extra or {})
        self.results["measurements"].append(record)
        return record

    def record(self, phase: str, mode: str, server, conns: int, result: dict, before: dict,
               after: dict) -> dict:
        served = after.get("requests", 0) - before.get("requests", 0)
        requests = served if served > 0 else result["requests"]
        cpu = after["cpu_s"] - before["cpu_s"]
        record = {
            "phase": phase, "mode": mode, "server": server.name, "connections": conns,
            "requests": result["requests"], "rps": round(result["rps"], 1),
            "p50_us": result["p50_us"], "p90_us": result["p90_us"],
            "p99_us": result["p99_us"], "max_us": result["max_us"],
            "non2xx": result["non2xx"], "socket_errors": result["socket_errors"],
            "server_cpu_s": round(cpu, 3),
            "cpu_us_per_req": round(cpu / requests * 1e6, 2) if requests else None,
            "server_cores_busy": round(cpu / (result["duration_us"] / 1e6), 2),
        }
        if "db_queries" in before:
            record["db_queries_per_req"] = round(
                (after["db_queries"] - before["db_queries"]) / requests, 3) if requests else None
        self.log(f"{phase:10} {mode:14} c={conns:<3} {record['rps']:>9.0f} req/s "
                 f"p99 {record['p99_us'] / 1000:7.2f} ms  cpu {record['cpu_us_per_req']} us/req"
                 + (f"  non2xx {record['non2xx']}" if record["non2xx"] else "")
                 + (f"  errors {record['socket_errors']}" if record["socket_errors"] else ""))
        return record

    # ---- phases ------------------------------------------------------------------------

    def main_comparison(self) -> None:
        for round_index in range(self.p.rounds):
            shift = round_index * 3 % len(MODES)
            for mode in MODES[shift:] + MODES[:shift]:
                self.measure("main", mode, self.p.connections, self.p.duration,
                             extra={"round": round_index})
        self.results["memory"] = {key: server.memory() for key, server in self.servers.items()}

    def concurrency_sweep(self) -> None:
        for index, conns in enumerate(self.p.sweep):
            shift = index * 2 % len(MODES)
            for mode in MODES[shift:] + MODES[:shift]:
                self.measure("sweep", mode, conns, self.p.sweep_duration)

    def table_scaling(self) -> None:
        session = next(mode for mode in MODES if mode.name == "session")
        big = max(self.p.table_sizes)
        for round_index in range(self.p.rounds):
            for size in self.p.table_sizes:
                key = "main" if size == big else f"rows-{size}"
                self.measure("scaling", session, self.p.connections, self.p.sweep_duration,
                             server_key=key, headers=self.creds[f"rows-{size}-cookie"],
                             extra={"rows": size, "round": round_index})

    def login_bodies(self) -> Path:
        target = self.work / "login-bodies.txt"
        count = min(self.p.users, 1000)
        target.write_text("".join(
            json.dumps({"username": f"{PREFIX}{i:06d}", "password": PASSWORD}) + "\n"
            for i in range(count)))
        return target

    def wrk_login(self, server, path: str, conns: int, seconds: float):
        return self.wrk.start(server.port, path, conns, seconds, bodies=self.login_bodies(),
                              method="POST", timeout=30)

    def logins(self) -> None:
        server = self.servers["login"]
        for scheme, path in (("session", "/session/login"), ("jwt", "/jwt/login")):
            before = server.snapshot()
            process = self.wrk_login(server, path, self.p.login_connections,
                                     self.p.login_duration)
            result = self.wrk.result(process, self.p.login_duration)
            after = server.snapshot()
            record = self.record("login", f"{scheme}-login", server,
                                 self.p.login_connections, result, before, after)
            self.results["measurements"].append(record)

    def storms(self) -> None:
        keys = ["login"] + (["login-hw1"] if self.p.hash_workers_variant else [])
        for key in keys:
            server = self.servers[key]
            for scheme, probe_path, login_path, cred in (
                    ("jwt", "/jwt/me", "/jwt/login", f"{key}-token"),
                    ("session", "/session/me", "/session/login", "login-cookie")):
                probe = Mode(f"{scheme}-me", key, probe_path, "x", "")
                headers = self.creds[cred]
                self.measure("storm-base", probe, self.p.probe_connections,
                             self.p.storm_duration, server_key=key, headers=headers,
                             extra={"server_variant": key})
                storm = self.wrk_login(server, login_path, self.p.login_connections,
                                       self.p.storm_duration + 2)
                time.sleep(1)
                self.measure("storm", probe, self.p.probe_connections, self.p.storm_duration,
                             server_key=key, headers=headers, extra={"server_variant": key})
                result = self.wrk.result(storm, self.p.storm_duration + 2)
                self.results["measurements"].append({
                    "phase": "storm-logins", "mode": f"{scheme}-login", "server": key,
                    "connections": self.p.login_connections, "requests": result["requests"],
                    "rps": round(result["rps"], 1), "p99_us": result["p99_us"],
                    "non2xx": result["non2xx"], "socket_errors": result["socket_errors"]})

    def in_process(self) -> None:
        self.log("authlab bench " + " ".join(self.p.inprocess))
        run = subprocess.run([str(self.binary), "bench", "--json", *self.p.inprocess],
                             capture_output=True, text=True, timeout=900, check=True)
        self.results["in_process"] = json.loads(run.stdout)

    # ---- the whole run -----------------------------------------------------------------

    def run(self) -> dict:
        steps = [("seed", self.seed_all), ("servers", self.start_servers),
                 ("tokens", self.fetch_tokens), ("main", self.main_comparison),
                 ("sweep", self.concurrency_sweep), ("scaling", self.table_scaling),
                 ("logins", self.logins), ("storm", self.storms),
                 ("in-process", self.in_process)]
        durations = {}
        for name, step in steps:
            started = time.time()
            step()
            durations[name] = round(time.time() - started, 1)
        self.results["phase_s"] = durations
        self.results["memory_end"] = {key: s.memory() for key, s in self.servers.items()}
        return self.results

    def stop(self) -> None:
        for server in self.servers.values():
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                self.log(f"stopping {server.name}: {error}")
