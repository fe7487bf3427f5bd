"""Throwaway certificates for the demo's exchange (``python -m console exchange demo-pki DIR``):
one CA and, for each platform's system, a certificate whose subject CN is its system id, valid
for 127.0.0.1 and localhost, for both ends of mutual TLS. Never for a real site: its CA key lies
beside the certificates. Needs ``cryptography`` (installed with the development tools)."""

from __future__ import annotations

import ipaddress
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

SYSTEMS = ("LN-12345", "LN-110")
VALID = timedelta(days=365)


def make_demo_pki(folder: Path, systems: tuple[str, ...] = SYSTEMS) -> list[Path]:
    """Write ``ca.pem`` and ``<id>.pem`` / ``<id>.key`` for each system into ``folder``, unless
    they are there already; the files written."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder.mkdir(parents=True, exist_ok=True)
    ca_file = folder / "ca.pem"
    wanted = [ca_file] + [folder / f"{s}.{ext}" for s in systems for ext in ("pem", "key")]
    if all(p.exists() for p in wanted):
        return []

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = name("linkage console demo CA (not for production)")
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + VALID)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    written = [_write(ca_file, ca.public_bytes(serialization.Encoding.PEM), private=False)]
    where = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    for system in systems:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder().subject_name(name(system)).issuer_name(ca_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + VALID)
            .add_extension(x509.SubjectAlternativeName(where), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256())
        )  # fmt: skip
        key_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        written.append(
            _write(
                folder / f"{system}.pem",
                cert.public_bytes(serialization.Encoding.PEM),
                private=False,
            )
        )
        written.append(_write(folder / f"{system}.key", key_pem, private=True))
    return written


def _write(path: Path, data: bytes, *, private: bool) -> Path:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path
