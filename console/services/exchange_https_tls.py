"""Mutual TLS at the exchange's HTTPS endpoint: the handshake made by the endpoint itself, so
that a refused one is seen (docs/exchange.md § 8.1).

The event loop's own TLS server (``create_server(ssl=…)``) drops a failed handshake silently
(only asyncio's debug mode logs it). Here every connection starts as a :class:`_Handshake`
that runs ``loop.start_tls`` itself: a wrong, expired or missing client certificate is
reported once through ``on_refused(peer_address, reason)`` (the audit trail's hook) and logged
in one line, never with a traceback; only a verified connection is handed to aiohttp. No Qt
here.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable
from concurrent.futures import Executor

from aiohttp import web

log = logging.getLogger(__name__)

Refused = Callable[[str, str], None]
"""``on_refused(peer_address, reason)``: a connection or request refused for who it is."""


class MutualTlsSite(web.BaseSite):
    """A TCP site whose connections make their TLS handshake through :class:`_Handshake`."""

    def __init__(
        self,
        runner: web.AppRunner,
        host: str,
        port: int,
        context: ssl.SSLContext,
        refusals: Refusals,
        handshake_timeout_s: float,
    ) -> None:
        super().__init__(runner)
        self._host, self._port, self._context = host, port, context
        self._refusals, self._handshake_timeout_s = refusals, handshake_timeout_s
        self._handshakes: set[asyncio.Task[None]] = set()

    @property
    def name(self) -> str:
        return f"https://{self._host}:{self._port}"

    @property
    def port(self) -> int:
        return self._port

    async def start(self) -> None:
        await super().start()
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(lambda: _Handshake(self), self._host, self._port)
        self._port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        await super().stop()
        for task in list(self._handshakes):
            task.cancel()
        await asyncio.gather(*self._handshakes, return_exceptions=True)

    def begin(self, protocol: _Handshake, transport: asyncio.Transport) -> None:
        task = asyncio.get_running_loop().create_task(self._handshake(protocol, transport))
        self._handshakes.add(task)
        task.add_done_callback(self._handshakes.discard)

    async def _handshake(self, protocol: _Handshake, transport: asyncio.Transport) -> None:
        peer = address(transport.get_extra_info("peername"))
        loop = asyncio.get_running_loop()
        try:
            secured = await loop.start_tls(
                transport, protocol, self._context, server_side=True,
                ssl_handshake_timeout=self._handshake_timeout_s,
            )  # fmt: skip
        except ssl.SSLError as exc:
            self._refusals.report(peer, f"TLS handshake failed: {_why(exc)}")
            return
        except ConnectionAbortedError:  # the handshake's own timeout
            self._refusals.report(peer,
                    f"no TLS handshake within {self._handshake_timeout_s:g} s")  # fmt: skip
            return
        except OSError as exc:  # gone before the handshake (a port probe): nothing to audit
            log.debug("exchange: %s left during the TLS handshake: %r", peer, exc)
            transport.close()
            return
        if secured is None:
            transport.close()
            return
        server = self._runner.server
        assert server is not None
        protocol.hand_over(server(), secured)


class _Handshake(asyncio.Protocol):
    """A connection until its TLS handshake is done; then it hands the secured connection (and
    anything read past the handshake) to aiohttp's request handler."""

    def __init__(self, site: MutualTlsSite) -> None:
        self._site = site
        self._inner: asyncio.BaseProtocol | None = None
        self._early: list[bytes] = []
        self._eof = False
        self._lost = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.pause_reading()  # start_tls reads the handshake, not this protocol
        self._site.begin(self, transport)

    def hand_over(self, inner: asyncio.BaseProtocol, secured: asyncio.Transport) -> None:
        if self._lost:
            return
        assert isinstance(inner, asyncio.Protocol)
        self._inner = inner
        secured.set_protocol(inner)
        inner.connection_made(secured)
        for data in self._early:
            inner.data_received(data)
        self._early.clear()
        if self._eof:
            inner.eof_received()

    def data_received(self, data: bytes) -> None:
        if isinstance(self._inner, asyncio.Protocol):
            self._inner.data_received(data)
        else:
            self._early.append(data)

    def eof_received(self) -> bool | None:
        if isinstance(self._inner, asyncio.Protocol):
            return self._inner.eof_received()
        self._eof = True
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._inner is not None:
            self._inner.connection_lost(exc)
        self._lost = True


def _why(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"certificate refused: {exc.verify_message}"
    reason = exc.reason or exc.strerror or type(exc).__name__
    return str(reason).replace("_", " ").lower()


class Refusals:
    """Reports refused connections and requests: one log line each, and ``on_refused`` called
    on a worker thread (it writes the audit trail: database work, kept off the event loop)."""

    def __init__(self, on_refused: Refused, pool: Executor) -> None:
        self._on_refused, self._pool = on_refused, pool

    def report(self, peer: str, why: str) -> None:
        log.warning("exchange: refused %s: %s", peer, why)
        done = asyncio.get_running_loop().run_in_executor(self._pool, self._on_refused, peer, why)
        done.add_done_callback(_recorded)


def _recorded(done: asyncio.Future[None]) -> None:
    if not done.cancelled() and done.exception() is not None:
        log.error("exchange: recording a refused connection failed: %r", done.exception())


def address(peername: object) -> str:
    if isinstance(peername, tuple) and len(peername) >= 2:
        host, port = peername[0], peername[1]
        return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"
    return "unknown"
