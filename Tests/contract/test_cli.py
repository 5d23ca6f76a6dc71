"""API.md "Command line": `authlab serve` flags, AUTHLAB_* variables, refusals."""

import subprocess

import pytest

from authlab_server import authlab_binary, clean_environment
from helpers import hs_jwk, set_cookies, write_jwk_set

SERVE_FLAGS = [
    "--host", "--port", "--db", "--threads", "--jwt-alg", "--jwt-key-file", "--access-ttl",
    "--refresh-ttl", "--session-ttl", "--session-idle-ttl", "--session-touch", "--leeway",
    "--allowed-origin", "--secure-cookies", "--jwt-denylist", "--argon2-memory",
    "--argon2-iterations", "--argon2-parallelism", "--hash-workers", "--hash-queue",
    "--throttle-username", "--throttle-client", "--throttle-window", "--no-access-log",
    "--purge-interval",
]


def run(*args, env=None, timeout=20):
    return subprocess.run([authlab_binary(), *map(str, args)], capture_output=True, text=True,
                          env=clean_environment(env), timeout=timeout, stdin=subprocess.DEVNULL)


def test_serve_help_lists_every_flag_and_its_variable():
    out = run("serve", "--help")
    assert out.returncode == 0, out.stderr
    text = out.stdout + out.stderr
    for flag in SERVE_FLAGS:
        assert flag in text, f"{flag} missing from `authlab serve --help`"
        variable = "AUTHLAB_" + flag[2:].upper().replace("-", "_")
        if flag != "--no-access-log":
            assert variable in text, f"{variable} missing from `authlab serve --help`"


def test_top_level_help():
    out = run("--help")
    assert out.returncode == 0
    text = out.stdout + out.stderr
    for command in ("serve", "jwt", "seed"):
        assert command in text


def test_unknown_flag_is_a_usage_error(tmp_path):
    out = run("serve", "--db", tmp_path / "x.sqlite", "--no-such-flag")
    assert out.returncode == 64, (out.returncode, out.stderr)
    assert "--no-such-flag" in out.stderr


@pytest.mark.parametrize("flags", [
    ["--port", "70000"], ["--port", "abc"], ["--jwt-alg", "none"], ["--jwt-alg", "HS1"],
    ["--allowed-origin", "*"], ["--leeway", "-1"], ["--access-ttl", "0"],
    ["--session-ttl", "-5"], ["--argon2-memory", "1"], ["--threads", "x"],
])
def test_invalid_values_are_refused(tmp_path, flags):
    out = run("serve", "--port", "0", "--db", tmp_path / "x.sqlite", *flags)
    assert out.returncode != 0, (flags, out.stdout, out.stderr)
    assert "listening" not in out.stderr
    assert "Fatal error" not in out.stderr and "Stack" not in out.stderr
    assert out.stderr.strip(), "refused without saying why"


def test_bad_key_files_are_refused_without_leaking(tmp_path):
    short_jwk, key = hs_jwk("short", "HS256", size=8)  # 64 bits: under the 256 the contract asks
    short = tmp_path / "short.json"
    write_jwk_set(short, [short_jwk])
    not_json = tmp_path / "bad.json"
    not_json.write_text('{"keys": [')
    for path in (short, not_json, tmp_path / "missing.json"):
        out = run("serve", "--port", "0", "--db", tmp_path / "x.sqlite", "--jwt-key-file", path)
        assert out.returncode != 0, (path.name, out.stderr)
        assert "listening" not in out.stderr
        assert short_jwk["k"] not in out.stderr + out.stdout


def test_environment_variables_and_flag_precedence(start_server):
    srv = start_server(env={"AUTHLAB_SESSION_TTL": "77", "AUTHLAB_ACCESS_TTL": "120"})
    account = srv.register()
    (cookie,) = [c for c in set_cookies(srv.session_login(account).response) if c.name == "sid"]
    assert cookie.attrs.get("max-age") == "77"
    assert srv.jwt_login(account)["expires_in"] == 120

    srv2 = start_server("--session-ttl", "88", env={"AUTHLAB_SESSION_TTL": "77"})
    account = srv2.register()
    (cookie,) = [c for c in set_cookies(srv2.session_login(account).response) if c.name == "sid"]
    assert cookie.attrs.get("max-age") == "88", "a flag must win over its AUTHLAB_* variable"


def test_allowed_origin_from_the_environment(start_server):
    srv = start_server(env={"AUTHLAB_ALLOWED_ORIGIN": "http://env.example"})
    r = srv.get("/session/me", headers={"Origin": "http://env.example"})
    assert r.headers.get("Access-Control-Allow-Origin") == "http://env.example"
