"""Start-up failures: a clear `Error: ...` line, the right exit status, nothing else.

Every case runs `authlab serve` with one thing wrong and checks: exit 1 (runtime
failure) or 64 (usage), exactly one stderr line starting with `Error: ` that names
the problem, no crash or stack trace, no key material echoed, and no half-written
database left behind (a file that exists passes `PRAGMA integrity_check`; a file we
gave it is never rewritten).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from authlab_server import Server, binary

# RFC 7515 A.3: a published P-256 test key (never a real secret).
EC_P256 = {
    "kty": "EC", "crv": "P-256",
    "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    "d": "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI",
}
SHORT_SECRET = "AAECAwQFBgcICQoLDA0ODw"  # 16 bytes, base64url
CRASH_MARKERS = re.compile(
    r"Fatal error|Backtrace|Stack dump|Segmentation fault|core dumped|\.swift:\d+|"
    r"Assertion failed|Illegal instruction", re.IGNORECASE)


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # returns extra serve arguments
    status: int
    names: str  # regex the Error line must match (what a user needs to see)


def port_in_use(tmp: Path) -> list[str]:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port_in_use.holder = holder  # type: ignore[attr-defined]  # closed by the test
    return ["--port", str(holder.getsockname()[1]), "--db", str(tmp / "a.sqlite")]


def unwritable_dir(tmp: Path) -> list[str]:
    if os.geteuid() == 0:
        # root ignores mode bits; procfs refuses new files even to root.
        return ["--db", "/proc/self/authlab-test.sqlite"]
    locked = tmp / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return ["--db", str(locked / "a.sqlite")]


def file_as_dir(tmp: Path) -> list[str]:
    (tmp / "file").write_text("x")
    return ["--db", str(tmp / "file" / "a.sqlite")]


def corrupt_db(tmp: Path) -> list[str]:
    path = tmp / "corrupt.sqlite"
    path.write_bytes(bytes(range(256)) * 32)
    return ["--db", str(path)]


def key_file(tmp: Path, content: str) -> list[str]:
    path = tmp / "keys.json"
    path.write_text(content)
    return ["--db", str(tmp / "k.sqlite"), "--jwt-key-file", str(path)]


def ed25519_pem_as_rs256(tmp: Path) -> list[str]:
    path = tmp / "ed25519.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", str(path)],
                   check=True, capture_output=True)
    return ["--db", str(tmp / "k.sqlite"), "--jwt-key-file", str(path), "--jwt-alg", "RS256"]


CASES = [
    Case("port in use", port_in_use, 1, r"127\.0\.0\.1:\d{2,5}.*in use"),
    Case("database directory does not exist",
         lambda t: ["--db", str(t / "missing" / "dir" / "a.sqlite")], 1,
         r"(?i)cannot open database.*directory exists"),
    Case("database directory is a file", file_as_dir, 1, r"(?i)cannot open database"),
    Case("database directory not writable", unwritable_dir, 1, r"(?i)cannot open database"),
    Case("database file is garbage", corrupt_db, 1, r"(?i)not a database"),
    Case("key file missing",
         lambda t: ["--db", str(t / "k.sqlite"), "--jwt-key-file", str(t / "nope.json")], 1,
         r"(?i)cannot read the key file"),
    Case("key file is not JSON", lambda t: key_file(t, "{not json"), 1,
         r"(?i)JWK Set is not valid JSON"),
    Case("key file is JSON but not a JWK Set", lambda t: key_file(t, '{"kty":"oct"}'), 1,
         r"(?i)JWK Set must be an object with a keys array"),
    Case("HMAC secret of 16 bytes",
         lambda t: key_file(t, json.dumps({"keys": [
             {"kty": "oct", "kid": "k1", "alg": "HS256", "k": SHORT_SECRET}]})), 1,
         r"(?i)HS256.*at least 32 bytes"),
    Case("EC key with alg RS256",
         lambda t: key_file(t, json.dumps({"keys": [
             {**EC_P256, "kid": "e1", "alg": "RS256"}]})), 1,
         r"(?i)RS256.*kty RSA"),
    Case("PEM file as an HS256 secret",
         lambda t: key_file(t, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
         1, r"HS256 needs a random secret, not a PEM key"),
    Case("PEM file that is not a key (RS256)",
         lambda t: [*key_file(t, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                    "--jwt-alg", "RS256"],
         1, r"PEM private key could not be read"),
    Case("Ed25519 PEM key with --jwt-alg RS256", ed25519_pem_as_rs256, 1,
         r"RS256 needs an? RSA key"),
    Case("port out of range", lambda t: ["--port", "70000"], 64, r"--port.*0 to 65535"),
    Case("unknown option", lambda t: ["--bogus"], 64, r"unknown option '--bogus'"),
    Case("alg none", lambda t: ["--jwt-alg", "none"], 64, r"--jwt-alg must be one of"),
    Case("allowed origin *", lambda t: ["--allowed-origin", "*"], 64, r"never '\*'"),
]

# Known server problems, reported to the lead: the test xfails while it sees them and
# passes once they are fixed.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_startup_error_is_one_clear_line(case: Case, tmp_path: Path) -> None:
    args = case.make(tmp_path)
    given = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    began = time.monotonic()
    try:
        result = subprocess.run([binary(), "serve", "--no-access-log", *args],
                                capture_output=True, text=True, timeout=20, check=False)
    finally:
        holder = getattr(port_in_use, "holder", None)
        if holder is not None:
            holder.close()
            port_in_use.holder = None  # type: ignore[attr-defined]
    elapsed = time.monotonic() - began
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    print(f"\n{case.name}: exit {result.returncode} in {elapsed * 1000:.0f} ms; "
          f"{errors[0] if errors else result.stderr.strip()!r}")
    assert result.returncode == case.status, result.stderr
    assert result.stdout == ""
    assert len(errors) == 1, result.stderr
    assert not CRASH_MARKERS.search(result.stderr), result.stderr
    assert SHORT_SECRET not in result.stderr and EC_P256["d"] not in result.stderr
    for path, content in given.items():
        assert path.read_bytes() == content, f"{path.name} was rewritten"
    for db in tmp_path.rglob("*.sqlite"):
        if db not in given:
            check = subprocess.run(["sqlite3", str(db), "PRAGMA integrity_check;"],
                                   capture_output=True, text=True, check=False)
            assert check.stdout.strip() == "ok", f"{db.name}: {check.stdout}{check.stderr}"
    if case.name in KNOWN and not re.search(case.names, errors[0]):
        pytest.xfail(KNOWN[case.name])
    assert re.search(case.names, errors[0]), errors[0]


def test_sigterm_stops_gracefully(tmp_path: Path) -> None:
    """SIGTERM: stop accepting, finish in-flight requests, close the database, exit 0."""
    server = Server(tmp_path / "a.sqlite", log_path=tmp_path / "log").start()
    server.proc.send_signal(signal.SIGTERM)  # type: ignore[union-attr]
    code = server.proc.wait(timeout=20)  # type: ignore[union-attr]
    log = server.log_text()
    assert code == 0, log
    assert "authlab stopped" in log
