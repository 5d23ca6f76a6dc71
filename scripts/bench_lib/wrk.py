"""Runs wrk with a Lua script that rotates credentials and request bodies."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

# One script for every run. Each wrk thread walks the lines of BENCH_HEADERS ("Name: value")
# and BENCH_BODIES from its own offset, one line per request, so that every credential is
# used and no two threads send the same one at the same time. done() prints exact numbers
# as one JSON line (latencies in microseconds).
LUA = r"""
local path = os.getenv("BENCH_PATH") or "/"
local method = os.getenv("BENCH_METHOD") or "GET"
local content_type = os.getenv("BENCH_CONTENT_TYPE") or ""
local counter = 0

local function lines_of(name)
  local list = {}
  if name == nil or name == "" then return list end
  local file = io.open(name, "r")
  if file == nil then return list end
  for line in file:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  file:close()
  return list
end

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

local headers, bodies, h, b = {}, {}, 0, 0

function init(args)
  headers = lines_of(os.getenv("BENCH_HEADERS"))
  bodies = lines_of(os.getenv("BENCH_BODIES"))
  local offset = (thread_id or 0) * 7919
  if #headers > 0 then h = offset % #headers end
  if #bodies > 0 then b = offset % #bodies end
end

function request()
  local extra = {}
  if #headers > 0 then
    h = h % #headers + 1
    local line = headers[h]
    local colon = line:find(":", 1, true)
    extra[line:sub(1, colon - 1)] = line:sub(colon + 2)
  end
  local body = nil
  if #bodies > 0 then
    b = b % #bodies + 1
    body = bodies[b]
    if content_type ~= "" then extra["Content-Type"] = content_type end
  end
  return wrk.format(method, path, extra, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"non2xx":%d,"timeouts":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
"""


class Wrk:
    """A wrk launcher bound to a scratch directory (for its Lua script)."""

    def __init__(self, work: Path, threads: int):
        self.script = work / "bench.lua"
        self.script.write_text(LUA)
        self.threads = threads

    def command(self, port: int, conns: int, seconds: float, timeout: float) -> list[str]:
        return ["wrk", "-t", str(max(1, min(self.threads, conns))), "-c", str(conns),
                "-d", f"{seconds}s", "--timeout", f"{timeout}s", "--latency",
                "-s", str(self.script), f"http://127.0.0.1:{port}"]

    @staticmethod
    def environment(path: str, headers: Path | None, bodies: Path | None,
                    method: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(BENCH_PATH=path, BENCH_METHOD=method,
                   BENCH_HEADERS=str(headers) if headers else "",
                   BENCH_BODIES=str(bodies) if bodies else "",
                   BENCH_CONTENT_TYPE="application/json" if bodies else "")
        return env

    def start(self, port: int, path: str, conns: int, seconds: float,
              headers: Path | None = None, bodies: Path | None = None,
              method: str = "GET", timeout: float = 5) -> subprocess.Popen:
        """Starts wrk in the background; finish it with `result`."""
        return subprocess.Popen(
            self.command(port, conns, seconds, timeout),
            env=self.environment(path, headers, bodies, method),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @staticmethod
    def result(process: subprocess.Popen, seconds: float) -> dict:
        try:
            out, err = process.communicate(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        for line in out.splitlines():
            if line.startswith("BENCH_JSON "):
                parsed = json.loads(line[len("BENCH_JSON "):])
                parsed["rps"] = parsed["requests"] / max(parsed["duration_us"], 1) * 1e6
                parsed["socket_errors"] = (parsed["connect_errors"] + parsed["read_errors"]
                                           + parsed["write_errors"] + parsed["timeouts"])
                return parsed
        raise RuntimeError(f"wrk printed no result (exit {process.returncode}): "
                           f"{err.strip()[-300:]}")

    def run(self, port: int, path: str, conns: int, seconds: float, **kwargs) -> dict:
        return self.result(self.start(port, path, conns, seconds, **kwargs), seconds)
