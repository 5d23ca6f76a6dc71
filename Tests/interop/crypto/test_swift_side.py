"""Checks, with argon2-cffi and `cryptography`, what the Swift interop test wrote.

Run by scripts/test.d/20-crypto-interop.sh with AUTHLAB_INTEROP_DIR set; a missing
file fails the tests (the Swift side must have run).
"""

import base64
import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

DIRECTORY = Path(os.environ["AUTHLAB_INTEROP_DIR"])
SCHEMES = {"RS256", "RS512", "PS256", "PS384", "ES256", "EdDSA"}


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rows(name: str, columns: int) -> list[list[str]]:
    path = DIRECTORY / name
    assert path.exists(), f"{name} is missing: the Swift interop test did not run"
    result = [line.split("\t") for line in path.read_text().splitlines() if line]
    assert result and all(len(row) == columns for row in result)
    return result


ARGON2 = rows("swift-argon2.tsv", 2)
SIGNATURES = rows("swift-signatures.tsv", 4)


@pytest.mark.parametrize("password_hex, phc", ARGON2)
def test_swift_argon2_hash_verifies_with_argon2_cffi(password_hex: str, phc: str) -> None:
    password = bytes.fromhex(password_hex)
    assert phc.startswith("$argon2id$v=19$m=")
    assert PasswordHasher().verify(phc, password)
    with pytest.raises(VerifyMismatchError):
        PasswordHasher().verify(phc, password + b"!")


def test_every_scheme_was_written() -> None:
    assert {row[0] for row in SIGNATURES} == SCHEMES


def verify(name: str, key, signature: bytes, message: bytes) -> None:
    hash_for = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}
    if name.startswith("RS"):
        key.verify(signature, message, padding.PKCS1v15(), hash_for[name[2:]])
    elif name.startswith("PS"):
        h = hash_for[name[2:]]
        pss = padding.PSS(mgf=padding.MGF1(h), salt_length=padding.PSS.DIGEST_LENGTH)
        key.verify(signature, message, pss, h)
    elif name == "ES256":
        assert len(signature) == 64
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        key.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
    else:
        key.verify(signature, message)


@pytest.mark.parametrize("name, pem, message_hex, signature", SIGNATURES)
def test_swift_signature_verifies_with_cryptography(
    name: str, pem: str, message_hex: str, signature: str
) -> None:
    key = serialization.load_pem_public_key(b64url_decode(pem))
    message = bytes.fromhex(message_hex)
    verify(name, key, b64url_decode(signature), message)
    with pytest.raises(InvalidSignature):
        verify(name, key, b64url_decode(signature), message + b"\x00")
