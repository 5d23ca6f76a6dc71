"""The soak and slow-client tests behind scripts/soak (run that; it sets ulimit -n).

Loopback only, bounded in time. Exits 1 when a check fails, printing why.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import slow_clients  # noqa: E402
from authlab_server import (FAST_ARGON2, Server, jwt_login, register,  # noqa: E402
                            session_login)

HERE = Path(__file__).resolve().parent
PASSWORD = "soak-password-1"
# ServerConfiguration.connectionLimit and .connectionTimeout (authlab serve passes the
# defaults). Connections beyond the limit wait unanswered in the listen backlog, so
# wrk may then report timeouts or nothing; only <= the limit is checked strictly.
CONNECTION_LIMIT = 1024
CONNECTION_TIMEOUT = 30


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/soak",
        description="wrk soak of the authenticated routes and logins, then slow clients.")
    parser.add_argument("--duration", type=float, default=60, help="seconds of wrk (60)")
    parser.add_argument("--connections", type=int, default=1000, help="wrk connections (1000)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--warmup", type=float, default=None,
                        help="seconds before the 'after warm-up' sample (duration/5, 2 to 10)")
    parser.add_argument("--rss-growth", type=float, default=20.0,
                        help="allowed RSS growth after warm-up, percent (20)")
    parser.add_argument("--fd-margin", type=int, default=16,
                        help="allowed growth of open fds after warm-up (16)")
    parser.add_argument("--slow-clients", type=int, default=200,
                        help="trickling connections of the slow-client test (200; 0 skips it)")
    parser.add_argument("--slow-duration", type=float, default=10,
                        help="seconds of the slow-client test (10)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return parser.parse_args()


def seed(server: Server, work: Path) -> Path:
    """Users with one session and one access token each, plus login-only users
    (whose sessions pile up without being listed); written as a Lua table."""
    cookies, tokens, logins = [], [], []
    for i in range(16):
        name = f"soak{i:02d}"
        register(server, name, PASSWORD)
        cookies.append(session_login(server, name, PASSWORD))
        tokens.append(str(jwt_login(server, name, PASSWORD)["access_token"]))
    for i in range(8):
        name = f"login{i:02d}"
        register(server, name, PASSWORD)
        logins.append(name)

    def lua_list(values: list[str]) -> str:
        return "{" + ",".join(json.dumps(v) for v in values) + "}"

    path = work / "soak-data.lua"
    path.write_text(
        f"return {{ cookies = {lua_list(cookies)}, tokens = {lua_list(tokens)},\n"
        f"  logins = {lua_list(logins)}, password = {json.dumps(PASSWORD)} }}\n")
    return path


class Sampler(threading.Thread):
    """Samples the server's RSS (KiB) and open fds every 0.25 s while wrk runs."""

    def __init__(self, server: Server):
        super().__init__(daemon=True)
        self.server = server
        self.began = time.monotonic()
        self.samples: list[tuple[float, int, int]] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            try:
                self.samples.append((time.monotonic() - self.began, self.server.rss_kib(),
                                     self.server.fd_count()))
            except (OSError, ValueError):
                pass
            self.halt.wait(0.25)

    def at(self, seconds: float) -> tuple[float, int, int]:
        """The first sample at or after `seconds`."""
        later = [s for s in self.samples if s[0] >= seconds]
        return later[0] if later else self.samples[-1]

    def last_before(self, seconds: float) -> tuple[float, int, int]:
        earlier = [s for s in self.samples if s[0] <= seconds]
        return earlier[-1] if earlier else self.samples[0]


