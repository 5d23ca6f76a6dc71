"""API.md "Public": the page, /healthz, /metrics, /jwt/inspect, JWKS, 404/405."""

import json

import pytest

from helpers import (
    b64u,
    b64u_decode,
    b64u_json,
    error_of,
    metric_sum,
    parse_server_timing,
    timing_durations,
    token_parts,
)


def test_demo_page_is_html(server):
    r = server.get("/")
    assert r.status_code == 200
    assert r.headers["Content-Type"].lower().startswith("text/html")
    assert b"<" in r.content


def test_healthz(server):
    r = server.get("/healthz")
    assert r.status_code == 200
    assert r.headers["Content-Type"].lower().startswith("application/json")
    assert r.json() == {"status": "ok"}


def test_healthz_touches_no_database(server):
    r = server.get("/healthz")
    timing = parse_server_timing(r.headers["Server-Timing"])
    assert float(timing["db"]["dur"]) == 0.0, r.headers["Server-Timing"]


def test_metrics_content_type_and_format(server, account):
    server.session_login(account)
    r = server.get("/metrics")
    assert r.status_code == 200
    content_type = r.headers["Content-Type"].replace(" ", "").lower()
    assert content_type.startswith("text/plain;version=0.0.4"), r.headers["Content-Type"]
    metrics = server.metrics()  # every sample line parses
    assert metrics["samples"], r.text[:500]
    for family, kind in metrics["types"].items():
        assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), (family, kind)


def test_metrics_count_authentications_queries_and_hashes(server):
    account = server.register()
    before = server.metrics()
    login = server.session_login(account)
    assert server.me_session(login.sid).status_code == 200
    tokens = server.jwt_login(account)
    assert server.me_jwt(tokens["access_token"]).status_code == 200
    assert server.me_jwt(tokens["access_token"] + "x").status_code == 401
    after = server.metrics()

    def delta(pattern, **labels):
        return metric_sum(after, pattern, **labels) - metric_sum(before, pattern, **labels)

    auth = r"authentications?(_total)?$"
    assert delta(auth, scheme="session") >= 2, "session login + /session/me not counted"
    assert delta(auth, scheme="jwt") >= 3, "jwt login + two /jwt/me not counted"
    jwt_results = {
        labels.get("result") for name, labels, value in after["samples"]
        if "authentication" in name and labels.get("scheme") == "jwt"
    }
    assert len(jwt_results) >= 2, f"one result label for success and failure: {jwt_results}"
    assert delta(r"db_queries(_total)?$") >= 2, "database queries not counted"
    assert delta(r"password_hash(es)?(_total)?$") >= 2, "password hashes not counted"
    for family in ("authentications", "db_queries", "password_hashes"):
        typed = [name for name in after["types"] if family in name]
        assert typed, f"no # TYPE line for a {family} family"


# -- 404 / 405 --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/nope", "/session/nope", "/jwt/nope", "/users/1", "/healthz/x"])
def test_unknown_path_is_404(server, path):
    r = server.get(path)
    assert r.status_code == 404
    assert error_of(r) == "not_found"


@pytest.mark.parametrize("method,path,allowed", [
    ("DELETE", "/healthz", "GET"),
    ("POST", "/healthz", "GET"),
    ("GET", "/users", "POST"),
    ("PUT", "/users", "POST"),
    ("GET", "/session/login", "POST"),
    ("POST", "/session/me", "GET"),
    ("POST", "/session/sessions", "GET"),
    ("GET", "/session/logout", "POST"),
    ("GET", "/jwt/login", "POST"),
    ("POST", "/jwt/me", "GET"),
    ("GET", "/jwt/refresh", "POST"),
    ("GET", "/jwt/logout", "POST"),
    ("GET", "/jwt/inspect", "POST"),
    ("POST", "/.well-known/jwks.json", "GET"),
    ("POST", "/metrics", "GET"),
    ("POST", "/", "GET"),
])
def test_wrong_method_is_405_with_allow(server, method, path, allowed):
    r = server.request(method, path)
    assert r.status_code == 405, (method, path, r.status_code)
    assert error_of(r) == "method_not_allowed"
    allow = {m.strip().upper() for m in r.headers.get("Allow", "").split(",") if m.strip()}
    assert allowed in allow, f"Allow: {r.headers.get('Allow')!r}"
    assert method not in allow, f"Allow: {r.headers.get('Allow')!r}"


