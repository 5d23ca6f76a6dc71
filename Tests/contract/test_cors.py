"""API.md "CORS": `*` for the public token API, echoed listed origins with
credentials for /session/*, nothing for anyone else."""

import pytest

LISTED = "http://app.example:3000"
LISTED_2 = "https://second.example"
CORS_HEADERS = ("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                "Access-Control-Allow-Methods", "Access-Control-Allow-Headers")


@pytest.fixture(scope="module")
def cors(module_servers):
    return module_servers("--allowed-origin", LISTED, "--allowed-origin", LISTED_2,
                          "--throttle-client", "100000")


def tokens(value):
    return {t.strip().lower() for t in (value or "").split(",") if t.strip()}


def preflight(server, path, method, origin, headers="authorization, content-type"):
    return server.request("OPTIONS", path, headers={
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": headers,
    })


PUBLIC = [
    ("/jwt/login", "POST"), ("/jwt/me", "GET"), ("/jwt/refresh", "POST"),
    ("/jwt/logout", "POST"), ("/jwt/inspect", "POST"), ("/users", "POST"),
    ("/.well-known/jwks.json", "GET"), ("/healthz", "GET"),
]
SESSION = [("/session/login", "POST"), ("/session/me", "GET"),
           ("/session/sessions", "GET"), ("/session/logout", "POST")]


@pytest.mark.parametrize("path,method", PUBLIC)
def test_public_preflight(cors, path, method):
    r = preflight(cors, path, method, "https://anywhere.example")
    assert r.status_code == 204, (path, r.status_code)
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    assert method.lower() in tokens(r.headers.get("Access-Control-Allow-Methods"))
    allowed = tokens(r.headers.get("Access-Control-Allow-Headers"))
    assert {"authorization", "content-type"} <= allowed, r.headers.get("Access-Control-Allow-Headers")
    assert int(r.headers.get("Access-Control-Max-Age", "-1")) > 0
    assert r.headers.get("Access-Control-Allow-Credentials") != "true"


def test_public_responses_allow_any_origin(cors):
    account = cors.register()
    origin = {"Origin": "https://anywhere.example"}
    responses = [
        cors.get("/healthz", headers=origin),
        cors.get("/.well-known/jwks.json", headers=origin),
        cors.post("/users", {"username": "ab", "password": "x"}, headers=origin),
        cors.post("/jwt/login", {"username": account.username, "password": account.password},
                  headers=origin),
        cors.post("/jwt/login", {"username": account.username, "password": "wrong-password"},
                  headers=origin),
        cors.get("/jwt/me", headers=origin),
        cors.post("/jwt/inspect", {"token": "x"}, headers=origin),
    ]
    for r in responses:
        assert r.headers.get("Access-Control-Allow-Origin") == "*", (r.request.path_url, r.status_code)
        assert r.headers.get("Access-Control-Allow-Credentials") != "true"


@pytest.mark.parametrize("origin", [LISTED, LISTED_2])
def test_session_routes_echo_a_listed_origin(cors, origin):
    account = cors.register()
    login_r = cors.post("/session/login", {"username": account.username, "password": account.password},
                        headers={"Origin": origin})
    assert login_r.status_code == 200
    sid = [c for c in login_r.raw.headers.getlist("Set-Cookie") if c.startswith("sid=")][0]
    sid = sid.split(";")[0][4:]
    csrf = login_r.json()["csrf_token"]
    responses = [
        login_r,
        cors.get("/session/me", headers={"Origin": origin, "Cookie": f"sid={sid}"}),
        cors.get("/session/sessions", headers={"Origin": origin, "Cookie": f"sid={sid}"}),
        cors.get("/session/me", headers={"Origin": origin}),  # 401 too
        cors.post("/session/logout", headers={"Origin": origin, "Cookie": f"sid={sid}"}),  # 403
        cors.post("/session/logout", headers={"Origin": origin, "Cookie": f"sid={sid}",
                                              "X-CSRF-Token": csrf}),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 401, 403, 204]
    for r in responses:
        what = (r.request.method, r.request.path_url, r.status_code)
        assert r.headers.get("Access-Control-Allow-Origin") == origin, what
        assert r.headers.get("Access-Control-Allow-Credentials") == "true", what
        assert "origin" in tokens(r.headers.get("Vary")), what


@pytest.mark.parametrize("path,method", SESSION)
def test_session_preflight_from_a_listed_origin(cors, path, method):
    r = preflight(cors, path, method, LISTED, headers="content-type, x-csrf-token")
    assert 200 <= r.status_code < 300, r.status_code
    assert r.headers.get("Access-Control-Allow-Origin") == LISTED
    assert r.headers.get("Access-Control-Allow-Credentials") == "true"
    assert method.lower() in tokens(r.headers.get("Access-Control-Allow-Methods"))
    allowed = tokens(r.headers.get("Access-Control-Allow-Headers"))
    assert {"content-type", "x-csrf-token"} <= allowed, \
        "a cross-origin page could not send the logout's X-CSRF-Token"
    assert "origin" in tokens(r.headers.get("Vary"))


UNLISTED = ["https://evil.example", "null", "http://app.example:3000.evil.example",
            "http://app.example", "https://app.example:3000", "http://app.example:3001", "*",
            LISTED + "/", LISTED.upper()]


@pytest.mark.parametrize("origin", UNLISTED)
def test_session_routes_ignore_other_origins(cors, origin):
    account = cors.register()
    login_r = cors.post("/session/login", {"username": account.username, "password": account.password},
                        headers={"Origin": origin})
    responses = [
        login_r,
        cors.get("/session/me", headers={"Origin": origin}),
        preflight(cors, "/session/logout", "POST", origin, headers="x-csrf-token"),
        preflight(cors, "/session/me", "GET", origin),
    ]
    for r in responses:
        for name in CORS_HEADERS:
            assert name not in r.headers, (origin, r.request.method, r.request.path_url, name,
                                           r.headers.get(name))


def test_session_routes_without_allowed_origins(server):
    account = server.register()
    for origin in (LISTED, "https://evil.example"):
        r = server.post("/session/login", {"username": account.username, "password": account.password},
                        headers={"Origin": origin})
        assert r.status_code == 200
        r2 = preflight(server, "/session/me", "GET", origin)
        for response in (r, r2):
            for name in CORS_HEADERS:
                assert name not in response.headers, (origin, name)


def test_session_without_origin_gets_no_cors(cors):
    r = cors.get("/session/me")
    assert "Access-Control-Allow-Origin" not in r.headers


def test_listed_origin_does_not_change_the_public_api(cors):
    r = cors.get("/healthz", headers={"Origin": LISTED})
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
