"""Writes argon2-cffi hashes and `cryptography` signatures for the Swift interop test.

Usage: python make_python_side.py DIR
"""

import base64
import sys
from pathlib import Path

from argon2 import PasswordHasher
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def argon2_rows() -> list[str]:
    cases = [
        (PasswordHasher(), "correct horse battery staple"),  # argon2-cffi defaults: t=3, m=64 MiB, p=4
        (PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1), "hunter2hunter2"),
        (PasswordHasher(time_cost=1, memory_cost=4096, parallelism=2, salt_len=32), "pässwörd ✓"),
    ]
    return [f"{pw.encode().hex()}\t{hasher.hash(pw)}" for hasher, pw in cases]


def signature_rows() -> list[str]:
    message = b"interop message from python " * 10
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ed_key = ed25519.Ed25519PrivateKey.generate()

    def pss(h):
        return padding.PSS(mgf=padding.MGF1(h), salt_length=padding.PSS.DIGEST_LENGTH)

    der = ec_key.sign(message, ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    signed = [
        ("RS256", rsa_key, rsa_key.sign(message, padding.PKCS1v15(), hashes.SHA256())),
        ("RS512", rsa_key, rsa_key.sign(message, padding.PKCS1v15(), hashes.SHA512())),
        ("PS256", rsa_key, rsa_key.sign(message, pss(hashes.SHA256()), hashes.SHA256())),
        ("PS384", rsa_key, rsa_key.sign(message, pss(hashes.SHA384()), hashes.SHA384())),
        ("ES256", ec_key, r.to_bytes(32, "big") + s.to_bytes(32, "big")),
        ("EdDSA", ed_key, ed_key.sign(message)),
    ]
    rows = []
    for name, key, signature in signed:
        pem = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        rows.append(f"{name}\t{b64url(pem)}\t{message.hex()}\t{b64url(signature)}")
    return rows


def main() -> None:
    directory = Path(sys.argv[1])
    (directory / "python-argon2.tsv").write_text("\n".join(argon2_rows()) + "\n")
    (directory / "python-signatures.tsv").write_text("\n".join(signature_rows()) + "\n")


if __name__ == "__main__":
    main()
