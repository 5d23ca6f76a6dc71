"""Slow clients against fast ones: many connections trickle a request header one
byte at a time while a fast client keeps asking GET /healthz on fresh connections.

What keeps the fast client served (see docs/reliability.md): libmicrohttpd reads
every connection non-blockingly from an epoll thread pool, so a stalled header
costs a slot of the connection limit and a small memory pool, never a thread.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from dataclasses import dataclass, field

from authlab_server import Server

HEAD = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: "


@dataclass
class FastStats:
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        values = sorted(self.latencies_ms) or [0.0]
        return {
            "requests": len(self.latencies_ms) + len(self.failures),
            "failures": len(self.failures),
            "p50_ms": round(statistics.median(values), 2),
            "p99_ms": round(values[min(len(values) - 1, int(len(values) * 0.99))], 2),
            "max_ms": round(values[-1], 2),
        }


def fast_request(port: int, timeout: float = 5.0) -> float:
    """GET /healthz on a new connection; milliseconds until the whole answer arrived."""
    began = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    if not data.startswith(b"HTTP/1.1 200") or not data.endswith(b'{"status":"ok"}'):
        raise RuntimeError(f"unexpected answer {data[:60]!r}")
    return (time.perf_counter() - began) * 1000


def measure_fast(port: int, seconds: float, interval: float = 0.02) -> FastStats:
    stats = FastStats()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            stats.latencies_ms.append(fast_request(port))
        except (OSError, RuntimeError) as error:
            stats.failures.append(str(error))
        time.sleep(interval)
    return stats


def run(server: Server, clients: int = 200, seconds: float = 5.0,
        byte_interval: float = 0.5) -> dict[str, object]:
    """Opens `clients` trickling connections for `seconds`, measuring the fast client
    before and during the trickle; then completes every slow request and counts the
    ones that were still open and answered 200."""
    baseline = measure_fast(server.port, min(2.0, seconds))
    slow: list[socket.socket] = []
    for _ in range(clients):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        sock.sendall(HEAD)
        slow.append(sock)
    stop = threading.Event()
    sent = [0]

    def trickle() -> None:
        while not stop.wait(byte_interval):
            for sock in slow:
                try:
                    sock.sendall(b"a")
                    sent[0] += 1
                except OSError:
                    pass

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    fds_during = server.fd_count()
    during = measure_fast(server.port, seconds)
    fds_during = max(fds_during, server.fd_count())
    stop.set()
    trickler.join()
    answered = 0
    for sock in slow:
        try:
            sock.sendall(b"\r\nConnection: close\r\n\r\n")
            if sock.recv(64).startswith(b"HTTP/1.1 200"):
                answered += 1
        except OSError:
            pass
        finally:
            sock.close()
    return {
        "slow_clients": clients,
        "seconds": seconds,
        "trickled_bytes": sent[0],
        "server_fds_during": fds_during,
        "baseline": baseline.summary(),
        "during": during.summary(),
        "slow_answered_after": answered,
        "failures": during.failures[:5],
    }
