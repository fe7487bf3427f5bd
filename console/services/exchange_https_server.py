"""The exchange's HTTPS endpoint (docs/exchange.md § 8.1): an aiohttp application behind mutual
TLS (:mod:`console.services.exchange_https_tls`) that hands what arrives to the platform's
:class:`~console.services.exchange_link.Receiving`, off the event loop. No Qt here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from typing import Any

from aiohttp import web

from console.services.exchange_https import (
    BATCH_TYPE,
    BATCH_TYPES,
    MAX_REQUEST_BYTES,
    NO_ANSWER,
    PATH,
    PROBLEM_TYPE,
    SINGLE_TYPE,
    TlsFiles,
    answer_lines,
    fits_a_line,
    frame,
    subject_cn,
    tls_context,
    unframe,
)
from console.services.exchange_https_tls import MutualTlsSite, Refusals, Refused, address
from console.services.exchange_link import Receiving

log = logging.getLogger(__name__)

IDLE_S = 75.0
"""A kept-alive connection idle this long is closed (the client closes its own after 15 s)."""


class RunningServer:
    """A started endpoint: :attr:`port` (the one bound, for port 0) and :meth:`stop`."""

    def __init__(self, runner: web.AppRunner, site: MutualTlsSite, threads: ThreadPoolExecutor):
        self._runner, self._site, self._threads = runner, site, threads
        self._stopped = False

    @property
    def port(self) -> int:
        return self._site.port

    async def stop(self) -> None:
        """Stop listening, close every connection (requests in flight get a few seconds),
        then wait for the receiver calls already started. Stopping twice is stopping once."""
        if self._stopped:
            return
        self._stopped = True
        await self._runner.cleanup()
        await asyncio.to_thread(self._threads.shutdown, True)


async def start_server(
    receiving: Receiving,
    *,
    host: str,
    port: int,
    tls: TlsFiles,
    on_refused: Refused,
    max_bytes: int = MAX_REQUEST_BYTES,
    peer_ids: Collection[str] | None = None,
    threads: int = 4,
    handshake_timeout_s: float = 10.0,
    shutdown_timeout_s: float = 5.0,
) -> RunningServer:
    """Serve ``POST /linkage/v1/messages`` on ``host:port`` (0: any free port).

    ``tls`` is this platform's certificate and the CA of the peer's; a client must present a
    certificate that CA signed, and, if ``peer_ids`` is given, whose subject CN is one of them
    (else 403). ``max_bytes`` bounds one request's body (413 beyond it). ``receiving.receive``
    runs on at most ``threads`` worker threads, with the client certificate's CN as ``source``.
    ``on_refused(peer_address, reason)`` is called on one of those threads (it may write the
    audit trail) once for each connection refused in the TLS handshake (no, wrong or expired
    certificate; no handshake within ``handshake_timeout_s``) and each request refused for its
    certificate's CN. :meth:`RunningServer.stop` gives requests in flight
    ``shutdown_timeout_s``.
    """
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="exchange-receive")
    refusals = Refusals(on_refused, pool)
    endpoint = _Endpoint(receiving, pool, refusals, max_bytes, peer_ids)
    app = web.Application(middlewares=[_problems])
    app.router.add_post(PATH, endpoint.messages)
    runner = web.AppRunner(
        app, access_log=None, shutdown_timeout=shutdown_timeout_s, keepalive_timeout=IDLE_S
    )
    await runner.setup()
    context = tls_context(tls, server_side=True)
    site = MutualTlsSite(runner, host, port, context, refusals, handshake_timeout_s)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        pool.shutdown(wait=False)
        raise
    log.info("exchange endpoint listening on %s:%d", host, site.port)
    return RunningServer(runner, site, pool)


class _Endpoint:
    def __init__(
        self,
        receiving: Receiving,
        pool: ThreadPoolExecutor,
        refusals: Refusals,
        max_bytes: int,
        peer_ids: Collection[str] | None,
    ) -> None:
        self._receiving, self._pool, self._refusals = receiving, pool, refusals
        self._max_bytes = max_bytes
        self._peer_ids = None if peer_ids is None else frozenset(peer_ids)

    async def messages(self, request: web.Request) -> web.StreamResponse:
        transport = request.transport
        peer = address(transport.get_extra_info("peername") if transport else None)
        source = subject_cn(transport.get_extra_info("peercert") if transport else None)
        if source is None or (self._peer_ids is not None and source not in self._peer_ids):
            why = f"certificate CN {source!r} is not an agreed peer"
            self._refusals.report(peer, why)
            return _closing(problem(HTTPStatus.FORBIDDEN, why))
        batch = request.content_type in BATCH_TYPES
        if not batch and request.content_type != SINGLE_TYPE:
            return problem(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           f"send {BATCH_TYPE} (a batch) or {SINGLE_TYPE} (one message)")  # fmt: skip
        raw = await self._read(request)
        if raw is None:
            log.warning("exchange: %s (%s) sent more than %d bytes", source, peer, self._max_bytes)
            return _closing(problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                                    f"a request holds at most {self._max_bytes} bytes"))  # fmt: skip
        bodies = unframe(raw) if batch else [raw]
        loop = asyncio.get_running_loop()
        try:
            answers = await loop.run_in_executor(
                self._pool, self._receiving.receive, bodies, source
            )
        except Exception:
            log.exception(
                "exchange: the receiver failed on %d message(s) from %s", len(bodies), source
            )
            return problem(HTTPStatus.SERVICE_UNAVAILABLE, "the receiver cannot take messages now")
        if len(answers) != len(bodies):
            log.error("exchange: the receiver answered %d of %d", len(answers), len(bodies))
            return problem(HTTPStatus.INTERNAL_SERVER_ERROR, "the receiver lost count")
        if not batch:  # the answer goes whole, whatever it holds
            return web.Response(body=answer_lines(answers)[0], content_type=SINGLE_TYPE)
        return web.Response(body=frame(_line(a) for a in answers), content_type=BATCH_TYPE)

    async def _read(self, request: web.Request) -> bytes | None:
        """The body, or None as soon as it is known to pass the limit (never read whole)."""
        if request.content_length is not None and request.content_length > self._max_bytes:
            return None
        chunks, size = [], 0
        async for chunk in request.content.iter_any():
            size += len(chunk)
            if size > self._max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)


def _line(answer: bytes | None) -> bytes:
    if answer is None:
        return NO_ANSWER
    if fits_a_line(answer):
        return answer
    log.error("exchange: an acknowledgement holds a line feed (%d bytes): answered null",
              len(answer))  # fmt: skip
    return NO_ANSWER


def problem(status: HTTPStatus, detail: str, **headers: str) -> web.Response:
    """A short RFC 9457 problem body."""
    text = web.json_response(
        {"type": "about:blank", "title": status.phrase, "status": status.value, "detail": detail},
        status=status.value, content_type=PROBLEM_TYPE, headers=headers or None,
    )  # fmt: skip
    return text


def _closing(response: web.Response) -> web.Response:
    response.force_close()
    return response


@web.middleware
async def _problems(request: web.Request, handler: Any) -> web.StreamResponse:
    """aiohttp's own refusals (404, 405…) as problem bodies too."""
    try:
        response: web.StreamResponse = await handler(request)
        return response
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        allow = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else {}
        return problem(HTTPStatus(exc.status), f"{request.method} {PATH} is the only endpoint",
                       **allow)  # fmt: skip
