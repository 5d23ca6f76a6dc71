"""API.md POST /users and "Passwords and login"."""

import statistics
import threading
import time

import pytest

from helpers import error_of, new_password, new_username, timing_durations


def test_register_answers_201_id_and_username(server):
    username, password = new_username(), new_password()
    r = server.post("/users", {"username": username, "password": password})
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) == {"id", "username"}
    assert isinstance(body["id"], int) and not isinstance(body["id"], bool)
    assert body["username"] == username
    assert r.headers.get("Access-Control-Allow-Origin") == "*"


def test_register_ids_are_distinct(server):
    assert server.register().id != server.register().id


def test_register_taken_is_409(server, account):
    r = server.post("/users", {"username": account.username, "password": new_password()})
    assert r.status_code == 409
    assert error_of(r) == "username_taken"


def test_register_username_edges_accepted(server):
    import secrets

    tail = secrets.token_hex(3)
    for username in (secrets.token_hex(2)[:3], secrets.token_hex(16), f"a_b.c-{tail}",
                     f"---{tail}", f"0{tail}", f"..{tail}"):
        r = server.post("/users", {"username": username, "password": new_password()})
        assert r.status_code == 201, (username, r.status_code, r.text)
        assert r.json()["username"] == username


@pytest.mark.parametrize("username", [
    "ab", "a" * 33, "Alice", "ali ce", "ali@ce", "alicé", "al/ice", "", "al\u0000ice", "al\nice",
    "ＡＢＣ", "abc\u200b",
])
def test_register_bad_username_is_400(server, username):
    r = server.post("/users", {"username": username, "password": new_password()})
    assert r.status_code == 400, (username, r.status_code, r.text)
    assert error_of(r) == "invalid_request"


@pytest.mark.parametrize("password,ok", [
    ("1234567", False),
    ("12345678", True),
    ("x" * 1024, True),
    ("x" * 1025, False),
    ("ééé" + "a", False),     # 4 characters, 7 bytes
    ("éééé", True),           # 4 characters, 8 bytes
    ("é" * 512, True),        # 1024 bytes
    ("é" * 512 + "a", False),  # 1025 bytes
])
def test_register_password_length_counts_bytes(server, password, ok):
    r = server.post("/users", {"username": new_username(), "password": password})
    if ok:
        assert r.status_code == 201, (len(password.encode()), r.text)
    else:
        assert r.status_code == 400, (len(password.encode()), r.status_code, r.text)
        assert error_of(r) == "invalid_request"


@pytest.mark.parametrize("body", [
    b"", b"{", b"[]", b'"x"', b"null", b"{}",
    b'{"username": "abcdef"}',
    b'{"password": "abcdefgh1"}',
    b'{"username": 5, "password": "abcdefgh1"}',
    b'{"username": "abcdef", "password": ["abcdefgh1"]}',
    b'{"username": "abcdef", "password": null}',
    b'{"username": "abcdef", "username": "ghijkl", "password": "abcdefgh1"}',
    b'{"username": "abcdef", "password": "abcdefgh1"} trailing',
    b'{"username": "abc\xff", "password": "abcdefgh1"}',
    b'{"username": "abcdef", "password": "abc\\ud800defgh"}',
    b"[" * 100 + b"]" * 100,
])
def test_register_malformed_body_is_400(server, body):
    r = server.post("/users", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400, (body, r.status_code, r.text)
    assert error_of(r) == "invalid_request"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_register_needs_json_content_type(server, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    body = b'{"username": "%s", "password": "abcdefgh1"}' % new_username().encode()
    r = server.post("/users", data=body, headers=headers)
    assert r.status_code == 400, (content_type, r.status_code, r.text)
    assert error_of(r) == "invalid_request"


def test_register_accepts_json_with_charset(server):
    body = b'{"username": "%s", "password": "abcdefgh1"}' % new_username().encode()
    r = server.post("/users", data=body, headers={"Content-Type": "application/json; charset=utf-8"})
    assert r.status_code == 201, r.text


def test_concurrent_registrations_of_one_name(server):
    username = new_username()
    results = []
    barrier = threading.Barrier(6)

    def register():
        client = server.client()
        barrier.wait()
        r = client.post(server.url("/users"), json={"username": username, "password": new_password()},
                        timeout=30)
        results.append(r.status_code)

    threads = [threading.Thread(target=register) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [201] + [409] * 5, results


# -- login: the same answer for an unknown user and a wrong password ---------------------

@pytest.mark.parametrize("route", ["/session/login", "/jwt/login"])
def test_unknown_user_and_wrong_password_answer_the_same(server, account, route):
    wrong = server.post(route, {"username": account.username, "password": "wrong-password"})
    unknown = server.post(route, {"username": new_username(), "password": "wrong-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert error_of(wrong) == "invalid_credentials"
    assert "Set-Cookie" not in wrong.headers and "Set-Cookie" not in unknown.headers
    # Both ran a password hash (the unknown user against a dummy hash).
    assert "hash" in timing_durations(unknown.headers["Server-Timing"]), \
        unknown.headers["Server-Timing"]
    assert "hash" in timing_durations(wrong.headers["Server-Timing"])


@pytest.mark.parametrize("route", ["/session/login", "/jwt/login"])
def test_login_with_malformed_username_is_401_not_400(server, route):
    """Login does not reveal the registration rules: a bad name is just bad credentials."""
    r = server.post(route, {"username": "NOT VALID", "password": "whatever123"})
    assert r.status_code == 401
    assert error_of(r) == "invalid_credentials"


@pytest.mark.parametrize("route", ["/session/login", "/jwt/login"])
def test_login_malformed_body_is_400(server, route):
    for body in (b"", b"{}", b'{"username": "abc"}', b"[1]", b'{"username": 1, "password": 2}'):
        r = server.post(route, data=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 400, (body, r.status_code)
        assert error_of(r) == "invalid_request"


def test_unknown_user_and_wrong_password_take_about_the_same_time(start_server):
    srv = start_server("--argon2-memory", "8192", "--argon2-iterations", "2",
                       "--throttle-username", "1000", "--throttle-client", "1000",
                       fast_argon2=False)
    account = srv.register()

    def timed(username):
        start = time.perf_counter()
        r = srv.post("/jwt/login", {"username": username, "password": "wrong-password"})
        assert r.status_code == 401
        return time.perf_counter() - start

    wrong, unknown = [], []
    for _ in range(7):
        wrong.append(timed(account.username))
        unknown.append(timed(new_username()))
    ratio = statistics.median(unknown) / statistics.median(wrong)
    assert 0.5 < ratio < 2.0, (wrong, unknown)


def test_password_hash_defaults_are_owasp(start_server):
    """Without Argon2 flags the stored PHC string says m=19456,t=2,p=1."""
    import sqlite3

    srv = start_server(fast_argon2=False)
    account = srv.register()
    con = sqlite3.connect(f"file:{srv.db}?mode=ro", uri=True)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert "$argon2id$v=19$m=19456,t=2,p=1$" in dump
    assert account.password not in dump
