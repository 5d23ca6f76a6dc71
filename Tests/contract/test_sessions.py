"""API.md "Server-side sessions (state in SQLite)"."""

import re
import time

import pytest

from helpers import b64u_decode, error_of, set_cookies

B64URL = re.compile(r"[A-Za-z0-9_-]+")


def logout(server, login, csrf=None, query="", cookie=None):
    headers = {"Cookie": cookie if cookie is not None else f"sid={login.sid}"}
    if csrf is not None:
        headers["X-CSRF-Token"] = csrf
    return server.post("/session/logout" + query, headers=headers)


# -- login ------------------------------------------------------------------------------

def test_login_body_and_cookie(server, account):
    before = int(time.time())
    login = server.session_login(account)
    after = int(time.time())
    body = login.body
    assert set(body) == {"user", "session", "csrf_token"}
    assert body["user"] == {"id": account.id, "username": account.username}
    assert set(body["session"]) == {"created_at", "expires_at"}
    created, expires = body["session"]["created_at"], body["session"]["expires_at"]
    assert isinstance(created, int) and isinstance(expires, int)
    assert before - 1 <= created <= after + 1
    assert expires - created == 86400, "default --session-ttl is not 24 h"
    assert isinstance(body["csrf_token"], str) and len(body["csrf_token"]) >= 16

    (cookie,) = [c for c in set_cookies(login.response) if c.name == "sid"]
    assert B64URL.fullmatch(cookie.value), cookie.raw
    assert len(b64u_decode(cookie.value)) >= 16, "session id below 128 bits"
    assert cookie.attrs.get("path") == "/", cookie.raw
    assert cookie.attrs.get("httponly") is True, cookie.raw
    assert str(cookie.attrs.get("samesite", "")).lower() == "lax", cookie.raw
    assert cookie.attrs.get("max-age") == "86400", cookie.raw
    assert "secure" not in cookie.attrs, cookie.raw
    assert "domain" not in cookie.attrs, cookie.raw
    assert cookie.value not in login.response.text, "the session id leaks into the body"
    assert "no-store" in login.response.headers.get("Cache-Control", ""), \
        "a login response (csrf token) must not be cached"


def test_secure_cookies_flag(start_server):
    srv = start_server("--secure-cookies", "--session-ttl", "120")
    account = srv.register()
    login = srv.session_login(account)
    (cookie,) = [c for c in set_cookies(login.response) if c.name == "sid"]
    assert cookie.attrs.get("secure") is True, cookie.raw
    assert cookie.attrs.get("max-age") == "120", cookie.raw
    assert login.body["session"]["expires_at"] - login.body["session"]["created_at"] == 120
    r = logout(srv, login, login.csrf)
    assert r.status_code == 204
    (cleared,) = [c for c in set_cookies(r) if c.name == "sid"]
    assert cleared.attrs.get("secure") is True, cleared.raw


def test_wrong_password_sets_no_cookie(server, account):
    r = server.post("/session/login", {"username": account.username, "password": "not-it-at-all"})
    assert r.status_code == 401
    assert error_of(r) == "invalid_credentials"
    assert set_cookies(r) == []


def test_each_login_gets_a_fresh_id(server, account):
    ids = {server.session_login(account).sid for _ in range(4)}
    assert len(ids) == 4


def test_login_does_not_adopt_a_presented_id(server, account):
    """Fixation: an id planted by an attacker is never the id the server issues."""
    planted = "A" * 43
    login = server.session_login(account, headers={"Cookie": f"sid={planted}"})
    assert login.sid != planted
    assert server.me_session(planted).status_code == 401
    assert server.me_session(login.sid).status_code == 200


def test_login_with_an_old_cookie_ends_the_old_session(server, account):
    first = server.session_login(account)
    second = server.session_login(account, headers=first.cookie)
    assert second.sid != first.sid
    assert server.me_session(first.sid).status_code == 401
    assert server.me_session(second.sid).status_code == 200


# -- /session/me --------------------------------------------------------------------------

def test_me_by_cookie(server, account):
    login = server.session_login(account)
    r = server.me_session(login.sid)
    assert r.status_code == 200
    assert r.json() == {
        "auth": "session",
        "user": {"id": account.id, "username": account.username},
        "session": login.body["session"],
    }


