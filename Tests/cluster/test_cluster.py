"""Through nginx: tokens work on every instance; session cookies only with a shared store."""

from conftest import jwt_login, register, request, session_login


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_token_from_one_instance_works_on_every_instance(redis_cluster):
    c = redis_cluster
    assert register(c.lb, "tina")[0] == 201
    access, _ = jwt_login(c.lb, "tina")
    for base in c.instances():
        status, hdrs, body = request("GET", f"{base}/jwt/me", headers=bearer(access))
        assert status == 200 and body["user"]["username"] == "tina"
        assert 'db;dur=0.000;desc="none"' in hdrs["Server-Timing"]
    seen = set()
    for _ in range(2 * c.n):
        status, hdrs, _ = request("GET", f"{c.lb}/jwt/me", headers=bearer(access))
        assert status == 200
        seen.add(hdrs["X-Authlab-Instance"])
    assert len(seen) == c.n, "round robin reached every instance"


def test_a_session_cookie_works_on_every_instance_with_a_shared_store(redis_cluster):
    c = redis_cluster
    register(c.lb, "sam")
    cookie, _, _ = session_login(c.lb, "sam")
    for base in c.instances():
        status, hdrs, body = request("GET", f"{base}/session/me", headers={"Cookie": cookie})
        assert status == 200 and body["user"]["username"] == "sam"
        assert 'desc="redis"' in hdrs["Server-Timing"]


def test_logout_reaches_every_instance_for_sessions_not_for_tokens(redis_cluster):
    c = redis_cluster
    register(c.lb, "lou")
    cookie, csrf, _ = session_login(c.lb, "lou")
    status, _, _ = request(
        "POST", f"{c.lb}/session/logout", headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    assert status == 204
    for base in c.instances():
        assert request("GET", f"{base}/session/me", headers={"Cookie": cookie})[0] == 401
    access, refresh = jwt_login(c.lb, "lou")
    assert request("POST", f"{c.lb}/jwt/logout", {"refresh_token": refresh})[0] == 204
    for base in c.instances():
        assert request("GET", f"{base}/jwt/me", headers=bearer(access))[0] == 200
        status, _, body = request("POST", f"{base}/jwt/refresh", {"refresh_token": refresh})
        assert status == 401 and body["error"] == "invalid_token"


def test_refresh_reuse_is_detected_across_instances(redis_cluster):
    c = redis_cluster
    register(c.lb, "rita")
    _, refresh = jwt_login(c.lb, "rita")
    first, second, third = c.instances()
    status, _, body = request("POST", f"{first}/jwt/refresh", {"refresh_token": refresh})
    assert status == 200
    successor = body["refresh_token"]
    status, _, body = request("POST", f"{second}/jwt/refresh", {"refresh_token": refresh})
    assert status == 401 and "already used" in body["error_description"]
    status, _, body = request("POST", f"{third}/jwt/refresh", {"refresh_token": successor})
    assert status == 401 and body["error_description"] == "refresh token family was revoked"


def test_redis_down_sessions_fail_closed_tokens_work_then_recovery(redis_cluster):
    c = redis_cluster
    register(c.lb, "olga")
    cookie, _, _ = session_login(c.lb, "olga")
    access, _ = jwt_login(c.lb, "olga")
    c.run("redis", "stop")
    try:
        for base in c.instances():
            status, hdrs, body = request("GET", f"{base}/session/me", headers={"Cookie": cookie})
            assert status == 503 and body["error"] == "store_unavailable"
            assert hdrs["Retry-After"] == "1"
            assert request("GET", f"{base}/jwt/me", headers=bearer(access))[0] == 200
            assert request("GET", f"{base}/healthz")[0] == 200
        status, _, body = request(
            "POST", f"{c.lb}/session/login", {"username": "olga", "password": "correct horse battery"})
        assert status == 503 and body["error"] == "store_unavailable"
    finally:
        c.run("redis", "start")
    for base in c.instances():
        status, _, body = request("GET", f"{base}/session/me", headers={"Cookie": cookie})
        assert status == 200, body
    assert session_login(c.lb, "olga")[0]


def test_per_instance_sqlite_sessions_fail_on_the_other_instances(sqlite_cluster):
    c = sqlite_cluster
    for base in c.instances():
        assert register(base, "pia")[0] == 201
    cookie, _, issuer = session_login(c.lb, "pia")
    answers = {}
    for base in c.instances():
        answers[base] = request("GET", f"{base}/session/me", headers={"Cookie": cookie})[0]
    assert sorted(answers.values()) == [200] + [401] * (c.n - 1)
    assert answers[f"http://{issuer}"] == 200
    # Through nginx (one worker, strict round robin): one answer in N is a 200.
    through_lb = [request("GET", f"{c.lb}/session/me", headers={"Cookie": cookie})[0]
                  for _ in range(c.n)]
    assert sorted(through_lb) == [200] + [401] * (c.n - 1)
    access, _ = jwt_login(c.lb, "pia")
    for base in c.instances():
        assert request("GET", f"{base}/jwt/me", headers=bearer(access))[0] == 200
