"""What /proc says about a process tree: CPU time, memory; and /metrics counters."""

from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of every listed process (all its threads), in seconds."""
    total = 0
    for pid in pids:
        try:
            data = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        # Fields after the command name, which is in parentheses and may hold spaces:
        # state(3) ... utime(14) stime(15), so utime is index 11 of the rest.
        rest = data[data.rfind(")") + 2:].split()
        total += int(rest[11]) + int(rest[12])
    return total / CLK_TCK


def memory_kib(pids: list[int]) -> dict[str, int]:
    """VmRSS and VmHWM summed over the processes, in KiB."""
    found = {"VmRSS": 0, "VmHWM": 0}
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.partition(":")
            if key in found:
                found[key] += int(value.split()[0])
    return {"rss_kib": found["VmRSS"], "hwm_kib": found["VmHWM"]}


def children(pid: int) -> list[int]:
    """Direct children of `pid` (nginx workers of their master)."""
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


_SAMPLE = re.compile(r"^([a-z_]+)\{([^}]*)\} ([0-9.e+]+)$")


def metrics(port: int) -> dict[str, float]:
    """Requests answered (excluding /metrics itself) and DB queries, from /metrics."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    requests = queries = 0.0
    for line in text.splitlines():
        match = _SAMPLE.match(line)
        if not match:
            continue
        name, labels, value = match.groups()
        if name == "http_requests_total" and 'route="/metrics"' not in labels:
            requests += float(value)
        elif name == "authlab_db_queries_total":
            queries += float(value)
    return {"requests": requests, "db_queries": queries}