def test_me_with_other_cookies_around(server, account):
    login = server.session_login(account)
    r = server.get("/session/me", headers={"Cookie": f"theme=dark; sid={login.sid}; x=1"})
    assert r.status_code == 200


@pytest.mark.parametrize("cookie", [
    None, "", "sid=", "sid=nonsense", "sid=" + "A" * 43, "SID=abc", "other=1",
    "sid=../../etc/passwd", "sid=%00", "sid=" + "x" * 4000,
])
def test_me_without_a_live_session_is_401(server, cookie):
    headers = {"Cookie": cookie} if cookie is not None else {}
    r = server.get("/session/me", headers=headers)
    assert r.status_code == 401, (cookie, r.status_code)
    assert error_of(r) == "unauthenticated"


def test_two_sid_cookies_are_refused(server, account):
    a = server.session_login(account)
    b = server.session_login(account)
    for cookie in (f"sid={a.sid}; sid={b.sid}", f"sid={a.sid}; sid=bogus", f"sid=bogus; sid={a.sid}",
                   f"sid={a.sid}; sid={a.sid}"):
        r = server.get("/session/me", headers={"Cookie": cookie})
        assert r.status_code == 401, cookie
        assert error_of(r) == "unauthenticated"


def test_session_of_a_user_is_not_a_bearer_token(server, account):
    login = server.session_login(account)
    r = server.me_jwt(login.sid)
    assert r.status_code == 401


# -- /session/sessions ------------------------------------------------------------------------

def test_sessions_lists_this_users_live_sessions(server):
    alice, bob = server.register(), server.register()
    a1, a2 = server.session_login(alice), server.session_login(alice)
    server.session_login(bob)

    r = server.get("/session/sessions", headers=a1.cookie)
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"sessions"}
    sessions = body["sessions"]
    assert len(sessions) == 2, sessions
    for item in sessions:
        assert set(item) == {"id_prefix", "created_at", "expires_at", "current"}
        assert re.fullmatch(r"[0-9a-f]{8}", item["id_prefix"]), item
        assert isinstance(item["current"], bool)
        assert not a1.sid.startswith(item["id_prefix"]) and not a2.sid.startswith(item["id_prefix"])
        assert item["expires_at"] > item["created_at"]
    current = [s for s in sessions if s["current"]]
    assert len(current) == 1

    r2 = server.get("/session/sessions", headers=a2.cookie).json()["sessions"]
    current2 = [s for s in r2 if s["current"]]
    assert len(current2) == 1
    assert current2[0]["id_prefix"] != current[0]["id_prefix"]
    assert {s["id_prefix"] for s in r2} == {s["id_prefix"] for s in sessions}

    assert logout(server, a2, a2.csrf).status_code == 204
    after = server.get("/session/sessions", headers=a1.cookie).json()["sessions"]
    assert [s["id_prefix"] for s in after] == [current[0]["id_prefix"]]


def test_sessions_needs_a_session(server):
    r = server.get("/session/sessions")
    assert r.status_code == 401
    assert error_of(r) == "unauthenticated"


# -- logout and CSRF ------------------------------------------------------------------------------

def test_logout_ends_the_session_at_once(server, account):
    login = server.session_login(account)
    other = server.session_login(account)
    r = logout(server, login, login.csrf)
    assert r.status_code == 204
    assert r.content == b""
    (cleared,) = [c for c in set_cookies(r) if c.name == "sid"]
    assert cleared.value == "", cleared.raw
    assert cleared.attrs.get("max-age") == "0", cleared.raw
    assert cleared.attrs.get("path") == "/", cleared.raw
    assert cleared.attrs.get("httponly") is True, cleared.raw
    assert str(cleared.attrs.get("samesite", "")).lower() == "lax", cleared.raw
    r = server.me_session(login.sid)
    assert r.status_code == 401
    assert error_of(r) == "unauthenticated"
    # The same user's other session lives on.
    assert server.me_session(other.sid).status_code == 200
    # Logging out again with the dead cookie is 401, not 204.
    assert logout(server, login, login.csrf).status_code == 401


@pytest.mark.parametrize("csrf", [None, "", "wrong", "A" * 43])
def test_logout_without_the_csrf_token_is_403(server, account, csrf):
    login = server.session_login(account)
    r = logout(server, login, csrf)
    assert r.status_code == 403, (csrf, r.status_code)
    assert error_of(r) == "csrf_failed"
    assert server.me_session(login.sid).status_code == 200, "a refused logout ended the session"


