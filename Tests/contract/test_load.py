"""A short mixed load on loopback: logins and registrations while others hammer
/jwt/me and /session/me. Zero 5xx, every request answered, no user lost."""

import collections
import threading
import time

from helpers import new_password, new_username

DURATION = 3.0  # seconds of load (the whole test stays well under 10 s)


def test_mixed_load(start_server):
    srv = start_server("--throttle-client", "1000000", "--no-access-log")
    seed = [srv.register() for _ in range(4)]
    tokens = [srv.jwt_login(a)["access_token"] for a in seed]
    sids = [srv.session_login(a).sid for a in seed]

    lock = threading.Lock()
    statuses: collections.Counter = collections.Counter()
    errors: list[str] = []
    registered = [(a.username, a.password) for a in seed]
    deadline = time.monotonic() + DURATION
    go = threading.Barrier(6)

    def record(route, r, expected):
        with lock:
            statuses[(route, r.status_code)] += 1
        if r.status_code not in expected:
            raise AssertionError(f"{route} -> {r.status_code}: {r.text[:200]}")

    def guarded(work):
        def run(i):
            go.wait()
            try:
                work(i)
            except Exception as error:  # noqa: BLE001 - reported below, the test fails
                with lock:
                    errors.append(f"{work.__name__}[{i}]: {error!r}")
        return run

    def reader(i):
        client = srv.client()
        n = 0
        while time.monotonic() < deadline:
            if n % 2:
                r = client.get(srv.url("/jwt/me"),
                               headers={"Authorization": f"Bearer {tokens[n % len(tokens)]}"},
                               timeout=10)
                record("/jwt/me", r, {200})
            else:
                r = client.get(srv.url("/session/me"),
                               headers={"Cookie": f"sid={sids[n % len(sids)]}"}, timeout=10)
                record("/session/me", r, {200})
            n += 1

    def writer(i):
        client = srv.client()
        while time.monotonic() < deadline:
            username, password = new_username("load"), new_password()
            r = client.post(srv.url("/users"), json={"username": username, "password": password},
                            timeout=10)
            record("/users", r, {201})
            with lock:
                registered.append((username, password))
            creds = {"username": username, "password": password}
            record("/session/login", client.post(srv.url("/session/login"), json=creds,
                                                 timeout=10), {200})
            r = client.post(srv.url("/jwt/login"), json=creds, timeout=10)
            record("/jwt/login", r, {200})
            record("/jwt/refresh", client.post(srv.url("/jwt/refresh"), json={
                "refresh_token": r.json()["refresh_token"]}, timeout=10), {200})

    threads = [threading.Thread(target=guarded(reader), args=(i,)) for i in range(4)]
    threads += [threading.Thread(target=guarded(writer), args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=DURATION + 30)
    assert not any(t.is_alive() for t in threads), "a client thread hung: a request went unanswered"
    assert not errors, errors[:10]
    server_errors = {k: v for k, v in statuses.items() if k[1] >= 500}
    assert not server_errors, server_errors
    reads = sum(v for (route, _), v in statuses.items() if route.endswith("/me"))
    writes = statuses[("/users", 201)]
    assert reads >= 100, statuses
    assert writes >= 5, statuses

    # Every registered user is there: the name is taken, and the password still works.
    check = srv.client()
    for username, _ in registered:
        r = check.post(srv.url("/users"), json={"username": username, "password": "x" * 12},
                       timeout=10)
        assert r.status_code == 409, (username, r.status_code)
    for username, password in registered[::max(1, len(registered) // 10)]:
        r = check.post(srv.url("/jwt/login"), json={"username": username, "password": password},
                       timeout=10)
        assert r.status_code == 200
