"""The SMS gateway channel passes the channel contract against a fake gateway on loopback, and
speaks the wire of docs/partner-channels.md: the key as header and in the body, a short Chinese
text, 409/4xx/5xx, timeouts and lost answers, replies it cannot read."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from console.channels.sms import SmsGateway, message_text
from console.domain.emergency import Channel, NotificationKind
from console.services.partner_notifier import ChannelDown, Handover
from tests.emergency.channel_fakes import FakeSmsGateway
from tests.emergency.notifier_contract import Harness, NotifierContract, collect, notification
from tests.tls import make_ca, server_cert

TIMEOUT_S = 5.0


class SmsHarness(Harness):
    channel = Channel.SMS
    address = "13800000001"
    undeliverable = "110"  # not a mobile number

    def __init__(self, timeout_s: float = TIMEOUT_S) -> None:
        self.far = FakeSmsGateway().start()
        assert isinstance(self.far, FakeSmsGateway)
        self.notifier = self.gateway = SmsGateway(self.far.url, timeout_s)

    def received(self) -> list[str]:
        return list(self.far.accepted)

    def partner_answers(self, key: str, refused: bool) -> None:
        self.far.partner_answers(key, refused)

    def cut(self) -> None:
        self.far.cut()

    def mend(self) -> None:
        self.far.mend()

    def close(self) -> None:
        self.far.close()


class TestSmsGateway(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return SmsHarness()


@pytest.fixture
def sms() -> Iterator[SmsHarness]:
    h = SmsHarness()
    yield h
    h.close()


def test_the_key_goes_as_header_and_in_the_body_with_a_short_chinese_text(sms: SmsHarness) -> None:
    n = notification(sms)
    sms.gateway.send(n)
    body, headers = sms.far.accepted[n.key], sms.far.headers[0]
    assert headers["Idempotency-Key"] == n.key == body["key"] and body["to"] == sms.address
    assert body["expects_reply"] is True and body["drill"] is False
    text = body["text"]
    assert n.incident_number in text and "Ⅱ级" in text and "回复1确认 回复2拒绝" in text
    assert "和平区" in text and "抽排积水" in text and len(text) <= 140


def test_texts_of_every_kind_are_short_and_a_drill_says_so(sms: SmsHarness) -> None:
    long = replace(notification(sms), place="某" * 200, task="任" * 200, drill=True)
    for kind in NotificationKind:
        text = message_text(replace(long, kind=kind))
        assert len(text) <= 140 and "【演练】" in text
        assert ("回复1确认" in text) is kind.expects_ack


def test_server_errors_and_misconfiguration_are_channel_down(sms: SmsHarness) -> None:
    for status in (500, 503, 401, 429):
        sms.far.next_status = status
        with pytest.raises(ChannelDown):
            sms.gateway.send(notification(sms))
    sms.far.next_status = 502
    with pytest.raises(ChannelDown):
        sms.gateway.answers()
    assert sms.far.accepted == {}


def test_a_lost_answer_then_the_same_key_is_duplicate(sms: SmsHarness) -> None:
    n = notification(sms)
    sms.far.drop_next_answer = True
    with pytest.raises(ChannelDown):
        sms.gateway.send(n)
    assert sms.gateway.send(n) is Handover.DUPLICATE
    assert list(sms.far.accepted) == [n.key]


def test_a_gateway_that_does_not_answer_in_time_is_channel_down() -> None:
    h = SmsHarness(timeout_s=0.3)
    try:
        h.far.hang.clear()
        with pytest.raises(ChannelDown):
            h.gateway.send(notification(h))
        with pytest.raises(ChannelDown):
            h.gateway.answers()
    finally:
        h.close()


def test_replies_it_cannot_read_are_skipped_and_the_rest_read(sms: SmsHarness) -> None:
    a, b = notification(sms), notification(sms)
    sms.gateway.send(a)
    sms.gateway.send(b)
    sms.far.partner_answers(a.key, refused=False, text="好的")
    sms.far.answers.append({"key": b.key, "text": "1", "at": "not a time"})
    sms.far.answers.append({"text": "1"})
    sms.far.partner_answers(b.key, refused=False, text=" 1 收到")
    got = collect(sms.gateway, b.key)
    assert [x.key for x in got] == [b.key] and got[0].by == sms.address
    assert sms.gateway.answers() == []  # the cursor moved past the page


def test_a_non_json_answer_or_a_wrong_url_is_channel_down(sms: SmsHarness) -> None:
    sms.far.garbage_next = True
    with pytest.raises(ChannelDown):
        sms.gateway.answers()
    wrong = SmsGateway(sms.far.url.replace("/api", "/nothing"), TIMEOUT_S)  # 404: not refused
    with pytest.raises(ChannelDown):
        wrong.send(notification(sms))
    assert sms.far.accepted == {}


def test_https_with_the_site_ca_and_refusing_a_certificate_it_does_not_trust(
    tmp_path: Path, sms: SmsHarness
) -> None:
    ca, other = make_ca(), make_ca("another CA")
    issued = server_cert(ca)
    (tmp_path / "server.pem").write_bytes(issued.cert_pem)
    (tmp_path / "server.key").write_bytes(issued.key_pem)
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    (tmp_path / "other.pem").write_bytes(other.pem)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "server.pem", tmp_path / "server.key")
    far = FakeSmsGateway(context).start()
    try:
        assert far.url.startswith("https://127.0.0.1:")
        gateway = SmsGateway(far.url, TIMEOUT_S, tmp_path / "ca.pem")
        n = notification(sms)
        assert gateway.send(n) is Handover.ACCEPTED
        stranger = SmsGateway(far.url, TIMEOUT_S, tmp_path / "other.pem")
        with pytest.raises(ChannelDown):
            stranger.send(replace(n, key=n.key + "-2"))
        assert list(far.accepted) == [n.key]
    finally:
        far.close()
