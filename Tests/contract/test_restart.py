"""Restart on the same database keeps users, sessions, refresh tokens and keys;
SIGTERM stops the server cleanly."""

import secrets
import signal
import threading
import time

import pytest

from helpers import hs_jwk, token_parts, write_jwk_set


@pytest.mark.parametrize("alg", ["HS256", "ES256"])
def test_restart_keeps_sessions_tokens_and_keys(start_server, alg):
    srv = start_server("--jwt-alg", alg)
    account = srv.register()
    login = srv.session_login(account)
    pair = srv.jwt_login(account)
    jwks_before = srv.get("/.well-known/jwks.json").json()

    srv.restart()

    assert srv.me_session(login.sid).status_code == 200, "a session did not survive a restart"
    assert srv.me_jwt(pair["access_token"]).status_code == 200, \
        "an access token did not survive a restart (generated key not kept in the database)"
    assert srv.get("/.well-known/jwks.json").json() == jwks_before
    new_token = srv.jwt_login(account)["access_token"]
    assert token_parts(new_token)[0]["kid"] == token_parts(pair["access_token"])[0]["kid"]
    r = srv.post("/jwt/refresh", {"refresh_token": pair["refresh_token"]})
    assert r.status_code == 200, r.text
    # The CSRF secret survives too: the old session can still log out.
    r = srv.post("/session/logout", headers={**login.cookie, "X-CSRF-Token": login.csrf})
    assert r.status_code == 204
    assert srv.me_session(login.sid).status_code == 401
    # The user is still registered.
    r = srv.post("/users", {"username": account.username, "password": "another-password"})
    assert r.status_code == 409


def test_key_rotation_with_a_key_file(start_server, tmp_path):
    old_jwk, _ = hs_jwk("old", "HS256")
    new_jwk, _ = hs_jwk("new", "HS512")
    path = tmp_path / "keys.json"
    write_jwk_set(path, [old_jwk])
    srv = start_server("--jwt-key-file", path)
    account = srv.register()
    old_token = srv.jwt_login(account)["access_token"]
    assert token_parts(old_token)[0]["kid"] == "old"

    write_jwk_set(path, [new_jwk, old_jwk])  # the new key signs, the old one still verifies
    srv.restart()
    assert srv.me_jwt(old_token).status_code == 200
    new_token = srv.jwt_login(account)["access_token"]
    header = token_parts(new_token)[0]
    assert header["kid"] == "new" and header["alg"] == "HS512"
    assert srv.me_jwt(new_token).status_code == 200

    write_jwk_set(path, [new_jwk])  # the old key retired: its tokens die
    srv.restart()
    assert srv.me_jwt(old_token).status_code == 401
    assert srv.me_jwt(new_token).status_code == 200


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_with_status_0(start_server, sig):
    srv = start_server()
    assert srv.get("/healthz").status_code == 200
    assert srv.stop(sig) == 0


def test_sigterm_lets_an_in_flight_login_finish(start_server):
    srv = start_server("--argon2-memory", "65536", "--argon2-iterations", "3", fast_argon2=False)
    account = srv.register()
    client = srv.client()
    result = {}

    def login():
        try:
            result["r"] = client.post(srv.url("/jwt/login"), json={
                "username": account.username, "password": account.password}, timeout=20)
        except Exception as error:  # noqa: BLE001
            result["error"] = repr(error)

    thread = threading.Thread(target=login)
    thread.start()
    time.sleep(0.03)
    srv.proc.send_signal(signal.SIGTERM)
    thread.join()
    assert "error" not in result, result
    assert result["r"].status_code == 200
    assert srv.stop() == 0


def test_new_database_is_created_in_place(start_server, tmp_path):
    db = tmp_path / "fresh" / ("db-" + secrets.token_hex(3) + ".sqlite")
    db.parent.mkdir()
    srv = start_server(db=db)
    assert db.exists()
    account = srv.register()
    assert srv.jwt_login(account)["access_token"]
