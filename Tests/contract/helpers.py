"""Pure helpers of the contract suite: parsing headers, metrics and tokens,
forging JWTs, raw HTTP. No server process here (see conftest.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import re
import secrets
import socket
import time
from dataclasses import dataclass, field

_names = itertools.count(1)

# Words that would betray an internal detail in an error text.
LEAKS = (".swift", "/work/", "/tmp/", "/home/", "/usr/", "Fatal error", "SELECT ", "INSERT ",
         "UPDATE ", "DELETE FROM", "Traceback", "sqlite3_", "EVP_", "0x7f")


def new_username(prefix: str = "u") -> str:
    """A fresh valid username: 3-32 of [a-z0-9_.-]."""
    return f"{prefix}{next(_names)}_{secrets.token_hex(4)}"[:32]


def new_password() -> str:
    return "pw-" + secrets.token_urlsafe(12)


# -- base64url and tokens ---------------------------------------------------------

def b64u(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64u_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64u_json(obj) -> str:
    return b64u(json.dumps(obj, separators=(",", ":")).encode())


def token_parts(token: str) -> tuple[dict, dict, bytes]:
    """(header, payload, signature bytes) of a compact JWS, without verifying."""
    h, p, s = token.split(".")
    return json.loads(b64u_decode(h)), json.loads(b64u_decode(p)), b64u_decode(s)


_HS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def forge_hs(claims: dict, key: bytes, alg: str = "HS256", kid: str | None = None,
             header: dict | None = None) -> str:
    """A JWS signed with HMAC by hand (works for any key bytes, PEM included)."""
    hdr = {"alg": alg, "typ": "JWT"}
    if kid is not None:
        hdr["kid"] = kid
    if header:
        hdr.update(header)
    signing_input = f"{b64u_json(hdr)}.{b64u_json(claims)}"
    sig = hmac.new(key, signing_input.encode(), _HS[alg]).digest()
    return f"{signing_input}.{b64u(sig)}"


def forge_none(claims: dict, kid: str | None = None, alg: str = "none") -> str:
    hdr = {"alg": alg, "typ": "JWT"}
    if kid is not None:
        hdr["kid"] = kid
    return f"{b64u_json(hdr)}.{b64u_json(claims)}."


def claims_for(account, iss: str, aud, ttl: int = 300, overrides: dict | None = None) -> dict:
    """Claims like the server's own, for `account`, with overrides (None deletes)."""
    now = int(time.time())
    claims = {"iss": iss, "aud": aud, "sub": str(account.id), "name": account.username,
              "iat": now, "nbf": now, "exp": now + ttl, "jti": secrets.token_urlsafe(16)}
    for key, value in (overrides or {}).items():
        if value is None:
            claims.pop(key, None)
        else:
            claims[key] = value
    return claims


# -- keys ---------------------------------------------------------------------------

def hs_jwk(kid: str, alg: str = "HS256", size: int | None = None) -> tuple[dict, bytes]:
    size = size or {"HS256": 32, "HS384": 48, "HS512": 64}[alg]
    key = secrets.token_bytes(size)
    return {"kty": "oct", "kid": kid, "alg": alg, "k": b64u(key)}, key