def test_csrf_token_of_another_session_is_refused(server, account):
    a = server.session_login(account)
    b = server.session_login(account)
    assert a.csrf != b.csrf
    r = logout(server, a, b.csrf)
    assert r.status_code == 403
    assert error_of(r) == "csrf_failed"
    assert server.me_session(a.sid).status_code == 200


def test_csrf_token_in_the_body_or_query_does_not_count(server, account):
    login = server.session_login(account)
    r = server.post("/session/logout?csrf_token=" + login.csrf, {"csrf_token": login.csrf},
                    headers=login.cookie)
    assert r.status_code == 403
    assert server.me_session(login.sid).status_code == 200


def test_logout_without_a_cookie_is_401(server):
    r = server.post("/session/logout", headers={"X-CSRF-Token": "whatever"})
    assert r.status_code == 401
    assert error_of(r) == "unauthenticated"


def test_logout_all_sessions(server):
    alice, bob = server.register(), server.register()
    a1, a2, a3 = (server.session_login(alice) for _ in range(3))
    b1 = server.session_login(bob)
    r = logout(server, a1, a1.csrf, query="?all=true")
    assert r.status_code == 204
    for login in (a1, a2, a3):
        assert server.me_session(login.sid).status_code == 401
    assert server.me_session(b1.sid).status_code == 200


def test_logout_all_needs_csrf_too(server, account):
    a1, a2 = server.session_login(account), server.session_login(account)
    r = logout(server, a1, None, query="?all=true")
    assert r.status_code == 403
    assert server.me_session(a2.sid).status_code == 200


# -- expiry ------------------------------------------------------------------------------------

def test_absolute_and_idle_expiry(start_server):
    """Three servers share one wait: absolute TTL, idle TTL, and idle TTL kept at bay
    by activity with --session-touch."""
    absolute = start_server("--session-ttl", "2")
    idle = start_server("--session-idle-ttl", "2", "--session-ttl", "600")
    touched = start_server("--session-idle-ttl", "2", "--session-ttl", "600", "--session-touch")
    logins = {}
    for name, srv in (("absolute", absolute), ("idle", idle), ("touched", touched)):
        logins[name] = srv.session_login(srv.register())
        assert srv.me_session(logins[name].sid).status_code == 200, name

    login = logins["absolute"]
    (cookie,) = [c for c in set_cookies(login.response) if c.name == "sid"]
    assert cookie.attrs.get("max-age") == "2"
    assert login.body["session"]["expires_at"] - login.body["session"]["created_at"] == 2

    deadline = time.monotonic() + 3.2
    while time.monotonic() < deadline:
        r = touched.me_session(logins["touched"].sid)
        assert r.status_code == 200, "an active session expired as idle (with --session-touch)"
        time.sleep(0.4)

    r = absolute.me_session(login.sid)
    assert r.status_code == 401, "the session outlived --session-ttl"
    assert error_of(r) == "unauthenticated"
    assert absolute.get("/session/sessions", headers=login.cookie).status_code == 401
    assert idle.me_session(logins["idle"].sid).status_code == 401, \
        "the session outlived --session-idle-ttl without a request"

    time.sleep(3.1)
    assert touched.me_session(logins["touched"].sid).status_code == 401, \
        "the touched session did not expire once idle"


def test_expired_rows_are_purged(start_server):
    """The background purge removes the expired session's row from the file."""
    import sqlite3

    srv = start_server("--session-ttl", "1", "--purge-interval", "1")
    account = srv.register()

    def rows():
        con = sqlite3.connect(f"file:{srv.db}?mode=ro", uri=True, timeout=5)
        try:
            tables = [t for (t,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
            return sum(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
        finally:
            con.close()

    baseline = rows()
    login = srv.session_login(account)
    assert rows() > baseline
    deadline = time.monotonic() + 6
    while rows() != baseline and time.monotonic() < deadline:
        time.sleep(0.25)
    assert rows() == baseline, "the expired session row was not purged"
    assert srv.me_session(login.sid).status_code == 401


def test_login_username_is_exact(server, account):
    r = server.post("/session/login", {"username": account.username.upper(),
                                       "password": account.password})
    assert r.status_code == 401
    r = server.post("/session/login", {"username": account.username + " ",
                                       "password": account.password})
    assert r.status_code == 401
