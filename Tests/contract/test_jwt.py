"""API.md "Stateless JWT": login, /jwt/me, verification failures, refresh, logout,
algorithms and JWKS."""

import json
import secrets
import threading
import time
from dataclasses import dataclass

import jwt as pyjwt
import pytest

from helpers import (
    PRIVATE_JWK_MEMBERS,
    asym_jwk,
    b64u,
    b64u_json,
    claims_for,
    error_of,
    forge_hs,
    forge_none,
    hs_jwk,
    metric_sum,
    parse_server_timing,
    parse_www_authenticate,
    token_parts,
    write_jwk_set,
)

ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "EdDSA"]
PAIR_KEYS = {"access_token", "token_type", "expires_in", "refresh_token", "refresh_expires_in"}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def check_invalid_token(r) -> str:
    """401 invalid_token with the RFC 6750 challenge; returns the description."""
    assert r.status_code == 401, (r.status_code, r.text)
    body = r.json()
    assert body["error"] == "invalid_token", body
    challenge = r.headers.get("WWW-Authenticate", "")
    scheme, params = parse_www_authenticate(challenge)
    assert scheme == "Bearer", challenge
    assert params.get("realm") == "authlab", challenge
    assert params.get("error") == "invalid_token", challenge
    assert params.get("error_description") == body["error_description"], challenge
    return body["error_description"]


# -- login and /jwt/me -----------------------------------------------------------------------

def test_login_answers_a_token_pair(server, account):
    r = server.post("/jwt/login", {"username": account.username, "password": account.password})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == PAIR_KEYS
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900, "default access-token lifetime is 15 minutes"
    assert isinstance(body["refresh_expires_in"], int) and body["refresh_expires_in"] > 900
    assert isinstance(body["refresh_token"], str) and len(body["refresh_token"]) >= 22
    assert body["refresh_token"].count(".") == 0, "refresh tokens are opaque, not JWTs"
    assert "no-store" in r.headers.get("Cache-Control", "")
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    assert "Set-Cookie" not in r.headers


def test_access_token_header_and_claims(server, account):
    before = int(time.time())
    first = server.jwt_login(account)["access_token"]
    second = server.jwt_login(account)["access_token"]
    header, claims, _ = token_parts(first)
    assert set(header) == {"alg", "typ", "kid"}, header
    assert header["alg"] == "HS256" and header["typ"] == "JWT" and header["kid"]
    assert set(claims) == {"iss", "aud", "sub", "name", "iat", "nbf", "exp", "jti"}, claims
    assert claims["sub"] == str(account.id)
    assert claims["name"] == account.username
    assert claims["iss"] and claims["aud"]
    assert before - 1 <= claims["iat"] <= time.time() + 1
    assert claims["nbf"] <= claims["iat"] + 1
    assert claims["exp"] - claims["iat"] == 900
    assert all(isinstance(claims[k], int) for k in ("iat", "nbf", "exp"))
    assert token_parts(second)[1]["jti"] != claims["jti"]


def test_me_by_bearer_token(server, account):
    token = server.jwt_login(account)["access_token"]
    r = server.me_jwt(token)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "auth": "jwt",
        "user": {"id": account.id, "username": account.username},
        "claims": token_parts(token)[1],
    }
    timing = parse_server_timing(r.headers["Server-Timing"])
    assert timing["auth"]["desc"] != "none"
    assert timing["db"]["desc"] == "none", r.headers["Server-Timing"]
    assert float(timing["db"]["dur"]) == 0.0, r.headers["Server-Timing"]


def test_me_touches_no_database(server, account):
    token = server.jwt_login(account)["access_token"]
    before = server.metrics()
    for _ in range(5):
        assert server.me_jwt(token).status_code == 200
    after = server.metrics()
    assert metric_sum(after, r"db_queries") == metric_sum(before, r"db_queries")


def test_bearer_scheme_is_case_insensitive(server, account):
    token = server.jwt_login(account)["access_token"]
    assert server.get("/jwt/me", headers={"Authorization": f"bearer {token}"}).status_code == 200


