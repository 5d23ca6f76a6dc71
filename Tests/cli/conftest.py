"""Shared fixtures for the command-line tests: the authlab binary and a temp dir."""

import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def authlab():
    binary = os.environ.get("AUTHLAB_BIN")
    assert binary and os.access(binary, os.X_OK), "set AUTHLAB_BIN to the built authlab binary"

    def run(*args, stdin=None, check=None):
        result = subprocess.run(
            [binary, *args], input=stdin, capture_output=True, text=True, timeout=60
        )
        if check is not None:
            assert result.returncode == check, (result.returncode, result.stdout, result.stderr)
        return result

    return run
