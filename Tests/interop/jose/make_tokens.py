"""PyJWT side of the JOSE interop stage, step 1: keys and PyJWT-made tokens.

Usage: make_tokens.py DIR

Writes into DIR:
  keys.jwks.json      one private JWK per algorithm (kid, alg), made with `cryptography`
                      and exported by PyJWT: Swift imports this as its key ring.
  pyjwt-tokens.json   [{"alg", "kid", "token"}]: a PyJWT token per algorithm for Swift to verify.
  expected.json       the claims PyJWT signed and the list of algorithms.
"""

import json
import secrets
import sys
import time
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, HMACAlgorithm, OKPAlgorithm, RSAAlgorithm

ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "EdDSA"]
PYJWT_ISSUER = "pyjwt-issuer"
SWIFT_AUDIENCE = "authlab"


def make_key(alg):
    """A fresh key for `alg` and its private JWK (a dict) as PyJWT exports it."""
    if alg.startswith("HS"):
        secret = secrets.token_bytes({"HS256": 32, "HS384": 48, "HS512": 64}[alg])
        return secret, HMACAlgorithm.to_jwk(secret, as_dict=True)
    if alg in ("RS256", "PS256"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return key, RSAAlgorithm.to_jwk(key, as_dict=True)
    if alg == "ES256":
        key = ec.generate_private_key(ec.SECP256R1())
        return key, ECAlgorithm.to_jwk(key, as_dict=True)
    key = ed25519.Ed25519PrivateKey.generate()
    return key, OKPAlgorithm.to_jwk(key, as_dict=True)


def main(directory):
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    claims = {
        "iss": PYJWT_ISSUER,
        "aud": SWIFT_AUDIENCE,
        "sub": "py-user-7",
        "name": "pyjwt",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "jti": secrets.token_urlsafe(12),
    }
    jwks, tokens = [], []
    for alg in ALGORITHMS:
        key, jwk = make_key(alg)
        kid = "py-" + alg.lower()
        jwk.update({"kid": kid, "alg": alg})
        jwks.append(jwk)
        token = jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})
        tokens.append({"alg": alg, "kid": kid, "token": token})
    (out / "keys.jwks.json").write_text(json.dumps({"keys": jwks}, indent=2))
    (out / "pyjwt-tokens.json").write_text(json.dumps(tokens, indent=2))
    (out / "expected.json").write_text(
        json.dumps({"claims": claims, "algorithms": ALGORITHMS}, indent=2))
    print(f"wrote {len(jwks)} keys and {len(tokens)} PyJWT tokens to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_tokens.py DIR")
    main(sys.argv[1])
