"""The emergency-management platform channel passes the channel contract against a fake
platform on loopback, and sends the EIDO-shaped notice of docs/partner-channels.md."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.channels.emergency_platform import EmergencyPlatform
from console.domain.emergency import Channel, NotificationKind
from console.scheduling.clock import FakeClock
from console.services.partner_notifier import ChannelDown, Handover
from tests.emergency.channel_fakes import FakePlatform
from tests.emergency.notifier_contract import Harness, NotifierContract, notification

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


class PlatformHarness(Harness):
    channel = Channel.PLATFORM
    address = "YJ-210100-01"
    undeliverable = "YJ-999999-99"

    def __init__(self, timeout_s: float = 5.0) -> None:
        self.far = FakePlatform().start()
        assert isinstance(self.far, FakePlatform)
        self.notifier = self.platform = EmergencyPlatform(
            self.far.url, timeout_s, FakeClock(NOW).now
        )

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


class TestEmergencyPlatform(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return PlatformHarness()


@pytest.fixture
def platform() -> Iterator[PlatformHarness]:
    h = PlatformHarness()
    yield h
    h.close()


def test_the_notice_is_eido_shaped_with_the_linkage_part(platform: PlatformHarness) -> None:
    n = notification(platform)
    platform.platform.send(n)
    body = platform.far.accepted[n.key]
    assert platform.far.headers[0]["Idempotency-Key"] == n.key == body["eidoMessageIdentifier"]
    assert body["messageKind"] == "Alert" and body["sendingSystemIdentifier"] == "12345"
    assert body["lastUpdateTimeStamp"] == NOW.isoformat()
    incident = body["incidentComponent"][0]
    assert incident["incidentTrackingIdentifier"] == n.incident_number
    assert incident["incidentTypeCommonRegistryText"] == "自然灾害"
    location = body["locationComponent"][0]
    assert incident["locationReference"]["$ref"] == location["componentIdentifier"]
    assert location["civicAddressText"] == n.place
    assert body["notesComponent"][0]["notesActionCommentText"] == n.summary
    linkage = body["linkage"]
    assert linkage["recipientUnit"] == platform.address and linkage["task"] == n.task
    assert linkage["level"] == "2" and linkage["ackBy"] == "2026-12-05T08:30:00+00:00"


def test_stand_down_is_a_cancel_and_a_closed_incident(platform: PlatformHarness) -> None:
    n = notification(platform, NotificationKind.STAND_DOWN)
    platform.platform.send(n)
    body = platform.far.accepted[n.key]
    assert body["messageKind"] == "Cancel" and body["linkage"]["ackBy"] is None
    assert body["incidentComponent"][0]["incidentStatusCommonRegistryText"] == "Closed"


def test_errors_timeouts_and_lost_answers(platform: PlatformHarness) -> None:
    platform.far.next_status = 503
    with pytest.raises(ChannelDown):
        platform.platform.send(notification(platform))
    n = notification(platform)
    platform.far.drop_next_answer = True
    with pytest.raises(ChannelDown):
        platform.platform.send(n)
    assert platform.platform.send(n) is Handover.DUPLICATE
    platform.far.answers.append({"eidoMessageIdentifier": n.key, "status": "maybe", "at": "x"})
    assert platform.platform.answers() == []
    slow = PlatformHarness(timeout_s=0.3)
    try:
        slow.far.hang.clear()
        with pytest.raises(ChannelDown):
            slow.platform.answers()
    finally:
        slow.close()