def parse_wrk(text: str) -> dict[str, object]:
    result: dict[str, object] = {}
    match = re.search(r"(\d+) requests in ([\d.]+)([a-z]+)", text)
    if match:
        result["requests"] = int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    result["socket_errors"] = dict(zip(
        ["connect", "read", "write", "timeout"],
        [int(g) for g in match.groups()] if match else [0, 0, 0, 0]))
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    result["requests_per_second"] = float(match.group(1)) if match else 0.0
    match = re.search(r"SOAK-STATUS (\{.*\})", text)
    result["counts"] = json.loads(match.group(1)) if match else {}
    match = re.search(r"SOAK-LATENCY (\{.*\})", text)
    result["latency"] = json.loads(match.group(1)) if match else {}
    return result


def fmt(sample: tuple[float, int, int]) -> str:
    return f"t={sample[0]:5.1f}s rss={sample[1] / 1024:7.1f} MiB fds={sample[2]}"


def soak(args: argparse.Namespace, server: Server, data: Path, failures: list[str]) -> None:
    warmup = args.warmup if args.warmup is not None else min(10.0, max(2.0, args.duration / 5))
    start = (0.0, server.rss_kib(), server.fd_count())
    print(f"soak: {args.connections} connections, {args.threads} wrk threads, "
          f"{args.duration:g} s (warm-up {warmup:g} s), server pid {server.pid}")
    print(f"soak: start          {fmt(start)}")
    sampler = Sampler(server)
    sampler.start()
    wrk = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration:g}s",
         "--timeout", "10s", "-s", str(HERE / "mix.lua"), server.base, "--", str(data)],
        capture_output=True, text=True, check=False)
    wrk_seconds = time.monotonic() - sampler.began
    sampler.halt.set()
    sampler.join()
    if wrk.returncode != 0:
        failures.append(f"wrk exited with {wrk.returncode}: {wrk.stderr.strip()}")
    # "After warm-up" is also after wrk's connections are all open: on a busy machine
    # the last ones can still be connecting when the warm-up time is up.
    expected = start[2] + min(args.connections, CONNECTION_LIMIT)
    ramped = [s for s in sampler.samples if s[0] >= warmup and s[2] >= expected]
    after_warmup = ramped[0] if ramped else sampler.at(warmup)
    end = sampler.last_before(max(warmup, wrk_seconds - 0.5))
    peak_rss = max(s[1] for s in sampler.samples)
    peak_fds = max(s[2] for s in sampler.samples)
    print(f"soak: after warm-up  {fmt(after_warmup)}")
    print(f"soak: end of load    {fmt(end)}")
    print(f"soak: peak           rss={peak_rss / 1024:7.1f} MiB fds={peak_fds}")
    result = parse_wrk(wrk.stdout)
    counts: dict[str, int] = result["counts"]  # type: ignore[assignment]
    statuses = {k.split()[1]: v for k, v in counts.items() if k.startswith("status ")}
    sent = {k.split()[1]: v for k, v in counts.items() if k.startswith("sent ")}
    errors: dict[str, int] = result["socket_errors"]  # type: ignore[assignment]
    print(f"soak: requests {result.get('requests', 0)} "
          f"({result['requests_per_second']:.0f}/s), by route sent {json.dumps(sent)}")
    print(f"soak: statuses {json.dumps(statuses)}")
    print(f"soak: socket errors {json.dumps(errors)}")
    print(f"soak: latency {json.dumps(result['latency'])}")

    if not result.get("requests"):
        failures.append("wrk reported no requests:\n" + wrk.stdout + wrk.stderr)
    server_errors = sum(v for k, v in statuses.items() if k.startswith("5"))
    if server_errors:
        failures.append(f"{server_errors} responses were 5xx")
    others = {k: v for k, v in statuses.items() if k != "200"}
    if others:
        failures.append(f"responses other than 200 (every request is authenticated): {others}")
    refused_allowed = args.connections > CONNECTION_LIMIT
    if sum(errors.values()) and not refused_allowed:
        failures.append(f"socket errors with {args.connections} <= connection limit "
                        f"{CONNECTION_LIMIT}: {errors}")
    if refused_allowed and sum(errors.values()):
        print(f"soak: note: {args.connections} connections exceed the limit "
              f"{CONNECTION_LIMIT}; the errors above are the excess waiting unanswered")
    rss_growth = (end[1] - after_warmup[1]) * 100.0 / max(1, after_warmup[1])
    fd_growth = end[2] - after_warmup[2]
    print(f"soak: after warm-up -> end: rss {rss_growth:+.1f}% (limit {args.rss_growth:g}%), "
          f"fds {fd_growth:+d} (limit +{args.fd_margin})")
    if rss_growth > args.rss_growth:
        failures.append(f"RSS grew {rss_growth:.1f}% after warm-up")
    if fd_growth > args.fd_margin:
        failures.append(f"open fds grew by {fd_growth} after warm-up")

    # Idle again: the fds must come back to the start (+ margin). Connections that a
    # client drops mid-request can stay open until the connection timeout, so wait
    # that long before calling it a leak.
    began = time.monotonic()
    drained = server.fd_count()
    while drained > start[2] + args.fd_margin and time.monotonic() - began < CONNECTION_TIMEOUT + 10:
        time.sleep(0.5)
        drained = server.fd_count()
    idle = (time.monotonic() - sampler.began, server.rss_kib(), drained)
    print(f"soak: idle after     {fmt(idle)} (fds back within "
          f"{time.monotonic() - began:.1f} s of the end of load)")
    if drained > start[2] + args.fd_margin:
        failures.append(f"open fds stayed at {drained} (start {start[2]}) after the load")
    status, _, _ = server.request("GET", "/healthz")
    if status != 200:
        failures.append(f"/healthz answered {status} after the soak")