def test_me_without_a_token(server):
    r = server.get("/jwt/me")
    assert r.status_code == 401
    assert error_of(r) == "unauthenticated"
    assert r.headers.get("WWW-Authenticate") == 'Bearer realm="authlab"'
    assert r.headers.get("Access-Control-Allow-Origin") == "*"


@pytest.mark.parametrize("authorization", ["Basic dXNlcjpwYXNz", "Bearer", "Token abc", "Bearer "])
def test_me_with_no_bearer_token(server, authorization):
    r = server.get("/jwt/me", headers={"Authorization": authorization})
    assert r.status_code == 401
    scheme, params = parse_www_authenticate(r.headers.get("WWW-Authenticate", ""))
    assert scheme == "Bearer" and params.get("realm") == "authlab"


def test_session_cookie_does_not_open_jwt_me(server, account):
    login = server.session_login(account)
    r = server.get("/jwt/me", headers=login.cookie)
    assert r.status_code == 401
    assert r.headers.get("WWW-Authenticate") == 'Bearer realm="authlab"'


def test_bearer_token_does_not_open_session_me(server, account):
    token = server.jwt_login(account)["access_token"]
    r = server.get("/session/me", headers=bearer(token))
    assert r.status_code == 401
    assert error_of(r) == "unauthenticated"


def test_invalid_credentials(server, account):
    r = server.post("/jwt/login", {"username": account.username, "password": "not-the-password"})
    assert r.status_code == 401
    assert error_of(r) == "invalid_credentials"


# -- verification failures, with the server's own key ---------------------------------------

@dataclass
class Keyed:
    strict: object     # Server with --leeway 0
    lenient: object    # Server on the same key file, default leeway (30 s)
    kid: str
    key: bytes
    iss: str
    aud: object
    account: object

    def claims(self, **overrides):
        return claims_for(self.account, self.iss, self.aud, overrides=overrides)

    def sign(self, claims=None, **kw):
        claims = claims if claims is not None else self.claims()
        return forge_hs(claims, self.key, kid=kw.pop("kid", self.kid), **kw)


@pytest.fixture(scope="module")
def keyed(module_servers, tmp_path_factory):
    kid = "k-" + secrets.token_hex(4)
    jwk, key = hs_jwk(kid, "HS256")
    path = tmp_path_factory.mktemp("keys") / "hs256.json"
    write_jwk_set(path, [jwk])
    strict = module_servers("--jwt-key-file", path, "--leeway", "0", "--throttle-client", "100000")
    lenient = module_servers("--jwt-key-file", path, "--throttle-client", "100000")
    account = strict.register()
    token = strict.jwt_login(account)["access_token"]
    header, claims, _ = token_parts(token)
    assert header["kid"] == kid, "the key file's first key must sign"
    return Keyed(strict, lenient, kid, key, claims["iss"], claims["aud"], account)


def raw_signed(header_segment: str, payload_segment: str, key: bytes) -> str:
    import hashlib
    import hmac

    signing_input = f"{header_segment}.{payload_segment}"
    return f"{signing_input}.{b64u(hmac.new(key, signing_input.encode(), hashlib.sha256).digest())}"


