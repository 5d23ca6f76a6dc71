"""Shared fixtures of the reliability tests: a running authlab server on loopback.

The helpers live in scripts/reliability/authlab_server.py (also used by scripts/soak);
AUTHLAB_BIN names the binary (scripts/test.d/70-reliability.sh sets the debug build).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "reliability"))

from authlab_server import FAST_ARGON2, Server  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server per test module, with fast Argon2 and a lenient login throttle."""
    work = tmp_path_factory.mktemp("server")
    srv = Server(work / "authlab.sqlite",
                 [*FAST_ARGON2, "--throttle-client", "100000", "--throttle-username", "100000"])
    srv.start()
    yield srv
    srv.stop()
