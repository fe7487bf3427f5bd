"""The router passes the channel contract for each channel behind it, refuses a channel the
site has not configured (and says so in the log), and merges the answers of all, one channel
down hiding none of the others'. build_notifier builds it from the [emergency] settings."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from console.channels.build import DESK_FILE, EmergencySettings, build_notifier
from console.channels.emergency_platform import EmergencyPlatform
from console.channels.router import ChannelRouter
from console.channels.simulated import SimulatedDesk, read_desk
from console.channels.sms import SmsGateway
from console.config import Settings
from console.domain.emergency import Channel
from console.scheduling.clock import FakeClock
from console.services.partner_notifier import ChannelDown, Handover
from tests.emergency.notifier_contract import Harness, NotifierContract, notification
from tests.emergency.test_channels_simulated import START, DeskHarness
from tests.emergency.test_channels_sms import SmsHarness


class RoutedHarness(Harness):
    """A channel's harness with the router in front of it and another channel beside it."""

    def __init__(self, inner: Harness, beside: Harness) -> None:
        self.inner, self.beside = inner, beside
        self.channel, self.address = inner.channel, inner.address
        self.undeliverable = inner.undeliverable
        self.notifier = ChannelRouter(
            {inner.channel: inner.notifier, beside.channel: beside.notifier}
        )

    def received(self) -> list[str]:
        return self.inner.received()

    def partner_answers(self, key: str, refused: bool) -> None:
        self.inner.partner_answers(key, refused)

    def cut(self) -> None:
        self.inner.cut()

    def mend(self) -> None:
        self.inner.mend()

    def close(self) -> None:
        self.inner.close()
        self.beside.close()


class TestRoutedDesk(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return RoutedHarness(DeskHarness(tmp_path / "desk.sqlite3"), SmsHarness())


class TestRoutedSms(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return RoutedHarness(SmsHarness(), DeskHarness(None))


@pytest.fixture
def both() -> Iterator[RoutedHarness]:
    h = RoutedHarness(DeskHarness(None), SmsHarness())
    yield h
    h.close()


def test_a_channel_not_configured_is_refused_and_logged(
    both: RoutedHarness, caplog: pytest.LogCaptureFixture
) -> None:
    n = replace(notification(both), channel=Channel.PLATFORM, partner_code="P-GAS-1")
    with caplog.at_level(logging.ERROR):
        assert both.notifier.send(n) is Handover.REFUSED
    assert "P-GAS-1" in caplog.text and "platform" in caplog.text and n.key in caplog.text


def test_answers_of_all_channels_merge_and_one_down_hides_no_other(both: RoutedHarness) -> None:
    desk_n = notification(both)
    sms_n = replace(notification(both.beside), channel=Channel.SMS)
    assert both.notifier.send(desk_n) is both.notifier.send(sms_n) is Handover.ACCEPTED
    both.inner.partner_answers(desk_n.key, refused=False)
    both.beside.partner_answers(sms_n.key, refused=True)
    assert {(a.key, a.refused) for a in both.notifier.answers()} == {
        (desk_n.key, False),
        (sms_n.key, True),
    }
    again = notification(both)
    both.notifier.send(again)
    both.inner.partner_answers(again.key, refused=False)
    both.beside.cut()
    assert [a.key for a in both.notifier.answers()] == [again.key]
    both.inner.cut()
    with pytest.raises(ChannelDown):
        both.notifier.answers()


def test_build_notifier_from_the_settings(tmp_path: Path) -> None:
    clock = FakeClock(START)
    plain = build_notifier(EmergencySettings(), clock, None)
    assert set(plain.adapters) == {Channel.SIMULATED}
    settings = Settings(
        db_url="sqlite://", emergency_sms_url="http://127.0.0.1:9/api",
        emergency_platform_url="https://yjgl.example.gov.cn/linkage", emergency_timeout_s=3,
        emergency_sim_min_delay_s=1, emergency_sim_max_delay_s=2, emergency_sim_never_percent=0,
        emergency_sim_seed=4,
    )  # fmt: skip
    emergency = settings.emergency()
    assert (emergency.desk.min_delay_s, emergency.desk.never_share, emergency.timeout_s) == (
        1,
        0.0,
        3,
    )
    router = build_notifier(emergency, clock, tmp_path)
    assert isinstance(router.adapters[Channel.SIMULATED], SimulatedDesk)
    assert isinstance(router.adapters[Channel.SMS], SmsGateway)
    assert isinstance(router.adapters[Channel.PLATFORM], EmergencyPlatform)
    n = notification(DeskHarness(None))
    assert router.send(n) is Handover.ACCEPTED
    with pytest.raises(ChannelDown):  # nothing listens on port 9: down, not another error
        router.send(replace(n, channel=Channel.SMS, address="13800000001"))
    assert [r.key for r in read_desk(tmp_path / DESK_FILE)] == [n.key]
    off = build_notifier(replace(emergency, simulated=False, sms_url="", platform_url=""),
                         clock, None)  # fmt: skip
    assert off.send(n) is Handover.REFUSED