def _cases(k: Keyed) -> dict[str, tuple[str, list[str]]]:
    """case name -> (category, tokens): one category per rule of API.md."""
    now = int(time.time())
    valid = k.sign()
    h, p, s = valid.split(".")
    header_ok = b64u_json({"alg": "HS256", "typ": "JWT", "kid": k.kid})
    claims = k.claims()
    return {
        "not three segments": ("segments", ["abc.def", f"{h}.{p}", f"{h}.{p}.{s}.{s}", "abc"]),
        "bad base64url": ("base64url", [f"{h}*.{p}.{s}", f"{h}.{p}.{s[:-1]}!", f"{h}.{p}=.{s}"]),
        "bad JSON": ("json", [raw_signed(b64u("not json"), p, k.key),
                              raw_signed(header_ok, b64u("{nope"), k.key)]),
        "alg none": ("alg", [forge_none(claims, kid=k.kid), forge_none(claims, kid=k.kid, alg="None"),
                             forge_none(claims), forge_none(claims, kid=k.kid, alg="NONE")]),
        "alg not bound to the key": ("alg", [k.sign(alg="HS512"), k.sign(alg="HS384"),
                                             forge_hs(claims, k.key, kid=k.kid,
                                                      header={"alg": "RS256"})]),
        "unknown kid": ("kid", [k.sign(kid="nope"), k.sign(kid="../../etc/passwd"),
                                k.sign(kid=k.kid + "x")]),
        "tampered payload": ("signature", [f"{h}.{b64u_json({**claims, 'name': 'root'})}.{s}",
                                           f"{h}.{b64u_json({**token_parts(valid)[1], 'sub': str(k.account.id + 1000)})}.{s}"]),
        "wrong key": ("signature", [forge_hs(claims, secrets.token_bytes(32), kid=k.kid)]),
        "no signature": ("signature", [f"{h}.{p}."]),
        "exp passed": ("exp", [k.sign(k.claims(exp=now - 5, iat=now - 100, nbf=now - 100))]),
        "nbf in the future": ("nbf", [k.sign(k.claims(nbf=now + 60))]),
        "wrong iss": ("iss", [k.sign(k.claims(iss="https://evil.example"))]),
        "wrong aud": ("aud", [k.sign(k.claims(aud="someone-else")),
                              k.sign(k.claims(aud=["someone-else"]))]),
        "missing sub": ("missing", [k.sign(k.claims(sub=None))]),
        "missing exp": ("missing", [k.sign(k.claims(exp=None))]),
        "over 8 KiB": ("size", [k.sign(k.claims(pad="x" * 8300))]),
    }


CASE_NAMES = ["not three segments", "bad base64url", "bad JSON", "alg none",
              "alg not bound to the key", "unknown kid", "tampered payload", "wrong key",
              "no signature", "exp passed", "nbf in the future", "wrong iss", "wrong aud",
              "missing sub", "missing exp", "over 8 KiB"]


def test_forged_control_token_is_accepted(keyed):
    """The forging set-up is right: a token with the server's key and claims passes."""
    r = keyed.strict.me_jwt(keyed.sign())
    assert r.status_code == 200, r.text
    assert r.json()["user"] == {"id": keyed.account.id, "username": keyed.account.username}


@pytest.mark.parametrize("case", CASE_NAMES)
def test_verification_failure(keyed, case):
    _, tokens = _cases(keyed)[case]
    for token in tokens:
        check_invalid_token(keyed.strict.me_jwt(token))


def test_each_verification_failure_has_its_own_description(keyed):
    by_category: dict[str, set[str]] = {}
    for name, (category, tokens) in _cases(keyed).items():
        for token in tokens:
            by_category.setdefault(category, set()).add(check_invalid_token(keyed.strict.me_jwt(token)))
    seen: dict[str, str] = {}
    for category, descriptions in by_category.items():
        for description in descriptions:
            assert description not in seen or seen[description] == category, \
                f"{category!r} and {seen.get(description)!r} share {description!r}"
            seen[description] = category


@pytest.mark.parametrize("claims_override", [
    {"sub": "not-a-number"}, {"exp": "9999999999"}, {"nbf": "0"}, {"aud": 5},
    {"name": None},
])
def test_well_signed_but_unusable_claims_are_refused(keyed, claims_override):
    r = keyed.strict.me_jwt(keyed.sign(keyed.claims(**claims_override)))
    check_invalid_token(r)


def test_crit_header_is_refused(keyed):
    check_invalid_token(keyed.strict.me_jwt(keyed.sign(header={"crit": ["exp"], "exp": 1})))


def test_payload_that_is_not_an_object_is_refused(keyed):
    token = raw_signed(b64u_json({"alg": "HS256", "typ": "JWT", "kid": keyed.kid}),
                       b64u_json([1, 2]), keyed.key)
    check_invalid_token(keyed.strict.me_jwt(token))


def test_leeway(keyed):
    """A token 10 s past exp (or 10 s before nbf) passes only with the default 30 s leeway."""
    now = int(time.time())
    late = keyed.sign(keyed.claims(exp=now - 10, iat=now - 100, nbf=now - 100))
    early = keyed.sign(keyed.claims(nbf=now + 10, iat=now))
    for token in (late, early):
        check_invalid_token(keyed.strict.me_jwt(token))
        assert keyed.lenient.me_jwt(token).status_code == 200


