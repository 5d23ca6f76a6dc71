"""API.md storage rules: a copy of the database hands out no live session, no
refresh token and no password (secrets are stored hashed)."""

import base64
import hashlib
import shutil
import sqlite3
import subprocess

from helpers import b64u_decode


def database_files(db):
    return [p for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
            if p.exists()]


def dump(db) -> str:
    """The `sqlite3` CLI dump of a copy (falls back to Python's iterdump)."""
    if shutil.which("sqlite3"):
        out = subprocess.run(["sqlite3", f"file:{db}?mode=ro", ".dump"], capture_output=True,
                             text=True, timeout=30)
        if out.returncode == 0 and out.stdout:
            return out.stdout
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def encodings(secret: str) -> list[bytes]:
    """The forms in which a secret string could sit in the file."""
    forms = [secret.encode(), secret.encode("utf-16-le")]
    try:
        raw = b64u_decode(secret)
        if len(raw) >= 16:
            forms += [raw, raw.hex().encode(), base64.b64encode(raw).rstrip(b"=")]
    except ValueError:
        pass
    return forms


def sha256_candidates(secret: str) -> list[bytes]:
    """SHA-256 of the secret's characters, and of its base64url-decoded bytes."""
    candidates = [secret.encode()]
    try:
        candidates.append(b64u_decode(secret))
    except ValueError:
        pass
    return [hashlib.sha256(raw).digest() for raw in candidates]


def stored_hashed(secret: str, files: bytes, text: str) -> bool:
    lower = text.lower()
    for digest in sha256_candidates(secret):
        forms = [digest, digest.hex().encode(), base64.urlsafe_b64encode(digest).rstrip(b"="),
                 base64.b64encode(digest).rstrip(b"=")]
        if any(form in files for form in forms) or digest.hex() in lower:
            return True
    return False


def test_database_holds_no_usable_secret(start_server):
    srv = start_server("--jwt-denylist")
    account = srv.register()
    login = srv.session_login(account)
    second = srv.session_login(account)
    pair = srv.jwt_login(account)
    rotated = srv.post("/jwt/refresh", {"refresh_token": pair["refresh_token"]}).json()
    live = srv.jwt_login(account)
    logged_out = srv.jwt_login(account)
    assert srv.post("/jwt/logout", {"refresh_token": logged_out["refresh_token"]},
                    headers={"Authorization": f"Bearer {logged_out['access_token']}"}
                    ).status_code == 204
    assert srv.me_session(login.sid).status_code == 200

    secrets = {
        "password": account.password,
        "session id": login.sid,
        "second session id": second.sid,
        "csrf token": login.csrf,
        "refresh token": pair["refresh_token"],
        "rotated refresh token": rotated["refresh_token"],
        "live refresh token": live["refresh_token"],
        "access token": live["access_token"],
        "access token signature": live["access_token"].split(".")[2],
        "logged-out access token": logged_out["access_token"],
    }

    def check(files_bytes: bytes, text: str, when: str):
        for name, secret in secrets.items():
            for form in encodings(secret):
                assert form not in files_bytes, f"{when}: the {name} is in the database files"
            assert secret not in text, f"{when}: the {name} is in the dump"
        # Session ids and refresh tokens are stored hashed with SHA-256.
        for name in ("session id", "live refresh token"):
            assert stored_hashed(secrets[name], files_bytes, text), \
                f"{when}: no SHA-256 of the {name} in the database"
        assert "$argon2id$v=19$m=1024,t=1,p=1$" in text, "password not stored as an Argon2id PHC string"

    files = b"".join(p.read_bytes() for p in database_files(srv.db))
    check(files, dump(srv.db), "while running")

    assert srv.stop() == 0
    files = b"".join(p.read_bytes() for p in database_files(srv.db))
    check(files, dump(srv.db), "after shutdown")


def test_session_ids_and_refresh_tokens_are_random(server, account):
    sids = {server.session_login(account).sid for _ in range(20)}
    refresh = {server.jwt_login(account)["refresh_token"] for _ in range(5)}
    assert len(sids) == 20 and len(refresh) == 5
    for sid in sids:
        assert len(b64u_decode(sid)) >= 16
    # No shared prefix longer than chance would give.
    first = sorted(sids)
    common = min(len(_common_prefix(a, b)) for a, b in zip(first, first[1:]))
    assert common < 6


def _common_prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def test_logs_hold_no_secret(start_server):
    """The access log and any other server output never print a credential."""
    srv = start_server()  # access log on
    account = srv.register()
    login = srv.session_login(account)
    pair = srv.jwt_login(account)
    srv.me_session(login.sid)
    srv.me_jwt(pair["access_token"])
    srv.me_jwt(pair["access_token"] + "x")
    srv.post("/jwt/refresh", {"refresh_token": pair["refresh_token"]})
    srv.post("/session/login", {"username": account.username, "password": "wrong-" + account.password})
    srv.post("/session/logout", headers={**login.cookie, "X-CSRF-Token": login.csrf})
    srv.get("/session/me?sid=" + login.sid)  # even in a query string, nothing but the path
    assert srv.stop() == 0
    log = srv.log_path.read_text(errors="replace")
    assert "/session/me" in log, "no access log line at all"
    for name, secret in {"password": account.password, "session id": login.sid,
                         "csrf token": login.csrf, "access token": pair["access_token"],
                         "token signature": pair["access_token"].split(".")[2],
                         "refresh token": pair["refresh_token"]}.items():
        assert secret not in log, f"the {name} is in the server's output"


def test_no_access_log(start_server):
    srv = start_server("--no-access-log")
    srv.get("/healthz")
    srv.get("/nope-not-here")
    assert srv.stop() == 0
    log = srv.log_path.read_text(errors="replace")
    assert "/nope-not-here" not in log and "/healthz" not in log, log


def test_generated_hs256_secret_has_at_least_256_bits(start_server):
    """The key the server generates (and keeps in the database) is >= 256 bits:
    found by trying every `"k"` member in the dump against a real token."""
    import hmac
    import re

    import pytest

    srv = start_server("--jwt-alg", "HS256")
    token = srv.jwt_login(srv.register())["access_token"]
    signing_input, _, signature = token.rpartition(".")
    text = dump(srv.db)
    candidates = {b64u_decode(k) for k in re.findall(r'"k"\s*:\s*"([A-Za-z0-9_-]+)"', text)}
    signing_keys = [key for key in candidates
                    if hmac.compare_digest(
                        hmac.new(key, signing_input.encode(), hashlib.sha256).digest(),
                        b64u_decode(signature))]
    if not signing_keys:
        pytest.skip("the generated key is not stored as a JWK 'k' member; size not checked")
    assert len(signing_keys[0]) >= 32, f"HS256 secret of {len(signing_keys[0]) * 8} bits"