def asym_jwk(alg: str, kid: str):
    """(private JWK dict, cryptography private key) for RS256/PS256/ES256/EdDSA."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

    if alg in ("RS256", "PS256"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = RSAAlgorithm.to_jwk(key, as_dict=True)
    elif alg == "ES256":
        key = ec.generate_private_key(ec.SECP256R1())
        jwk = ECAlgorithm.to_jwk(key, as_dict=True)
    elif alg == "EdDSA":
        key = ed25519.Ed25519PrivateKey.generate()
        jwk = OKPAlgorithm.to_jwk(key, as_dict=True)
    else:
        raise ValueError(alg)
    jwk = dict(jwk)
    jwk.update({"kid": kid, "alg": alg})
    return jwk, key


def write_jwk_set(path, keys: list[dict]) -> None:
    path.write_text(json.dumps({"keys": keys}))


PRIVATE_JWK_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "k", "oth"}


# -- Set-Cookie -----------------------------------------------------------------------

@dataclass
class SetCookie:
    raw: str
    name: str
    value: str
    attrs: dict = field(default_factory=dict)  # lower-case name -> value (True for flags)


def set_cookies(response) -> list[SetCookie]:
    """Every Set-Cookie header of a `requests` response, parsed (not merged)."""
    out = []
    for raw in response.raw.headers.getlist("Set-Cookie"):
        parts = [p.strip() for p in raw.split(";")]
        name, _, value = parts[0].partition("=")
        attrs = {}
        for part in parts[1:]:
            if not part:
                continue
            key, eq, val = part.partition("=")
            attrs[key.strip().lower()] = val.strip() if eq else True
        out.append(SetCookie(raw, name.strip(), value.strip(), attrs))
    return out


# -- Server-Timing ------------------------------------------------------------------------

def parse_server_timing(value: str) -> dict[str, dict[str, str]]:
    """`auth;dur=1.2;desc="x", db;dur=0` -> {"auth": {"dur": "1.2", "desc": "x"}, ...}."""
    metrics: dict[str, dict[str, str]] = {}
    i, n = 0, len(value)

    def skip_ws():
        nonlocal i
        while i < n and value[i] in " \t":
            i += 1

    def read_token():
        nonlocal i
        start = i
        while i < n and value[i] not in ";,= \t\"":
            i += 1
        return value[start:i]

    while i < n:
        skip_ws()
        name = read_token()
        params: dict[str, str] = {}
        skip_ws()
        while i < n and value[i] == ";":
            i += 1
            skip_ws()
            key = read_token().lower()
            skip_ws()
            val = ""
            if i < n and value[i] == "=":
                i += 1
                skip_ws()
                if i < n and value[i] == '"':
                    i += 1
                    chars = []
                    while i < n and value[i] != '"':
                        if value[i] == "\\" and i + 1 < n:
                            i += 1
                        chars.append(value[i])
                        i += 1
                    i += 1
                    val = "".join(chars)
                else:
                    val = read_token()
            params[key] = val
            skip_ws()
        if name:
            metrics[name] = params
        skip_ws()
        if i < n and value[i] == ",":
            i += 1
        elif i < n:
            raise ValueError(f"bad Server-Timing at {i}: {value!r}")
    return metrics


def timing_durations(value: str) -> dict[str, float]:
    return {name: float(p["dur"]) for name, p in parse_server_timing(value).items() if "dur" in p}


def check_server_timing(value: str | None, what: str) -> dict[str, dict[str, str]]:
    """The rule of API.md: `auth;dur=` and `db;dur=` (ms), each with a `desc`."""
    assert value, f"{what}: no Server-Timing header"
    metrics = parse_server_timing(value)
    for name in ("auth", "db"):
        assert name in metrics, f"{what}: Server-Timing {value!r} lacks {name}"
        dur = metrics[name].get("dur")
        assert dur is not None and re.fullmatch(r"\d+(\.\d+)?", dur), \
            f"{what}: Server-Timing {name} dur is {dur!r} in {value!r}"
        assert metrics[name].get("desc"), f"{what}: Server-Timing {name} has no desc: {value!r}"
    return metrics


def check_error_body(status: int, content_type: str, body: bytes, what: str) -> dict:
    assert content_type.lower().startswith("application/json"), \
        f"{what}: error {status} has Content-Type {content_type!r}, not JSON: {body[:200]!r}"
    data = json.loads(body)
    assert isinstance(data, dict) and set(data) == {"error", "error_description"}, \
        f"{what}: error body is not {{error, error_description}}: {data!r}"
    assert isinstance(data["error"], str) and re.fullmatch(r"[a-z][a-z0-9_]*", data["error"]), data
    assert isinstance(data["error_description"], str) and data["error_description"], data
    for leak in LEAKS:
        assert leak not in data["error_description"], f"{what}: error text leaks {leak!r}: {data}"
    return data


def check_response(r) -> None:
    """The rules of API.md that every response obeys; used as a `requests` hook."""
    path = r.request.path_url.split("?")[0]
    what = f"{r.request.method} {r.request.path_url} -> {r.status_code}"
    check_server_timing(r.headers.get("Server-Timing"), what)
    content_type = r.headers.get("Content-Type", "")
    if r.status_code >= 400:
        check_error_body(r.status_code, content_type, r.content, what)
    elif r.status_code == 204:
        assert r.content == b"", f"{what}: 204 with a body {r.content[:100]!r}"
    elif r.content and path not in ("/", "/metrics"):
        assert content_type.lower().startswith("application/json"), f"{what}: {content_type!r}"
        json.loads(r.content)
    if path.startswith("/session/"):
        assert r.headers.get("Access-Control-Allow-Origin") != "*", \
            f"{what}: Access-Control-Allow-Origin * on a cookie route"


def error_of(r) -> str:
    return r.json()["error"]


# -- WWW-Authenticate -------------------------------------------------------------------------

def parse_www_authenticate(value: str) -> tuple[str, dict[str, str]]:
    """`Bearer realm="x", error="y"` -> ("Bearer", {"realm": "x", "error": "y"})."""
    scheme, _, rest = value.strip().partition(" ")
    params = {}
    for m in re.finditer(r'\s*([A-Za-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)', rest):
        params[m.group(1).lower()] = re.sub(r"\\(.)", r"\1", m.group(2))
    return scheme, params


# -- Prometheus text ----------------------------------------------------------------------------

_SAMPLE = re.compile(
    r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?'
    r" (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)( -?\d+)?$")
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text: str) -> dict:
    """{"samples": [(name, {labels}, value)], "types": {family: type}}; strict lines."""
    samples, types = [], {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 4 and parts[1] == "TYPE":
                types[parts[2]] = parts[3].strip()
            continue
        m = _SAMPLE.match(line)
        assert m, f"not a Prometheus sample line: {line!r}"
        labels = dict(_LABEL.findall(m.group(2) or ""))
        samples.append((m.group(1), labels, float(m.group(3))))
    return {"samples": samples, "types": types}


def metric_sum(metrics: dict, name_pattern: str, **labels) -> float:
    """Sum of samples whose name matches the regex and whose labels include `labels`."""
    total = 0.0
    for name, sample_labels, value in metrics["samples"]:
        if re.search(name_pattern, name) and all(sample_labels.get(k) == v for k, v in labels.items()):
            total += value
    return total


# -- raw HTTP -------------------------------------------------------------------------------------

@dataclass
class RawResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def _complete(data: bytes) -> bool:
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    head = data[:end].decode("latin-1").lower()
    m = re.search(r"\r\ncontent-length:\s*(\d+)", head)
    if m:
        return len(data) >= end + 4 + int(m.group(1))
    if "transfer-encoding: chunked" in head:
        return data.endswith(b"0\r\n\r\n")
    return False


def raw_http(port: int, data: bytes | list[bytes], timeout: float = 10.0,
             allow_silence: bool = False) -> RawResponse | None:
    """Sends bytes as they are (even malformed) and parses the one response.

    Tolerates the server closing early (413/431 may be answered before the
    client has finished sending). With `allow_silence`, a connection closed
    without any response gives None."""
    chunks = data if isinstance(data, list) else [data]
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    received = b""
    try:
        try:
            for chunk in chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            while not _complete(received):
                part = sock.recv(65536)
                if not part:
                    break
                received += part
        except (ConnectionResetError, socket.timeout):
            pass
    finally:
        sock.close()
    if not received and allow_silence:
        return None
    assert received, "the server closed the connection without any response"
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert re.match(r"HTTP/1\.[01] \d{3}", lines[0]), f"not an HTTP/1.x status line: {lines[0]!r}"
    status = int(lines[0].split()[1])
    headers = []
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers.append((key.strip(), value.strip()))
    return RawResponse(status, headers, body)
