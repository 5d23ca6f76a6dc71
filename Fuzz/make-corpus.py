#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (Fuzz/Corpus/<target>/).

Run from anywhere: `python3 Fuzz/make-corpus.py`. Standard library only. Seeds come from
the RFC test vectors in Tests/AuthLabJOSETests/Fixtures, the public test keys in
Tests/AuthLabCryptoTests/Fixtures, and hand-written attack cases. The fuzz runs never write
here (scripts/fuzz works on a temporary copy): rerun this script to change the seeds.
"""
import base64
import hashlib
import hmac
import json
import pathlib
import shutil

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
JOSE = ROOT / "Tests/AuthLabJOSETests/Fixtures"
CRYPTO = ROOT / "Tests/AuthLabCryptoTests/Fixtures"
NOW = 1_300_819_000  # TokenKeys.now in the token target

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def fixture(name: str) -> dict:
    return json.loads((JOSE / name).read_text())

def compact(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()

HS_SECRET = base64.urlsafe_b64decode(fixture("rfc7515-a1.json")["jwk"]["k"] + "==")

def hs256(header: bytes, payload: bytes, secret: bytes = HS_SECRET) -> bytes:
    signing_input = f"{b64(header)}.{b64(payload)}".encode()
    tag = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return signing_input + b"." + b64(tag).encode()

def claims(**extra) -> bytes:
    base = {"sub": "1", "name": "alice", "iat": NOW - 10, "exp": NOW + 600, "jti": "j1"}
    base.update(extra)
    return compact({k: v for k, v in base.items() if v is not None})

def write(target: str, seeds: dict) -> None:
    directory = FUZZ / "Corpus" / target
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for name, data in seeds.items():
        (directory / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    print(f"{target}: {len(seeds)} seeds")

def token_seeds() -> dict:
    # First byte: high nibble = verifier (0 ring, 1 ring strict, 2 HS, 3 ES, 4 EdDSA alone),
    # low nibble < 8 = raw token, 8/9/10 = header \0 payload signed by HS256/ES256/EdDSA.
    raw = lambda v, token: bytes([v << 4]) + (token.encode() if isinstance(token, str) else token)
    signed = lambda v, key, header, payload: (
        bytes([(v << 4) | (8 + key)]) + compact(header) + b"\0" + payload)
    hs = {"alg": "HS256", "typ": "JWT", "kid": "hs"}
    ec_public = (CRYPTO / "test-ec-p256-public.pem").read_bytes()
    seeds = {
        "raw-rfc7515-a1-hs256": raw(2, fixture("rfc7515-a1.json")["token"]),
        "raw-rfc7515-a2-rs256": raw(0, fixture("rfc7515-a2.json")["token"]),
        "raw-rfc7515-a3-es256": raw(3, fixture("rfc7515-a3.json")["token"]),
        "raw-rfc7515-a4-es512": raw(0, fixture("rfc7515-a4.json")["token"]),
        "raw-rfc7515-a5-alg-none": raw(0, fixture("rfc7515-a5.json")["token"]),
        "raw-rfc7520-4.4-kid": raw(0, fixture("rfc7520-4.4.json")["token"]),
        "raw-rfc8037-eddsa": raw(4, fixture("rfc8037-a4.json")["token"]),
        "raw-valid-hs256": raw(0, hs256(compact(hs), claims())),
        "raw-valid-strict": raw(1, hs256(compact(hs), claims(iss="joe", aud=["x", "authlab"]))),
        "raw-expired": raw(0, hs256(compact(hs), claims(exp=NOW - 3600))),
        "raw-alg-none-kid": raw(0, f"{b64(compact({'alg': 'none', 'kid': 'hs'}))}.{b64(claims())}."),
        "raw-alg-None-case": raw(2, f"{b64(compact({'alg': 'None'}))}.{b64(claims())}."),
        "raw-alg-confusion-pem-secret": raw(
            0, hs256(compact({"alg": "HS256", "kid": "ec"}), claims(), ec_public)),
        "raw-bad-signature": raw(0, hs256(compact(hs), claims())[:-2] + b"AA"),
        "raw-four-segments": raw(0, hs256(compact(hs), claims()) + b".e30"),
        "raw-padding": raw(0, hs256(compact(hs), claims()) + b"=="),
        "raw-too-large": raw(0, hs256(compact(hs), claims(pad="x" * 6200))),
        "raw-empty": raw(0, b""),
        "raw-dots": raw(0, b".."),
        "signed-hs256-valid": signed(0, 0, hs, claims()),
        "signed-hs256-strict": signed(1, 0, hs, claims(iss="joe", aud="authlab")),
        "signed-es256-alone": signed(3, 1, {"alg": "ES256"}, claims(sub=None)),
        "signed-eddsa-kid": signed(0, 2, {"alg": "EdDSA", "kid": "ed"}, claims()),
        "signed-crit": signed(0, 0, {**hs, "crit": ["exp"], "exp": 1}, claims()),
        "signed-jwk-header": signed(0, 0, {**hs, "jwk": {"kty": "oct", "k": "AA"}}, claims()),
        "signed-jku-x5u": signed(0, 0, {**hs, "jku": "https://x", "x5u": "https://y"}, claims()),
        "signed-alg-mismatch": signed(0, 0, {"alg": "ES256", "kid": "hs"}, claims()),
        "signed-no-kid": signed(0, 0, {"alg": "HS256"}, claims()),
        "signed-dup-header-key": (bytes([0x08]) + b'{"alg":"HS256","kid":"hs","kid":"ec"}\0'
                                  + claims()),
        "signed-nbf-future": signed(0, 0, hs, claims(nbf=NOW + 3600)),
        "signed-iat-future": signed(0, 0, hs, claims(iat=NOW + 3600)),
        "signed-exp-float": signed(0, 0, hs, claims(exp=1e10)),
        "signed-exp-string": signed(0, 0, hs, claims(exp="1300819380")),
        "signed-aud-mixed": signed(1, 0, hs, claims(iss="joe", aud=["authlab", 7])),
        "signed-payload-array": signed(0, 0, hs, b"[1,2,3]"),
        "signed-payload-deep": signed(0, 0, hs, b'{"a":' * 20 + b"1" + b"}" * 20),
        "signed-payload-nul-escape": signed(0, 0, hs, b'{"sub":"a\\u0000b"}'),
        "signed-huge-number": signed(0, 0, hs, b'{"sub":"1","exp":1e400}'),
    }
    return seeds

def jwk_seeds() -> dict:
    a1, a2, a3 = (fixture(f"rfc7515-a{i}.json")["jwk"] for i in (1, 2, 3))
    ed = fixture("rfc8037-a4.json")["jwk"]
    rsa_public = fixture("rfc7638-3.1.json")["jwk"]
    hs = {**a1, "alg": "HS256", "kid": "hs"}
    rs = {**a2, "alg": "RS256", "kid": "rs"}
    es = {**a3, "alg": "ES256", "kid": "es", "use": "sig"}
    eddsa = {**ed, "alg": "EdDSA"}
    public = lambda jwk: {k: v for k, v in jwk.items() if k not in ("d", "p", "q", "dp", "dq", "qi")}
    seeds = {
        "jwk-hs256": compact(hs),
        "jwk-rs256-private": compact(rs),
        "jwk-ps256-public": compact({**public(a2), "alg": "PS256"}),
        "jwk-rfc7638-rsa-public": compact(rsa_public),
        "jwk-es256-private": compact(es),
        "jwk-es256-public": compact(public(es)),
        "jwk-eddsa-private": compact(eddsa),
        "jwk-eddsa-public": compact(public(eddsa)),
        "set-three": compact({"keys": [hs, public(es), eddsa]}),
        "set-rsa-and-ec": compact({"keys": [rs, es]}),
        "set-duplicate-kids": compact({"keys": [hs, {**es, "kid": "hs"}]}),
        "set-empty": b'{"keys":[]}',
        "set-not-array": b'{"keys":{}}',
        "jwk-no-alg": compact(a1),
        "jwk-alg-none": compact({**a1, "alg": "none"}),
        "jwk-kty-mismatch": compact({**a3, "alg": "RS256"}),
        "jwk-use-enc": compact({**es, "use": "enc"}),
        "jwk-hs256-short": compact({"kty": "oct", "alg": "HS256", "k": "c2hvcnQ"}),
        "jwk-hs512-short": compact({**hs, "alg": "HS512"}),
        "jwk-ec-off-curve": compact({**public(es), "y": a3["x"]}),
        "jwk-ec-p521": compact({**fixture("rfc7515-a4.json")["jwk"], "alg": "ES256"}),
        "jwk-ed-x-mismatch": compact({**eddsa, "x": b64(bytes(32))}),
        "jwk-ec-d-padded": compact({**es, "d": es["d"] + "A"}),
        "jwk-rsa-no-crt": compact({k: rs[k] for k in ("kty", "n", "e", "d", "alg")}),
        "jwk-kid-empty": compact({**hs, "kid": ""}),
        "jwk-dup-member": b'{"kty":"oct","alg":"HS256","k":"' + hs["k"].encode()
                          + b'","alg":"HS512"}',
    }
    return seeds

def pem_seeds() -> dict:
    seeds = {path.stem: path.read_bytes() for path in sorted(CRYPTO.glob("*.pem"))}
    ec = (CRYPTO / "test-ec-p256-private.pem").read_bytes()
    ed_public = (CRYPTO / "test-ed25519-public.pem").read_bytes()
    seeds.update({
        "crlf-ec-private": ec.replace(b"\n", b"\r\n"),
        "truncated-ec-private": ec[: len(ec) // 2],
        "two-blocks": ed_public + ec,
        "no-newlines": ec.replace(b"\n", b""),
        "wrong-label": ec.replace(b"PRIVATE KEY", b"PUBLIC KEY"),
        "empty-block": b"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
        "bad-base64": b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA!!!!\n-----END PUBLIC KEY-----\n",
    })
    return seeds

def json_seeds() -> dict:
    texts = {
        "login": '{"username":"alice","password":"wonderland"}',
        "nested": '{"a":[1,-2,3.5,1e3,-0,0.0,true,false,null],"b":{"c":{"d":[]}},"e":{}}',
        "unicode": '{"k":"caf\\u00e9 \\ud83d\\ude00 \u00e9\u6f22","\\"q\\"":"\\\\\\/\\b\\f\\n\\r\\t"}',
        "numbers": "[0,-0,9223372036854775807,-9223372036854775808,9223372036854775808,1.5e308,"
                   "5e-324,1E+2,1e-7,123456789012345678901234567890]",
        "number-overflow": "[1e400]",
        "lone-surrogate": '["\\ud800"]',
        "nul-escape": '["a\\u0000b"]',
        "duplicate-key": '{"a":1,"a":2}',
        "leading-zero": "[01]",
        "trailing-comma": "[1,]",
        "trailing-data": "{} {}",
        "deep": "[" * 40 + "]" * 40,
        "control-char": '["a\tb"]',
        "overlong-utf8": b'["\xc0\xaf"]',
        "bom": b'\xef\xbb\xbf{}',
        "whitespace": ' \t\r\n{ "a" : [ 1 , 2 ] }\n ',
        "string-only": '"just a string"',
        "empty": "",
        "jwt-claims": '{"sub":"1","name":"alice","iat":1300818990,"exp":1300819600,"aud":["a","b"]}',
        "jwk-set": '{"keys":[{"kty":"oct","alg":"HS256","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ"}]}',
        "exponent-forms": "[1e5,1E5,1e+5,1e-5,-1.0e-0,0.1,100000000000000000000.0]",
        "escaped-keys": '{"\\u0061":1,"b\\u0062":2}',
    }
    return {name: text if isinstance(text, bytes) else text.encode() for name, text in texts.items()}

def http_seeds() -> dict:
    lines = {
        "cookie-session": "sid=abc123; csrf=xyz",
        "cookie-duplicates": "sid=first; theme=dark;sid=second\nsid=\"third\"",
        "cookie-malformed": " ;novalue; =x; a=1=2 ;\tb = 3 ;",
        "cookie-quoted": 'a=""; b="x"; c="; d=" spaced "',
        "cookie-latin1": b"sid=caf\xe9; x=\xff\xfe",
        "cookie-utf8": "name=caf\u00e9; \u6f22=\u5b57",
        "bearer": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig",
        "bearer-case": "bEaReR   abc.def.ghi",
        "bearer-bad": "Bearer\nBearer \nBasic YWxpY2U6cGFzcw==\nBearer a b\nBearerabc",
        "targets": "/users/42?x=1\n/users/42/sessions\n/jwt/me\n/session/sessions/abc?",
        "targets-odd": "//users//42\n/users/\n?only=query\n/jwt/../users\n/%2e%2e/\n/session",
        "mixed": "sid=1\nBearer t\n/users/:id\n/metrics?format=prometheus",
    }
    return {name: text if isinstance(text, bytes) else text.encode() for name, text in lines.items()}

if __name__ == "__main__":
    write("token", token_seeds())
    write("jwk", jwk_seeds())
    write("pem", pem_seeds())
    write("json", json_seeds())
    write("http", http_seeds())
