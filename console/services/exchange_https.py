"""The exchange's service interface (docs/exchange.md § 8.1): HTTPS between the two platforms'
endpoints, both sides proving who they are with a certificate (mutual TLS).

What the two ends share lives here: the certificate files, the TLS contexts built from them,
and the wire's framing. The server is :mod:`console.services.exchange_https_server`, the
sending end (a :class:`~console.services.exchange_link.Link`) is
:mod:`console.services.exchange_https_client`. No Qt here.

The wire in one paragraph: ``POST /linkage/v1/messages`` carries either a batch,
``application/jsonl`` (each message's bytes followed by a line feed; canonical JSON never holds
a raw line feed), answered by the acknowledgements in the same order, one a line, the literal
``null`` where a body was too broken to answer; or one message, ``application/json``, answered
by its acknowledgement (or ``null``). HTTP's own status says whether the request was taken;
each acknowledgement's ``statusCode`` says what became of its message.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

PATH = "/linkage/v1/messages"
BATCH_TYPE = "application/jsonl"
BATCH_TYPES = frozenset({BATCH_TYPE, "application/x-ndjson"})
"""Accepted for a batch (``application/x-ndjson`` is the older name of the same framing)."""
SINGLE_TYPE = "application/json"
PROBLEM_TYPE = "application/problem+json"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
"""The default limit on one request's body: the exchange's limit on one message (§ 2.1)."""
NO_ANSWER = b"null"
"""A line (or a single answer) saying the body was too broken to name a message (§ 2.1)."""


@dataclass(frozen=True)
class TlsFiles:
    """One platform's side of mutual TLS, as PEM files: its own certificate (subject CN = its
    system id, e.g. ``LN-110``) and private key, and the CA that signs the peer's
    certificates."""

    cert: Path
    key: Path
    ca: Path


def tls_context(tls: TlsFiles, *, server_side: bool) -> ssl.SSLContext:
    """The TLS context of one end: TLS 1.2 or later, our certificate presented, the peer's
    checked against ``tls.ca`` and required. A client also checks the server's host name
    against its certificate; a server reads the client's system id from its subject CN."""
    purpose = ssl.Purpose.CLIENT_AUTH if server_side else ssl.Purpose.SERVER_AUTH
    context = ssl.create_default_context(purpose, cafile=str(tls.ca))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    if not server_side:
        context.check_hostname = True
    context.load_cert_chain(str(tls.cert), str(tls.key))
    return context


def fits_a_line(body: bytes) -> bool:
    """Whether ``body`` can travel as a line of a batch (else it goes alone, as one message)."""
    return b"\n" not in body


def frame(lines: Iterable[bytes]) -> bytes:
    """JSON Lines: each item followed by a line feed."""
    return b"".join(line + b"\n" for line in lines)


def unframe(raw: bytes) -> list[bytes]:
    """The lines of a JSON Lines text (the last line feed optional; nothing is no lines)."""
    if not raw:
        return []
    return (raw[:-1] if raw.endswith(b"\n") else raw).split(b"\n")


def answer_lines(answers: Sequence[bytes | None]) -> list[bytes]:
    return [NO_ANSWER if a is None else a for a in answers]


def answer_from(line: bytes) -> bytes | None:
    return None if line.strip() == NO_ANSWER else line


def subject_cn(peercert: object) -> str | None:
    """The common name in a verified peer certificate (``SSLSocket.getpeercert()``'s dict)."""
    if not isinstance(peercert, dict):
        return None
    for rdn in peercert.get("subject", ()):
        for key, value in rdn:
            if key == "commonName" and isinstance(value, str):
                return value
    return None
