"""PyJWT side of the JOSE interop stage, step 3: verify what Swift made (pytest).

Reads $AUTHLAB_INTEROP_DIR, written by make_tokens.py and then by the Swift test
`JOSEInterop` (swift-tokens.json, swift-public.jwks.json, swift-verified.json).
Every file is required: a missing one fails, nothing is skipped.
"""

import base64
import json
import os
from pathlib import Path

import jwt
import pytest

DIRECTORY = Path(os.environ.get("AUTHLAB_INTEROP_DIR", "/nonexistent-authlab-interop-dir"))
ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "EdDSA"]


def load(name):
    path = DIRECTORY / name
    assert path.is_file(), f"{name} is missing: did the Swift JOSEInterop test run?"
    return json.loads(path.read_text())


def b64decode(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def swift_token(alg):
    matches = [entry for entry in load("swift-tokens.json") if entry["alg"] == alg]
    assert len(matches) == 1, f"Swift made no single {alg} token"
    return matches[0]


def verification_key(alg, kid):
    """HMAC keys from the shared key file; public keys from the JWK Set Swift exported."""
    source = "keys.jwks.json" if alg.startswith("HS") else "swift-public.jwks.json"
    keys = [jwk for jwk in load(source)["keys"] if jwk["kid"] == kid]
    assert len(keys) == 1, f"no key {kid} in {source}"
    if not alg.startswith("HS"):
        assert "d" not in keys[0] and "p" not in keys[0], "public JWK leaks private members"
    return jwt.PyJWK(keys[0], algorithm=alg).key


def test_swift_verified_every_pyjwt_token():
    assert sorted(load("swift-verified.json")) == sorted(ALGORITHMS)


def test_public_jwks_has_only_asymmetric_keys():
    algs = sorted(jwk["alg"] for jwk in load("swift-public.jwks.json")["keys"])
    assert algs == sorted(["RS256", "PS256", "ES256", "EdDSA"])


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_pyjwt_verifies_swift_token(alg):
    entry = swift_token(alg)
    token, kid = entry["token"], entry["kid"]
    header = b64decode(token.split(".")[0])
    expected = json.dumps({"alg": alg, "typ": "JWT", "kid": kid}, separators=(",", ":"))
    assert header == expected.encode()
    claims = jwt.decode(
        token,
        verification_key(alg, kid),
        algorithms=[alg],
        audience="pyjwt",
        issuer="authlab",
        options={"require": ["exp", "iat", "nbf", "sub", "iss", "aud", "jti"]},
    )
    assert claims["sub"] == "swift-user"


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_pyjwt_rejects_tampered_swift_token(alg):
    token = swift_token(alg)["token"]
    head, payload, signature = token.split(".")
    forged = json.loads(b64decode(payload))
    forged["sub"] = "admin"
    body = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            f"{head}.{body}.{signature}",
            verification_key(alg, swift_token(alg)["kid"]),
            algorithms=[alg],
            audience="pyjwt",
            issuer="authlab",
        )
