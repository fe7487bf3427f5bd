"""The sending end of the exchange's service interface (docs/exchange.md § 8.1): a
:class:`~console.services.exchange_link.Link` that posts messages to the peer's endpoint over
mutual TLS. No Qt here."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import aiohttp
from yarl import URL

from console.services.exchange_https import (
    BATCH_TYPE,
    MAX_REQUEST_BYTES,
    PATH,
    SINGLE_TYPE,
    TlsFiles,
    answer_from,
    fits_a_line,
    frame,
    tls_context,
    unframe,
)
from console.services.exchange_link import LinkDown

log = logging.getLogger(__name__)

_IN_ONE_GO = 1024 * 1024  # larger request bodies are streamed (aiohttp warns of bigger bytes)


@dataclass(frozen=True)
class _Request:
    indexes: list[int]  # of the bodies it carries, in the delivery
    single: bool  # one message as application/json (it holds a line feed, or fills a request)


class HttpsLink:
    """A :class:`~console.services.exchange_link.Link` to the peer's HTTPS endpoint at ``url``
    (``https://host:port``; the endpoint's path is added unless the URL names one).

    One delivery goes as few requests as it can, one after another, in order: batches of at
    most ``max_batch`` messages and ``max_request_bytes`` bytes (the peer's limit on a request).
    A message that cannot fit in a request is not sent: it is answered ``None`` and logged.
    Each request gets ``timeout_s`` (two attempts included); at most ``max_in_flight``
    requests are open at once over all parallel deliveries, on kept-alive connections. A
    request that fails (no connection, TLS refused, timeout, an HTTP error status) raises
    :class:`LinkDown` when it is the delivery's first; after some requests were answered, the
    rest of the delivery is answered ``None`` (to send again). A link works on the event loop
    of its first delivery (the console's), and only there.
    """

    def __init__(
        self,
        url: str,
        tls: TlsFiles,
        *,
        timeout_s: float = 10.0,
        max_in_flight: int = 4,
        max_batch: int = 500,
        max_request_bytes: int = MAX_REQUEST_BYTES,
    ) -> None:
        base = URL(url)
        self._url = base.with_path(PATH) if base.path in ("", "/") else base
        self._peer = f"{base.scheme}://{base.host}:{base.port}"
        self._context = tls_context(tls, server_side=False)
        self._timeout_s, self._max_in_flight = timeout_s, max_in_flight
        self._max_batch, self._max_bytes = max_batch, max_request_bytes
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None  # the session's: one loop per link
        self._closed = False

    @property
    def peer(self) -> str:
        return self._peer

    async def deliver(self, bodies: Sequence[bytes]) -> list[bytes | None]:
        if self._closed:
            raise LinkDown(f"the link to {self._peer} is closed")
        answers: list[bytes | None] = [None] * len(bodies)
        answered = False
        for request in self._plan(bodies):
            carried = [bodies[i] for i in request.indexes]
            try:
                got = await self._send(carried, request.single)
            except LinkDown as exc:
                if not answered:
                    raise
                log.warning("exchange: %s; the rest of this delivery goes again later", exc)
                break
            answered = True
            for i, answer in zip(request.indexes, got, strict=True):
                answers[i] = answer
        return answers

    async def close(self) -> None:
        self._closed = True
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _plan(self, bodies: Sequence[bytes]) -> list[_Request]:
        plan: list[_Request] = []
        batch: list[int] = []
        size = 0
        for i, body in enumerate(bodies):
            if fits_a_line(body) and len(body) + 1 <= self._max_bytes:
                if batch and (
                    len(batch) >= self._max_batch or size + len(body) + 1 > self._max_bytes
                ):
                    plan.append(_Request(batch, single=False))
                    batch, size = [], 0
                batch.append(i)
                size += len(body) + 1
                continue
            if len(body) > self._max_bytes:
                log.error("exchange: a message of %d bytes is more than a request to %s may hold "
                          "(%d): not sent", len(body), self._peer, self._max_bytes)  # fmt: skip
                continue
            if batch:
                plan.append(_Request(batch, single=False))
                batch, size = [], 0
            plan.append(_Request([i], single=True))
        if batch:
            plan.append(_Request(batch, single=False))
        return plan

    async def _send(self, bodies: list[bytes], single: bool) -> list[bytes | None]:
        payload = bodies[0] if single else frame(bodies)
        status, raw = await self._post(payload, SINGLE_TYPE if single else BATCH_TYPE)
        if status == 200:
            answers = [answer_from(raw)] if single else [answer_from(x) for x in unframe(raw)]
            if len(answers) != len(bodies):
                raise LinkDown(f"{self._peer} answered {len(answers)} of {len(bodies)} messages")
            return answers
        if status == 413:  # the peer takes less than we were told: halve until it fits
            if len(bodies) == 1:
                log.error("exchange: %s refused a message of %d bytes as too large: not sent",
                          self._peer, len(bodies[0]))  # fmt: skip
                return [None]
            half = len(bodies) // 2
            return await self._send(bodies[:half], False) + await self._send(bodies[half:], False)
        detail = raw[:200].decode("utf-8", "replace")
        if 400 <= status < 500:
            log.error("exchange: %s refused the request: HTTP %d %s", self._peer, status, detail)
        raise LinkDown(f"{self._peer} answered HTTP {status}")

    async def _post(self, payload: bytes, content_type: str) -> tuple[int, bytes]:
        session = self._session_now()
        headers = {"Content-Type": content_type}
        try:
            async with asyncio.timeout(self._timeout_s):
                for attempt in (1, 2):
                    try:
                        data = payload if len(payload) <= _IN_ONE_GO else io.BytesIO(payload)
                        async with session.post(self._url, data=data, headers=headers) as r:
                            return r.status, await r.read()
                    except aiohttp.ServerDisconnectedError:
                        if attempt == 2:
                            raise
                        # a kept-alive connection the peer had closed: once more, on a new one
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise LinkDown(f"{self._peer}: {str(exc) or type(exc).__name__}") from exc
        raise AssertionError("unreachable")

    def _session_now(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is not None and self._loop is not loop:
            raise RuntimeError(f"the link to {self._peer} is used on one event loop only")
        if self._session is None:
            self._loop = loop
            connector = aiohttp.TCPConnector(ssl=self._context, limit=self._max_in_flight)
            timeout = aiohttp.ClientTimeout(total=self._timeout_s)
            self._session = aiohttp.ClientSession(connector=connector, timeout=timeout)
        return self._session