# -- /jwt/inspect ------------------------------------------------------------------------

def test_inspect_own_token(server, account):
    token = server.jwt_login(account)["access_token"]
    r = server.post("/jwt/inspect", {"token": token})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"header", "payload", "signature", "signing_input", "verification"}
    h, p, s = token.split(".")
    header, payload, signature = token_parts(token)
    assert set(body["header"]) >= {"raw", "json"} and body["header"]["raw"] == h
    assert body["header"]["json"] == header
    assert set(body["payload"]) >= {"raw", "json"} and body["payload"]["raw"] == p
    assert body["payload"]["json"] == payload
    assert set(body["signature"]) >= {"raw", "hex"} and body["signature"]["raw"] == s
    assert body["signature"]["hex"].lower() == signature.hex()
    assert body["signing_input"] == f"{h}.{p}"
    assert set(body["verification"]) >= {"valid", "reason"}
    assert body["verification"]["valid"] is True
    assert body["verification"]["reason"] is None


def test_inspect_tampered_token_is_not_valid(server, account):
    token = server.jwt_login(account)["access_token"]
    h, p, s = token.split(".")
    payload = json.loads(b64u_decode(p))
    payload["name"] = "admin"
    tampered = f"{h}.{b64u_json(payload)}.{s}"
    r = server.post("/jwt/inspect", {"token": tampered})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["payload"]["json"]["name"] == "admin"
    assert body["verification"]["valid"] is False
    assert isinstance(body["verification"]["reason"], str) and body["verification"]["reason"]


def test_inspect_foreign_token(server):
    import jwt  # PyJWT

    foreign = jwt.encode({"sub": "1", "exp": 4102444800}, "x" * 32, algorithm="HS256")
    r = server.post("/jwt/inspect", {"token": foreign})
    assert r.status_code == 200
    assert r.json()["verification"]["valid"] is False


@pytest.mark.parametrize("token", [
    "", "abc", "e30.e30", "e30.e30.e30.e30", "e30.e30.!!!", "e30.e*30.c2ln",
    "e30.e30.c2ln=", "e30 .e30.c2ln", "a.b.c.",
])
def test_inspect_rejects_non_jwt(server, token):
    r = server.post("/jwt/inspect", {"token": token})
    assert r.status_code == 400, (token, r.status_code, r.text)
    assert error_of(r) == "invalid_request"


def test_inspect_three_segments_that_are_not_json(server):
    token = f"{b64u('not json')}.{b64u('nor this')}.{b64u('sig')}"
    r = server.post("/jwt/inspect", {"token": token})
    assert r.status_code in (200, 400), r.status_code
    if r.status_code == 200:
        assert r.json()["verification"]["valid"] is False


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"token": 5}', b'{"tok": "a.b.c"}', b"null"])
def test_inspect_malformed_body(server, body):
    r = server.post("/jwt/inspect", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert error_of(r) == "invalid_request"


# -- JWKS --------------------------------------------------------------------------------

def test_jwks_empty_for_default_hs256(server):
    r = server.get("/.well-known/jwks.json")
    assert r.status_code == 200
    assert r.headers["Content-Type"].lower().startswith("application/json")
    assert r.json() == {"keys": []}


def test_server_timing_names_scheme_and_store(server, account):
    """`desc` names the scheme/store; a login's auth time includes the hash."""
    r = server.post("/session/login", {"username": account.username, "password": account.password})
    timing = parse_server_timing(r.headers["Server-Timing"])
    assert timing["auth"]["desc"] != "none"
    assert timing["db"]["desc"] != "none"
    durations = timing_durations(r.headers["Server-Timing"])
    if "hash" in durations:
        assert durations["auth"] + 0.002 >= durations["hash"], r.headers["Server-Timing"]
    assert durations["auth"] > 0