def slow(args: argparse.Namespace, server: Server, failures: list[str]) -> None:
    print(f"slow-clients: {args.slow_clients} connections trickling a header "
          f"1 byte / 0.5 s for {args.slow_duration:g} s; fast GET /healthz every 20 ms")
    result = slow_clients.run(server, args.slow_clients, args.slow_duration)
    print(f"slow-clients: fast client before  {json.dumps(result['baseline'])}")
    print(f"slow-clients: fast client during  {json.dumps(result['during'])}")
    print(f"slow-clients: server fds during {result['server_fds_during']}, "
          f"bytes trickled {result['trickled_bytes']}, slow requests answered 200 after "
          f"completing: {result['slow_answered_after']}/{args.slow_clients}")
    during: dict[str, float] = result["during"]  # type: ignore[assignment]
    if during["failures"]:
        failures.append(f"fast requests failed during the trickle: {result['failures']}")
    if during["requests"] < 10:
        failures.append("too few fast requests were made during the trickle")
    if during["p99_ms"] > 500:
        failures.append(f"fast p99 {during['p99_ms']} ms during the trickle (limit 500 ms)")
    if result["slow_answered_after"] != args.slow_clients:
        failures.append("not every slow connection was kept open and answered")


def main() -> int:
    args = parse_args()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="authlab-soak-") as tmp:
        work = Path(tmp)
        server = Server(work / "soak.sqlite",
                        [*FAST_ARGON2, "--hash-queue", str(max(64, args.connections * 2))])
        server.start()
        try:
            data = seed(server, work)
            soak(args, server, data, failures)
            if args.slow_clients > 0:
                slow(args, server, failures)
            if server.proc and server.proc.poll() is not None:
                failures.append(f"the server exited with {server.proc.returncode}")
        finally:
            code = server.stop()
            print(f"soak: server stopped by SIGTERM, exit {code}")
            if code != 0:
                failures.append(f"the server's graceful stop exited {code}")
            if failures:
                print("server log (tail):\n" + server.log_tail(), file=sys.stderr)
            if args.keep:
                kept = Path(tempfile.mkdtemp(prefix="authlab-soak-kept-"))
                for item in work.iterdir():
                    item.rename(kept / item.name)
                print(f"soak: kept {kept}")
    for failure in failures:
        print(f"soak: FAIL {failure}")
    print(f"soak: {'FAILED' if failures else 'passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
