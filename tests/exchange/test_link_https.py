"""The HTTPS service interface passes the transport contract, and speaks the wire of
docs/exchange.md § 8.1 to any client (batches, single messages, problems, limits)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Sequence
from pathlib import Path

import aiohttp
import pytest

from console.services.exchange_https import PATH, TlsFiles, tls_context
from console.services.exchange_https_client import HttpsLink
from console.services.exchange_link import Link, LinkDown
from tests.exchange.link_contract import LIMIT_S, FakeReceiver, LinkContract, body, run
from tests.exchange.mtls import CLIENT_ID, FarEnd, Pki


class TestHttpsLink(LinkContract[FarEnd]):
    @pytest.fixture(autouse=True)
    def _pki(self, tmp_path: Path) -> None:
        self.pki = Pki(tmp_path)

    async def open(self, far_end: FakeReceiver) -> tuple[Link, FarEnd]:
        far = await FarEnd(far_end, self.pki.server).start()
        return HttpsLink(far.url, self.pki.client(), timeout_s=LIMIT_S / 2), far

    async def cut(self, handle: FarEnd) -> None:
        await handle.stop()

    async def mend(self, handle: FarEnd) -> None:
        await handle.start()

    async def shut(self, handle: FarEnd) -> None:
        await handle.stop()


def _session(tls: TlsFiles) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(ssl=tls_context(tls, server_side=False))
    )


def test_the_client_certificate_names_the_source(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        link = HttpsLink(far.url, pki.client("LN-12345-A"))
        try:
            assert await link.deliver([body(1)]) == [b"ack:" + body(1)]
            assert link.peer == far.url
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.sources == {"LN-12345-A"}


def test_a_body_with_a_line_feed_goes_alone_and_whole(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()
    bodies = [body(1), b'{"envelope":\n {"n": 2}}', body(3), b"", body(4)]

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        link = HttpsLink(far.url, pki.client(), max_batch=2)
        try:
            assert await link.deliver(bodies) == [b"ack:" + b for b in bodies]
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.seen == bodies


def test_the_single_form_and_the_batch_form_on_the_wire(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        url = far.url + PATH
        try:
            async with _session(pki.client()) as http:
                one = await http.post(
                    url, data=body(1), headers={"Content-Type": "application/json"}
                )
                assert (one.status, one.content_type) == (200, "application/json")
                assert await one.read() == b"ack:" + body(1)
                broken = await http.post(
                    url, data=b"?x", headers={"Content-Type": "application/json"}
                )
                assert await broken.read() == b"null"
                batch = await http.post(url, data=body(2) + b"\n?y\n" + body(3) + b"\n",
                                        headers={"Content-Type": "application/jsonl"})  # fmt: skip
                assert batch.content_type == "application/jsonl"
                assert await batch.read() == b"ack:" + body(2) + b"\nnull\nack:" + body(3) + b"\n"
        finally:
            await far.stop()

    run(scenario)


@pytest.mark.parametrize(
    ("method", "path", "content_type", "status"),
    [
        ("GET", PATH, "application/json", 405),
        ("POST", "/linkage/v2/messages", "application/json", 404),
        ("POST", PATH, "text/plain", 415),
    ],
)
def test_a_wrong_request_is_a_short_problem(
    tmp_path: Path, method: str, path: str, content_type: str, status: int
) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        try:
            async with _session(pki.client()) as http:
                got = await http.request(method, far.url + path, data=body(1),
                                         headers={"Content-Type": content_type})  # fmt: skip
                assert got.status == status
                assert got.content_type == "application/problem+json"
                problem = json.loads(await got.read())
                assert problem["status"] == status and problem["detail"]
                if status == 405:
                    assert got.headers["Allow"] == "POST"
        finally:
            await far.stop()

    run(scenario)
    assert receiver.seen == []


def test_a_request_over_the_limit_is_413_and_the_link_splits_around_it(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()
    small, big = [body(i) for i in range(6)], b"[" + b"1," * 3000 + b"1]"

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server, max_bytes=4096).start()
        link = HttpsLink(far.url, pki.client())  # told a bigger limit than the server's
        try:
            async with _session(pki.client()) as http:
                got = await http.post(far.url + PATH, data=big,
                                      headers={"Content-Type": "application/json"})  # fmt: skip
                assert got.status == 413
                assert json.loads(await got.read())["status"] == 413
            answers = await asyncio.wait_for(link.deliver([*small[:3], big, *small[3:]]), LIMIT_S)
            assert answers == [*(b"ack:" + b for b in small[:3]), None,
                               *(b"ack:" + b for b in small[3:])]  # fmt: skip
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.seen == small


def test_a_message_no_request_could_hold_is_not_sent(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        link = HttpsLink(far.url, pki.client(), max_request_bytes=1000)
        try:
            assert await link.deliver([body(1), b"x" * 1001]) == [b"ack:" + body(1), None]
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.seen == [body(1)]


class _Failing(FakeReceiver):
    """Fails (as a receiver whose database is gone) on a batch holding ``b"!"``."""

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        if b"!" in bodies:
            raise RuntimeError("database gone")
        return super().receive(bodies, source)


def test_a_failing_receiver_is_503_and_the_rest_of_the_delivery_waits(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), _Failing()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        link = HttpsLink(far.url, pki.client(), max_batch=2)
        try:
            with pytest.raises(LinkDown, match="503"):
                await link.deliver([b"!", body(1)])
            answers = await link.deliver([body(1), body(2), b"!", body(3), body(4)])
            assert answers == [b"ack:" + body(1), b"ack:" + body(2), None, None, None]
        finally:
            await link.close()
            await far.stop()

    run(scenario)


class _Stuck(FakeReceiver):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        self.release.wait(LIMIT_S)
        return super().receive(bodies, source)


def test_a_peer_that_does_not_answer_in_time_is_link_down(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), _Stuck()

    async def scenario() -> None:
        far = await FarEnd(receiver, pki.server).start()
        link = HttpsLink(far.url, pki.client(), timeout_s=0.5)
        try:
            with pytest.raises(LinkDown):
                await asyncio.wait_for(link.deliver([body(1)]), LIMIT_S / 4)
        finally:
            receiver.release.set()
            await link.close()
            await far.stop()

    run(scenario)


def test_the_client_id_must_be_an_agreed_peer_when_the_server_names_them(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()
    far = FarEnd(receiver, pki.server, peer_ids=frozenset({"LN-12345"}))

    async def scenario() -> None:
        await far.start()
        link = HttpsLink(far.url, pki.client(CLIENT_ID))
        try:
            with pytest.raises(LinkDown, match="403"):
                await link.deliver([body(1)])
        finally:
            await link.close()
            await far.stop()

    run(scenario)
    assert receiver.seen == []
    assert len(far.refused) == 1 and CLIENT_ID in far.refused[0][1]


def test_a_link_stays_on_the_event_loop_of_its_first_delivery(tmp_path: Path) -> None:
    pki, receiver = Pki(tmp_path), FakeReceiver()
    far = FarEnd(receiver, pki.server)
    links: list[HttpsLink] = []

    async def first() -> None:
        await far.start()
        links.append(HttpsLink(far.url, pki.client()))
        assert await links[0].deliver([body(1)]) == [b"ack:" + body(1)]

    async def then() -> None:
        with pytest.raises(RuntimeError, match="one event loop"):
            await links[0].deliver([body(2)])

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(first())
        run(then)
    finally:
        loop.run_until_complete(links[0].close())
        loop.run_until_complete(far.stop())
        loop.close()
