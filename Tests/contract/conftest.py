"""Fixtures of the live contract suite (see authlab_server.py for the process)."""

import secrets

import pytest

from authlab_server import Account, Server, ServerFactory
from helpers import hs_jwk, write_jwk_set

__all__ = ["Account", "Server"]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Server:
    """The shared server with default settings (fast Argon2; client throttle out of the way)."""
    factory = ServerFactory(tmp_path_factory.mktemp("shared"))
    srv = factory("--throttle-client", "1000000", name="shared")
    yield srv
    problems = factory.stop_all()
    assert not problems, "\n".join(problems)


@pytest.fixture
def start_server(tmp_path):
    """`start_server(*flags, env=, db=, fast_argon2=)` starts a dedicated server."""
    factory = ServerFactory(tmp_path)
    yield factory
    problems = factory.stop_all()
    assert not problems, "\n".join(problems)


@pytest.fixture
def account(server) -> Account:
    return server.register()


@pytest.fixture
def hs256_keyfile(tmp_path):
    """A JWK Set with one random HS256 key (made at test time, never committed).

    Returns (path, kid, key bytes): with the key the tests forge tokens the
    server must judge on their claims alone.
    """
    kid = "test-" + secrets.token_hex(4)
    jwk, key = hs_jwk(kid, "HS256")
    path = tmp_path / "keys.json"
    write_jwk_set(path, [jwk])
    return path, kid, key


@pytest.fixture(scope="module")
def module_servers(tmp_path_factory):
    """A factory whose servers live for the whole test module."""
    factory = ServerFactory(tmp_path_factory.mktemp("module"))
    yield factory
    problems = factory.stop_all()
    assert not problems, "\n".join(problems)
