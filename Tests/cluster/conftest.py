"""A real local cluster (scripts/cluster): N authlab instances behind nginx, with Redis."""

import json
import os
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def free_block(size):
    """A base port whose next `size` ports (and base + 50 for Redis) are free now."""
    for base in range(21000 + os.getpid() % 5000, 65000 - size, 97):
        ports = list(range(base, base + size + 1)) + [base + 50]
        try:
            sockets = []
            for port in ports:
                s = socket.socket()
                s.bind(("127.0.0.1", port))
                sockets.append(s)
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
        return base
    raise RuntimeError("no free port block")


class Cluster:
    def __init__(self, state, sessions, n=3, serve_args=()):
        self.state, self.sessions, self.n = state, sessions, n
        self.port = free_block(n)
        self.env = dict(os.environ, AUTHLAB_CLUSTER_DIR=str(state))
        args = [str(n), "--sessions", sessions, "--port", str(self.port)]
        args += ["--", "--argon2-memory", "64", "--argon2-iterations", "1", *serve_args]
        try:
            self.run("start", *args)
        except BaseException:
            subprocess.run([str(ROOT / "scripts" / "cluster"), "stop"], env=self.env,
                           capture_output=True, timeout=60)
            raise

    def run(self, *args):
        result = subprocess.run(
            [str(ROOT / "scripts" / "cluster"), *args], env=self.env,
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    @property
    def lb(self):
        return f"http://127.0.0.1:{self.port}"

    def instance(self, i):
        return f"http://127.0.0.1:{self.port + i}"

    def instances(self):
        return [self.instance(i) for i in range(1, self.n + 1)]

    def stop(self):
        self.run("stop")


def request(method, url, body=None, headers=None):
    """(status, headers, json-or-None) without raising on 4xx/5xx."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            status, hdrs, raw = resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        status, hdrs, raw = err.code, err.headers, err.read()
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = None
    return status, hdrs, payload


def register(base, username):
    return request("POST", f"{base}/users", {"username": username, "password": PASSWORD})


def session_login(base, username):
    status, hdrs, body = request(
        "POST", f"{base}/session/login", {"username": username, "password": PASSWORD})
    assert status == 200, body
    cookie = hdrs["Set-Cookie"].split(";")[0]
    return cookie, body["csrf_token"], hdrs.get("X-Authlab-Instance")


def jwt_login(base, username):
    status, _, body = request(
        "POST", f"{base}/jwt/login", {"username": username, "password": PASSWORD})
    assert status == 200, body
    return body["access_token"], body["refresh_token"]


@pytest.fixture(scope="module")
def redis_cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("redis-cluster"), "redis")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def sqlite_cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("sqlite-cluster"), "sqlite")
    yield cluster
    cluster.stop()