def test_inspect_explains_why_a_token_fails(keyed):
    now = int(time.time())
    expired = keyed.sign(keyed.claims(exp=now - 5, iat=now - 100, nbf=now - 100))
    r = keyed.strict.post("/jwt/inspect", {"token": expired})
    assert r.status_code == 200
    verification = r.json()["verification"]
    assert verification["valid"] is False and verification["reason"]
    wrong_aud = keyed.strict.post("/jwt/inspect",
                                  {"token": keyed.sign(keyed.claims(aud="x"))}).json()
    assert wrong_aud["verification"]["reason"] != verification["reason"]


# -- expiry with real time -------------------------------------------------------------------------

def test_access_and_refresh_tokens_expire(start_server, hs256_keyfile):
    path, _, _ = hs256_keyfile
    short = start_server("--jwt-key-file", path, "--access-ttl", "1", "--leeway", "0",
                         "--refresh-ttl", "2")
    lenient = start_server("--jwt-key-file", path, "--access-ttl", "1")
    account = short.register()
    pair = short.jwt_login(account)
    assert pair["expires_in"] == 1
    assert pair["refresh_expires_in"] == 2
    claims = token_parts(pair["access_token"])[1]
    assert claims["exp"] - claims["iat"] == 1
    time.sleep(3.1)
    description = check_invalid_token(short.me_jwt(pair["access_token"]))
    assert "expire" in description.lower(), description
    assert lenient.me_jwt(pair["access_token"]).status_code == 200, "default leeway is 30 s"
    r = short.post("/jwt/refresh", {"refresh_token": pair["refresh_token"]})
    check_invalid_token(r)


# -- refresh ----------------------------------------------------------------------------------------

def refresh(server, token):
    return server.post("/jwt/refresh", {"refresh_token": token})


def test_refresh_rotates(server, account):
    first = server.jwt_login(account)
    r = refresh(server, first["refresh_token"])
    assert r.status_code == 200, r.text
    second = r.json()
    assert set(second) == PAIR_KEYS
    assert second["token_type"] == "Bearer"
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert 0 < second["refresh_expires_in"] <= first["refresh_expires_in"]
    assert "no-store" in r.headers.get("Cache-Control", "")
    assert token_parts(second["access_token"])[1]["jti"] != token_parts(first["access_token"])[1]["jti"]
    me = server.me_jwt(second["access_token"])
    assert me.status_code == 200
    assert me.json()["user"] == {"id": account.id, "username": account.username}
    third = refresh(server, second["refresh_token"])
    assert third.status_code == 200


def test_refresh_reuse_revokes_the_family(server, account):
    first = server.jwt_login(account)
    unrelated = server.jwt_login(account)
    second = refresh(server, first["refresh_token"]).json()
    third = refresh(server, second["refresh_token"]).json()
    # The spent first token comes back: theft. The whole family dies.
    check_invalid_token(refresh(server, first["refresh_token"]))
    check_invalid_token(refresh(server, third["refresh_token"]))
    check_invalid_token(refresh(server, second["refresh_token"]))
    # Another login's family is not touched.
    assert refresh(server, unrelated["refresh_token"]).status_code == 200


def test_concurrent_refresh_spends_once(server, account):
    pair = server.jwt_login(account)
    barrier = threading.Barrier(5)
    results = []

    def go():
        client = server.client()
        barrier.wait()
        results.append(client.post(server.url("/jwt/refresh"),
                                   json={"refresh_token": pair["refresh_token"]}, timeout=15))

    threads = [threading.Thread(target=go) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 401, 401, 401, 401], statuses
    winner = next(r for r in results if r.status_code == 200).json()
    # The losers were reuses of a spent token: the winner's successor died with the family.
    check_invalid_token(refresh(server, winner["refresh_token"]))


@pytest.mark.parametrize("token", ["", "nope", "A" * 43, "a.b.c"])
def test_refresh_unknown_token(server, token):
    check_invalid_token(refresh(server, token))


def test_access_token_is_not_a_refresh_token(server, account):
    pair = server.jwt_login(account)
    check_invalid_token(refresh(server, pair["access_token"]))
    check_invalid_token(server.me_jwt(pair["refresh_token"]))


