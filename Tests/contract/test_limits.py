"""API.md limits: 413 body, 431 header block, 429 login throttle, 503 hash overload,
and malformed HTTP; Server-Timing on all of them."""

import threading
import time

import pytest

from helpers import check_error_body, check_server_timing, error_of, raw_http

LIMIT = 64 * 1024


def json_body_of_size(size: int) -> bytes:
    head, tail = b'{"username":"abcdef","password":"', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def raw_post(port: int, path: str, body: bytes, extra: str = "") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Connection: close\r\n{extra}\r\n").encode() + body


def raw_get(port: int, path: str, extra: str = "") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n{extra}\r\n".encode()


def check_raw(response, status: int, what: str):
    assert response.status == status, (what, response.status, response.body[:200])
    check_server_timing(response.header("Server-Timing"), what)
    check_error_body(response.status, response.header("Content-Type") or "", response.body, what)


# -- 413 ---------------------------------------------------------------------------------------

def test_body_at_the_limit_is_read(server):
    body = json_body_of_size(LIMIT)
    assert len(body) == LIMIT
    r = server.post("/users", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400, r.status_code  # read and parsed: the password is too long
    assert error_of(r) == "invalid_request"


@pytest.mark.parametrize("path", ["/users", "/session/login", "/jwt/login", "/jwt/inspect",
                                  "/nope"])
def test_body_over_the_limit_is_413(server, path):
    body = json_body_of_size(LIMIT + 1)
    check_raw(raw_http(server.port, raw_post(server.port, path, body)), 413, f"POST {path}")


def test_declared_huge_body_is_413_at_once(server):
    request = ("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 1073741824\r\nConnection: close\r\n\r\n").encode() + b"{"
    start = time.monotonic()
    check_raw(raw_http(server.port, request, timeout=10), 413, "declared 1 GiB")
    assert time.monotonic() - start < 5


def test_chunked_body_over_the_limit_is_413(server):
    head = ("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()
    chunks = [head]
    for _ in range(20):
        chunks.append(b"1000\r\n" + b"x" * 0x1000 + b"\r\n")  # 20 x 4 KiB = 80 KiB
    chunks.append(b"0\r\n\r\n")
    check_raw(raw_http(server.port, chunks), 413, "chunked 80 KiB")


def test_server_still_serves_after_413(server):
    raw_http(server.port, raw_post(server.port, "/users", json_body_of_size(LIMIT * 2)))
    assert server.get("/healthz").status_code == 200


# -- 431 ------------------------------------------------------------------------------------------

def test_large_header_under_the_limit_is_fine(server):
    r = server.get("/healthz", headers={"X-Padding": "a" * 12000})
    assert r.status_code == 200


@pytest.mark.parametrize("extra", [
    "X-Big: " + "a" * 17000 + "\r\n",
    "".join(f"X-H{i}: {'b' * 500}\r\n" for i in range(40)),
], ids=["one 17 KB header", "40 headers of 500 B"])
def test_header_block_over_the_limit_is_431(server, extra):
    check_raw(raw_http(server.port, raw_get(server.port, "/healthz", extra)), 431,
              f"header block of {len(extra)} bytes")
    assert server.get("/healthz").status_code == 200


@pytest.mark.parametrize("extra", [
    "Cookie: sid=" + "c" * 17000 + "\r\n",
    "X-Huge: " + "d" * 40000 + "\r\n",
    "".join(f"X-H{i}: {'e' * 200}\r\n" for i in range(300)),
], ids=["17 KB cookie", "40 KB header", "300 headers of 200 B"])
def test_header_block_past_libmicrohttpd_memory_is_still_431(server, extra):
    """Past the per-connection memory pool (32 KiB, which also holds libmicrohttpd's
    parsed copy of the cookies and its header table) libmicrohttpd answers 431 itself,
    before our code sees the request: the status is right, the body is its own HTML and
    carries no Server-Timing (documented in docs/api.md). The server stays healthy."""
    response = raw_http(server.port, raw_get(server.port, "/healthz", extra))
    assert response.status == 431, (response.status, response.body[:200])
    assert server.get("/healthz").status_code == 200


# -- malformed HTTP ---------------------------------------------------------------------------------

def test_garbage_is_refused_and_the_server_survives(server):
    """Not HTTP at all: a 4xx or a closed connection, never a 2xx or 5xx."""
    for garbage in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/1.1 extra\r\n\r\n"):
        response = raw_http(server.port, garbage, timeout=5, allow_silence=True)
        assert response is None or 400 <= response.status < 500, (garbage, response)
    assert server.get("/healthz").status_code == 200


@pytest.mark.parametrize("request_bytes", [
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
    b"POST /users HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    b"POST /users HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
])
def test_malformed_requests_are_4xx(server, request_bytes):
    response = raw_http(server.port, request_bytes)
    assert 400 <= response.status < 500, (request_bytes, response.status)
    assert server.get("/healthz").status_code == 200


def test_truncated_body_does_not_hurt(server):
    import socket

    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    sock.sendall(b"POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100\r\n\r\n{\"user")
    sock.close()
    assert server.get("/healthz").status_code == 200


# -- 429: login throttle -------------------------------------------------------------------------------

def check_429(r, window: int):
    assert r.status_code == 429, (r.status_code, r.text)
    assert error_of(r) == "rate_limited"
    retry = r.headers.get("Retry-After")
    assert retry is not None and retry.isdigit(), retry
    assert 1 <= int(retry) <= window, retry
    return int(retry)


def test_username_throttle(start_server):
    srv = start_server("--throttle-username", "3", "--throttle-window", "60",
                       "--throttle-client", "1000")
    victim, other = srv.register(), srv.register()
    for route in ("/session/login", "/jwt/login", "/session/login"):
        r = srv.post(route, {"username": victim.username, "password": "wrong-password"})
        assert r.status_code == 401
    for route in ("/session/login", "/jwt/login"):
        check_429(srv.post(route, {"username": victim.username, "password": "wrong-password"}), 60)
        # Refused even with the right password while the window lasts.
        check_429(srv.post(route, {"username": victim.username, "password": victim.password}), 60)
    # Someone else's account is not locked by it.
    assert srv.post("/jwt/login", {"username": other.username,
                                   "password": other.password}).status_code == 200


def test_client_throttle(start_server):
    srv = start_server("--throttle-client", "4", "--throttle-username", "100",
                       "--throttle-window", "60")
    account = srv.register()
    for i in range(4):
        r = srv.post("/jwt/login", {"username": f"nobody{i}", "password": "wrong-password"})
        assert r.status_code == 401
    check_429(srv.post("/jwt/login", {"username": "nobody9", "password": "wrong-password"}), 60)
    check_429(srv.post("/session/login", {"username": account.username,
                                          "password": account.password}), 60)


def test_throttle_window_ends(start_server):
    srv = start_server("--throttle-username", "2", "--throttle-window", "2",
                       "--throttle-client", "1000")
    account = srv.register()
    for _ in range(2):
        srv.post("/jwt/login", {"username": account.username, "password": "wrong-password"})
    retry = check_429(srv.post("/jwt/login", {"username": account.username,
                                              "password": account.password}), 2)
    time.sleep(retry + 0.3)
    r = srv.post("/jwt/login", {"username": account.username, "password": account.password})
    assert r.status_code == 200, r.text


# -- 503: hash overload ---------------------------------------------------------------------------------

def test_hash_queue_overload_is_503_and_others_keep_being_served(start_server):
    srv = start_server("--hash-workers", "1", "--hash-queue", "1", "--argon2-memory", "65536",
                       "--argon2-iterations", "2", "--throttle-client", "1000",
                       fast_argon2=False)
    account = srv.register()
    token = srv.jwt_login(account)["access_token"]
    burst = 10
    barrier = threading.Barrier(burst + 1)
    results, errors, health = [], [], []

    def login(i):
        client = srv.client()
        route = "/jwt/login" if i % 2 else "/session/login"
        barrier.wait()
        try:
            results.append(client.post(srv.url(route), json={"username": account.username,
                                                             "password": account.password},
                                       timeout=60))
        except Exception as error:  # noqa: BLE001 - every request must be answered
            errors.append(repr(error))

    threads = [threading.Thread(target=login, args=(i,)) for i in range(burst)]
    for t in threads:
        t.start()
    barrier.wait()
    probe = srv.client()
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        start = time.monotonic()
        r = probe.get(srv.url("/jwt/me"), headers={"Authorization": f"Bearer {token}"}, timeout=10)
        health.append((r.status_code, time.monotonic() - start))
        time.sleep(0.05)
    for t in threads:
        t.join()

    assert not errors, errors
    statuses = sorted(r.status_code for r in results)
    assert len(statuses) == burst
    assert 503 in statuses, f"no 503 with one hash worker and a queue of one: {statuses}"
    assert all(s in (200, 503) for s in statuses), statuses
    for r in results:
        if r.status_code == 503:
            assert error_of(r) == "overloaded"
            retry = r.headers.get("Retry-After")
            assert retry is not None and retry.isdigit() and int(retry) >= 1, retry
    assert all(status == 200 for status, _ in health), health
    slowest = max(seconds for _, seconds in health)
    assert slowest < 0.5, f"/jwt/me waited {slowest:.3f}s behind password hashes"
