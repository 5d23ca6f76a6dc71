"""`authlab jwt`: keygen, encode, decode, verify, and interop with PyJWT both ways."""

import json
import time

import jwt as pyjwt
import pytest

ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "EdDSA"]


def keygen(authlab, tmp_path, alg, kid="k1"):
    result = authlab("jwt", "keygen", "--alg", alg, "--kid", kid, check=0)
    path = tmp_path / f"{alg}.json"
    path.write_text(result.stdout)
    return path, json.loads(result.stdout)["keys"][0]


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_keygen_binds_kid_and_alg(authlab, tmp_path, alg):
    _, jwk = keygen(authlab, tmp_path, alg)
    assert jwk["kid"] == "k1" and jwk["alg"] == alg
    assert {"oct": "k", "RSA": "d", "EC": "d", "OKP": "d"}[jwk["kty"]] in jwk


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_tokens_made_here_verify_in_pyjwt(authlab, tmp_path, alg):
    path, jwk = keygen(authlab, tmp_path, alg)
    claims = json.dumps({"sub": "7", "name": "alice", "aud": "authlab", "iss": "authlab"})
    token = authlab("jwt", "encode", "--key-file", str(path), "--claims", claims, "-q", check=0)
    token = token.stdout.strip()
    key = pyjwt.PyJWK(jwk).key
    verifying_key = key.public_key() if hasattr(key, "public_key") else key
    decoded = pyjwt.decode(token, verifying_key, algorithms=[alg], audience="authlab", issuer="authlab")
    assert decoded["sub"] == "7" and decoded["exp"] - decoded["iat"] == 900
    assert pyjwt.get_unverified_header(token) == {"alg": alg, "typ": "JWT", "kid": "k1"}


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_pyjwt_tokens_verify_here(authlab, tmp_path, alg):
    path, jwk = keygen(authlab, tmp_path, alg)
    now = int(time.time())
    claims = {"sub": "9", "aud": "authlab", "iat": now, "exp": now + 60}
    token = pyjwt.encode(claims, pyjwt.PyJWK(jwk).key, algorithm=alg, headers={"kid": "k1"})
    result = authlab("jwt", "verify", "--key-file", str(path), "--aud", "authlab", "--json", token)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["valid"] is True
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    result = authlab("jwt", "verify", "--key-file", str(path), "--aud", "authlab", "--json", tampered)
    assert result.returncode == 1
    assert json.loads(result.stdout)["code"] in ("bad_signature", "malformed")


def test_verify_explains_each_step_and_exits_1_on_expiry(authlab, tmp_path):
    path, _ = keygen(authlab, tmp_path, "HS256")
    token = authlab("jwt", "encode", "--key-file", str(path), "--claims", '{"sub":"1"}',
                    "--now", "1000", "--ttl", "60", "-q", check=0).stdout.strip()
    ok = authlab("jwt", "verify", "--key-file", str(path), "--now", "1030", token, check=0)
    assert "VALID" in ok.stdout and "FAIL" not in ok.stdout
    late = authlab("jwt", "verify", "--key-file", str(path), "--now", "2000", "--leeway", "0", token, check=1)
    assert "FAIL  claims" in late.stdout and "INVALID (expired)" in late.stdout


def test_verify_refuses_alg_none(authlab, tmp_path):
    path, _ = keygen(authlab, tmp_path, "HS256")
    token = pyjwt.encode({"sub": "1", "exp": int(time.time()) + 60}, None, algorithm="none",
                         headers={"kid": "k1"})
    result = authlab("jwt", "verify", "--key-file", str(path), "--json", token, check=1)
    assert json.loads(result.stdout)["code"] == "alg_not_allowed"


def test_decode_says_not_verified_and_reads_stdin(authlab, tmp_path):
    path, _ = keygen(authlab, tmp_path, "ES256")
    token = authlab("jwt", "encode", "--key-file", str(path), "-q", check=0).stdout
    result = authlab("jwt", "decode", "-", stdin=token, check=0)
    assert result.stdout.startswith("NOT VERIFIED")
    assert '"alg":"ES256"' in result.stdout and "64 bytes" in result.stdout
    anatomy = json.loads(authlab("jwt", "decode", "--json", token.strip(), check=0).stdout)
    assert anatomy["header"]["json"]["kid"] == "k1"
    assert anatomy["signing_input"] == ".".join(token.strip().split(".")[:2])


def test_decode_rejects_non_jwt(authlab):
    result = authlab("jwt", "decode", "not-a-token", check=1)
    assert result.stderr.startswith("Error: ")


@pytest.mark.parametrize(
    "args, code",
    [
        (["jwt", "encode"], 64),
        (["jwt", "encode", "--key-file", "/nonexistent/keys.json"], 1),
        (["jwt", "keygen", "--alg", "none"], 64),
        (["jwt", "verify", "--key-file", "x", "--leeway", "soon", "t"], 64),
        (["jwt", "nope"], 64),
    ],
)
def test_usage_and_failure_exit_codes(authlab, args, code):
    result = authlab(*args, check=code)
    assert result.stderr.startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr and "Fatal" not in result.stderr


def test_short_hmac_secret_is_refused(authlab, tmp_path):
    path = tmp_path / "short.json"
    path.write_text(json.dumps({"keys": [{"kty": "oct", "kid": "s", "alg": "HS256", "k": "c2hvcnQ"}]}))
    result = authlab("jwt", "encode", "--key-file", str(path), check=1)
    assert "Error: " in result.stderr and "short" in result.stderr.lower()


@pytest.mark.parametrize("command", [[], ["serve"], ["jwt"], ["jwt", "encode"], ["jwt", "verify"],
                                     ["jwt", "decode"], ["jwt", "keygen"], ["seed"]])
def test_help_everywhere(authlab, command):
    result = authlab(*command, "--help", check=0)
    assert "USAGE:" in result.stdout and "OVERVIEW:" in result.stdout


def test_serve_help_shows_defaults_and_env(authlab):
    out = authlab("serve", "--help", check=0).stdout
    for fragment in ["127.0.0.1", "AUTHLAB_PORT", "8080", "AUTHLAB_JWT_DENYLIST", "--allowed-origin"]:
        assert fragment in out