@pytest.mark.parametrize("path", ["/jwt/refresh", "/jwt/logout"])
def test_refresh_and_logout_need_a_json_body(server, path):
    for body in (b"", b"{}", b'{"refresh_token": 1}', b"[]"):
        r = server.post(path, data=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 400, (path, body, r.status_code)
        assert error_of(r) == "invalid_request"


# -- logout --------------------------------------------------------------------------------------------

def test_logout_revokes_refresh_but_access_token_lives_on(server, account):
    pair = server.jwt_login(account)
    r = server.post("/jwt/logout", {"refresh_token": pair["refresh_token"]},
                    headers=bearer(pair["access_token"]))
    assert r.status_code == 204
    check_invalid_token(refresh(server, pair["refresh_token"]))
    assert server.me_jwt(pair["access_token"]).status_code == 200, \
        "without the deny-list, an access token stays valid until exp"


def test_logout_of_an_unknown_refresh_token(server):
    r = server.post("/jwt/logout", {"refresh_token": "never-issued"})
    assert r.status_code == 204


def test_logout_with_the_deny_list(start_server):
    srv = start_server("--jwt-denylist")
    account, other = srv.register(), srv.register()
    pair = srv.jwt_login(account)
    other_pair = srv.jwt_login(account)
    bystander = srv.jwt_login(other)

    r = srv.me_jwt(pair["access_token"])
    assert r.status_code == 200
    timing = parse_server_timing(r.headers["Server-Timing"])
    assert timing["db"]["desc"] != "none", "with the deny-list /jwt/me checks SQLite"
    before = srv.metrics()
    srv.me_jwt(pair["access_token"])
    assert metric_sum(srv.metrics(), r"db_queries") > metric_sum(before, r"db_queries")

    r = srv.post("/jwt/logout", {"refresh_token": pair["refresh_token"]},
                 headers=bearer(pair["access_token"]))
    assert r.status_code == 204
    description = check_invalid_token(srv.me_jwt(pair["access_token"]))
    assert description
    check_invalid_token(refresh(srv, pair["refresh_token"]))
    # Only that token: the same user's other login and other users carry on.
    assert srv.me_jwt(other_pair["access_token"]).status_code == 200
    assert srv.me_jwt(bystander["access_token"]).status_code == 200


# -- algorithms and JWKS --------------------------------------------------------------------------------

def public_key_of(jwk: dict, alg: str):
    return pyjwt.PyJWK(jwk, algorithm=alg).key


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_each_algorithm_signs_verifies_and_publishes(start_server, alg):
    srv = start_server("--jwt-alg", alg)
    account = srv.register()
    pair = srv.jwt_login(account)
    token = pair["access_token"]
    header, claims, signature = token_parts(token)
    assert header["alg"] == alg and header["typ"] == "JWT" and header["kid"]
    assert srv.me_jwt(token).status_code == 200
    assert refresh(srv, pair["refresh_token"]).status_code == 200

    jwks = srv.get("/.well-known/jwks.json").json()
    assert set(jwks) == {"keys"}
    if alg.startswith("HS"):
        assert jwks["keys"] == [], "an HMAC secret must never be published"
        return
    assert jwks["keys"], "an asymmetric key must be published"
    for jwk in jwks["keys"]:
        assert not PRIVATE_JWK_MEMBERS & set(jwk), f"private members published: {jwk}"
        assert jwk.get("kty") and jwk.get("kid")
    (jwk,) = [k for k in jwks["keys"] if k["kid"] == header["kid"]]
    expected_kty = {"RS256": "RSA", "PS256": "RSA", "ES256": "EC", "EdDSA": "OKP"}[alg]
    assert jwk["kty"] == expected_kty
    if "alg" in jwk:
        assert jwk["alg"] == alg
    if alg == "ES256":
        assert jwk.get("crv") == "P-256"
        assert len(signature) == 64, "ES256 signatures are raw r||s, 64 bytes"
    if alg == "EdDSA":
        assert jwk.get("crv") == "Ed25519"
        assert len(signature) == 64
    if alg in ("RS256", "PS256"):
        assert len(signature) >= 256
    decoded = pyjwt.decode(token, public_key_of(jwk, alg), algorithms=[alg],
                           audience=claims["aud"], issuer=claims["iss"])
    assert decoded == claims


@pytest.mark.parametrize("alg", ["RS256", "ES256", "EdDSA"])
def test_asymmetric_key_confusion_attacks(start_server, alg):
    from cryptography.hazmat.primitives import serialization

    srv = start_server("--jwt-alg", alg)
    account = srv.register()
    token = srv.jwt_login(account)["access_token"]
    header, claims, _ = token_parts(token)
    (jwk,) = srv.get("/.well-known/jwks.json").json()["keys"]
    public = public_key_of(jwk, alg)
    pem = public.public_bytes(serialization.Encoding.PEM,
                              serialization.PublicFormat.SubjectPublicKeyInfo)
    der = public.public_bytes(serialization.Encoding.DER,
                              serialization.PublicFormat.SubjectPublicKeyInfo)
    forged_claims = dict(claims, jti=secrets.token_urlsafe(8))
    attacks = [
        forge_hs(forged_claims, pem, kid=header["kid"]),               # HS256 keyed with the public key
        forge_hs(forged_claims, pem.strip(), kid=header["kid"]),
        forge_hs(forged_claims, der, kid=header["kid"]),
        forge_hs(forged_claims, json.dumps(jwk).encode(), kid=header["kid"]),
        forge_none(forged_claims, kid=header["kid"]),
    ]
    # An attacker's own key, embedded in the header (jwk) or pointed at (jku).
    attacker_jwk, attacker_key = asym_jwk(alg, header["kid"])
    public_attacker = {k: v for k, v in attacker_jwk.items() if k not in PRIVATE_JWK_MEMBERS}
    for extra in ({"jwk": public_attacker}, {"jku": "http://127.0.0.1:1/jwks.json"}, {}):
        attacks.append(pyjwt.encode(forged_claims, attacker_key, algorithm=alg,
                                    headers={"kid": header["kid"], **extra}))
    for attack in attacks:
        check_invalid_token(srv.me_jwt(attack))
    assert srv.me_jwt(token).status_code == 200


def test_key_file_jwk_set_first_signs_all_published(start_server, tmp_path):
    keys = [asym_jwk("ES256", "first"), asym_jwk("EdDSA", "second"), asym_jwk("RS256", "third")]
    path = tmp_path / "keys.json"
    write_jwk_set(path, [jwk for jwk, _ in keys])
    srv = start_server("--jwt-key-file", path)
    account = srv.register()
    token = srv.jwt_login(account)["access_token"]
    header, claims, _ = token_parts(token)
    assert header["kid"] == "first" and header["alg"] == "ES256"
    jwks = srv.get("/.well-known/jwks.json").json()["keys"]
    assert sorted(k["kid"] for k in jwks) == ["first", "second", "third"]
    for jwk in jwks:
        assert not PRIVATE_JWK_MEMBERS & set(jwk), jwk
    # A token signed by the second key (EdDSA) verifies too: all keys verify.
    _, second_key = keys[1]
    other = pyjwt.encode(dict(claims, jti="x" + claims["jti"]), second_key, algorithm="EdDSA",
                         headers={"kid": "second"})
    assert srv.me_jwt(other).status_code == 200
    # ... but only with its own algorithm: the key decides, never the header.
    mismatched = pyjwt.encode(dict(claims, jti="y" + claims["jti"]), keys[0][1], algorithm="ES256",
                              headers={"kid": "second"})
    check_invalid_token(srv.me_jwt(mismatched))


def test_key_file_pem(start_server, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    path = tmp_path / "key.pem"
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    srv = start_server("--jwt-key-file", path, "--jwt-alg", "ES256")
    account = srv.register()
    token = srv.jwt_login(account)["access_token"]
    header, claims, _ = token_parts(token)
    assert header["alg"] == "ES256"
    pyjwt.decode(token, key.public_key(), algorithms=["ES256"], audience=claims["aud"])
    (jwk,) = srv.get("/.well-known/jwks.json").json()["keys"]
    assert jwk["kid"] == header["kid"]
    assert srv.me_jwt(token).status_code == 200
