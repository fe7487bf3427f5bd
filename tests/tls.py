"""Throwaway certificates for the TLS tests: a CA and a server certificate it signs, made with
``cryptography`` in a few milliseconds (P-256 keys, one day of validity)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from tests.pg import Cluster


@dataclass(frozen=True)
class Issued:
    cert_pem: bytes
    key_pem: bytes  # unencrypted PKCS#8


@dataclass(frozen=True)
class TlsServer:
    """A cluster that takes TCP over TLS only, the file of the CA that signed its certificate,
    and the file of a CA that did not."""

    cluster: Cluster
    ca_file: Path
    other_ca_file: Path


@dataclass(frozen=True)
class _Ca:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


_CA_USAGE = x509.KeyUsage(
    digital_signature=True, key_cert_sign=True, crl_sign=True,
    content_commitment=False, key_encipherment=False, data_encipherment=False,
    key_agreement=False, encipher_only=False, decipher_only=False,
)  # fmt: skip


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _builder(
    subject: str,
    issuer: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    not_after: datetime | None = None,
) -> x509.CertificateBuilder:
    now = datetime.now(UTC)
    until = now + timedelta(days=1) if not_after is None else not_after
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(min(now, until) - timedelta(minutes=5))
        .not_valid_after(until)
    )


def make_ca(common: str = "console test CA") -> _Ca:
    """A self-signed CA that may sign server certificates."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _builder(common, _name(common), key)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_CA_USAGE, critical=True)
        .sign(key, hashes.SHA256())
    )
    return _Ca(cert, key)


def server_cert(ca: _Ca) -> Issued:
    """A server certificate for 127.0.0.1 and localhost (subjectAltName), signed by ``ca``."""
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        _builder("localhost", ca.cert.subject, key)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca.key, hashes.SHA256())
    )
    return _issued(cert, key)


def client_cert(ca: _Ca, cn: str, *, not_after: datetime | None = None) -> Issued:
    """A client certificate whose subject CN is ``cn`` (a platform's system id), signed by
    ``ca``; a ``not_after`` in the past makes it expired."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _builder(cn, ca.cert.subject, key, not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
        )
        .sign(ca.key, hashes.SHA256())
    )
    return _issued(cert, key)


def _issued(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> Issued:
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return Issued(cert.public_bytes(serialization.Encoding.PEM), key_pem)
