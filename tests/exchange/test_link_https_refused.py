"""Mutual TLS on the HTTPS service interface: a client certificate from another CA, an expired
one or none at all is refused in the handshake, reported once through ``on_refused`` (the audit
trail's hook) and logged in one line, never with a traceback; a client that does not trust the
server's certificate gets nowhere either. The link says :class:`LinkDown` each time."""

from __future__ import annotations

import asyncio
import logging
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.services.exchange_https import PATH, TlsFiles
from console.services.exchange_https_client import HttpsLink
from console.services.exchange_https_server import start_server
from console.services.exchange_link import LinkDown
from tests.exchange.link_contract import LIMIT_S, FakeReceiver, body, run
from tests.exchange.mtls import FarEnd, Pki
from tests.waiting import until


def _refused_once(
    client: TlsFiles, server: TlsFiles, reported: bool = True
) -> tuple[FarEnd, LinkDown]:
    """Deliver once with ``client``'s certificate; expect LinkDown and one refusal reported."""
    receiver = FakeReceiver()
    far = FarEnd(receiver, server)
    failures: list[LinkDown] = []

    async def scenario() -> None:
        await far.start()
        link = HttpsLink(far.url, client, timeout_s=LIMIT_S / 2)
        try:
            with pytest.raises(LinkDown) as down:
                await asyncio.wait_for(link.deliver([body(1)]), LIMIT_S)
            failures.append(down.value)
            if reported:
                await until(lambda: far.refused, what="the refused handshake reported")
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.seen == []
    peers = {peer for peer, _ in far.refused}
    assert len(peers) == len(far.refused), "one report per refused connection"
    assert all(peer.startswith("127.0.0.1:") for peer in peers)
    return far, failures[0]


def _no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    shown = [r for r in caplog.records if r.exc_info and r.levelno >= logging.INFO]
    assert not shown, "a refusal logs no traceback"
    assert [r for r in caplog.records if r.levelno == logging.WARNING and "refused" in r.message]


def test_a_client_certificate_from_another_ca_is_refused_and_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pki = Pki(tmp_path)
    far, _ = _refused_once(pki.stranger_client(), pki.server)
    assert all("certificate refused" in why for _, why in far.refused), far.refused
    _no_traceback(caplog)


def test_an_expired_client_certificate_is_refused_and_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pki = Pki(tmp_path)
    expired = pki.client(not_after=datetime.now(UTC) - timedelta(hours=1))
    far, _ = _refused_once(expired, pki.server)
    assert all("expired" in why for _, why in far.refused), far.refused
    _no_traceback(caplog)


def test_a_server_certificate_from_another_ca_is_link_down_for_the_client(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    far, down = _refused_once(pki.client_trusting_a_stranger(), pki.server, reported=False)
    assert "certificate verify failed" in str(down)
    assert far.refused == []  # the client hangs up without a word: a port probe looks the same


def test_a_client_without_a_certificate_is_refused_and_reported(tmp_path: Path) -> None:
    pki = Pki(tmp_path)
    far = FarEnd(FakeReceiver(), pki.server)

    async def scenario() -> None:
        await far.start()
        context = ssl.create_default_context(cafile=str(pki.server.ca))  # trusts, shows nothing
        reader, writer = await asyncio.open_connection("127.0.0.1", far.port, ssl=context)
        try:
            writer.write(f"POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".encode())
            with pytest.raises((ssl.SSLError, ConnectionError)):
                if not await reader.read():  # TLS 1.3: the refusal arrives after the handshake
                    raise ConnectionResetError("closed")
            await until(lambda: far.refused, what="the refused handshake reported")
        finally:
            writer.close()
            await far.stop()

    run(scenario)
    assert len(far.refused) == 1
    assert "certificate" in far.refused[0][1]


def test_a_connection_that_never_starts_its_handshake_is_refused_in_time(tmp_path: Path) -> None:
    pki, refused = Pki(tmp_path), list[tuple[str, str]]()

    async def scenario() -> None:
        server = await start_server(
            FakeReceiver(), host="127.0.0.1", port=0, tls=pki.server,
            on_refused=lambda peer, why: refused.append((peer, why)), handshake_timeout_s=0.2,
        )  # fmt: skip
        _, writer = await asyncio.open_connection("127.0.0.1", server.port)
        try:
            await until(lambda: refused, what="the silent connection refused")
        finally:
            writer.close()
            await server.stop()

    run(scenario)
    assert len(refused) == 1 and "no TLS handshake within 0.2 s" in refused[0][1]
