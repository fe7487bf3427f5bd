"""exchange_https_msgs_s: the HTTPS service interface's share of the exchange's ≥ 1,000
messages/s — 2,000 canonical feedback messages (the example's, each with fresh ids, ~600
bytes) delivered through :class:`HttpsLink` in deliveries of 200 (the sender's batch), one
after another, to the endpoint on 127.0.0.1 whose receiver answers each at once with a
canonical acknowledgement (no database). Mutual TLS, a fresh link each round (its handshake
counted), client and server on one event loop. Median of three rounds.

exchange_https_one_ms: p95 of 200 deliveries of one message each, one after another, on a
kept-alive link (what a lone transfer waits for on the wire); floor: the same bare post.

Floor: the same request bodies (JSON Lines, 200 a request) posted by a bare aiohttp client
to a bare aiohttp handler that reads the body and answers as many acknowledgements, over
plain HTTP, on one loop, in the same run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import time
from collections.abc import Sequence
from uuid import uuid4

import aiohttp
from aiohttp import web
from common import Context, Figure, p95, rate_figure, time_figure

from console.paths import bundle_path
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_https import PATH, frame
from console.services.exchange_https_client import HttpsLink
from console.services.exchange_https_server import start_server
from tests.exchange.mtls import Pki

MESSAGES = 2_000
BATCH = 200
ROUNDS = 3
ALONE = 200


def _examples() -> tuple[list[bytes], bytes]:
    codec = ExchangeCodec()
    folder = bundle_path("resources", "exchange", "v1", "examples")
    example = codec.decode((folder / "message-feedback.json").read_bytes())
    ack = codec.encode_ack(codec.decode_ack((folder / "ack-applied.json").read_bytes()))
    bodies = []
    for _ in range(MESSAGES):
        envelope = dataclasses.replace(example.envelope, message_id=uuid4(), transaction_id=uuid4())
        bodies.append(codec.encode(dataclasses.replace(example, envelope=envelope)))
    return bodies, ack


class _AtOnce:
    def __init__(self, ack: bytes) -> None:
        self._ack = ack

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        return [self._ack] * len(bodies)


def _batches(bodies: list[bytes]) -> list[list[bytes]]:
    return [bodies[i : i + BATCH] for i in range(0, len(bodies), BATCH)]


async def _ours(pki: Pki, bodies: list[bytes], ack: bytes) -> tuple[float, float]:
    server = await start_server(
        _AtOnce(ack), host="127.0.0.1", port=0, tls=pki.server, on_refused=lambda p, w: None
    )
    client = pki.client()
    try:
        link = HttpsLink(f"https://127.0.0.1:{server.port}", client)
        start = time.perf_counter()
        for batch in _batches(bodies):
            answers = await link.deliver(batch)
            assert answers == [ack] * len(batch)
        elapsed = time.perf_counter() - start
        alone = []
        for body in bodies[:ALONE]:
            began = time.perf_counter()
            assert await link.deliver([body]) == [ack]
            alone.append((time.perf_counter() - began) * 1000)
        await link.close()
    finally:
        await server.stop()
    return len(bodies) / elapsed, p95(alone)


async def _floor(bodies: list[bytes], ack: bytes) -> tuple[float, float]:
    async def handle(request: web.Request) -> web.Response:
        raw = await request.read()
        return web.Response(body=(ack + b"\n") * raw.count(b"\n"))

    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_post(PATH, handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site.port}{PATH}"
    try:
        start = time.perf_counter()
        async with aiohttp.ClientSession() as http:
            for batch in _batches(bodies):
                async with http.post(url, data=frame(batch)) as response:
                    assert (await response.read()).count(b"\n") == len(batch)
            elapsed = time.perf_counter() - start
            alone = []
            for body in bodies[:ALONE]:
                began = time.perf_counter()
                async with http.post(url, data=frame([body])) as response:
                    assert await response.read() == ack + b"\n"
                alone.append((time.perf_counter() - began) * 1000)
    finally:
        await runner.cleanup()
    return len(bodies) / elapsed, p95(alone)


def run(ctx: Context) -> list[Figure]:
    bodies, ack = _examples()
    pki = Pki(ctx.workdir / "exchange-https")
    ours, floor = [], []
    for _ in range(ROUNDS):
        ours.append(asyncio.run(_ours(pki, bodies, ack)))
        floor.append(asyncio.run(_floor(bodies, ack)))
    rate, bare_rate = (statistics.median(r for r, _ in runs) for runs in (ours, floor))
    one, bare_one = (statistics.median(ms for _, ms in runs) for runs in (ours, floor))
    return [
        rate_figure("exchange_https_msgs_s", "msg/s", rate, bare_rate),
        time_figure("exchange_https_one_ms", "ms", one, bare_one),
    ]
