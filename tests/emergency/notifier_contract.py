"""The partner channel contract: every :class:`~console.services.partner_notifier.PartnerNotifier`
adapter passes it.

Subclass :class:`NotifierContract` in ``tests/emergency/test_channels_<channel>.py`` and
implement :meth:`~NotifierContract.open`, which returns a :class:`Harness`: the adapter, an
address it delivers to and one it can never deliver to, and hands on its far end (what reached
the partner, make the partner answer, cut and mend the channel).

What the contract holds a channel to: a notification handed over is ACCEPTED and reaches the
partner; the same key again is DUPLICATE and nothing new reaches the partner; a partner's
answer comes back through ``answers()`` at least once with its key (a refusal as refused); a
channel that is down raises ``ChannelDown`` (never another exception) on send, and on
``answers()`` raises ChannelDown or returns, and it works again once mended, without a new
adapter; an address the channel can never deliver to is REFUSED; ``answers()`` may be called
again and again and never makes answers up.
"""

from __future__ import annotations

import abc
import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.emergency import (
    Channel,
    EventType,
    Level,
    NotificationKind,
    notification_key,
)
from console.services.partner_notifier import (
    Answer,
    ChannelDown,
    Handover,
    Notification,
    PartnerNotifier,
)

POLLS = 5  # answers() calls an answer must show up within, once the partner gave it


class Harness(abc.ABC):
    """One adapter and its far end, as a contract test drives them."""

    notifier: PartnerNotifier
    channel: Channel
    address: str  # one the channel delivers to
    undeliverable: str  # one it can never deliver to

    @abc.abstractmethod
    def received(self) -> list[str]:
        """The keys that reached the partner, once per delivery (a key twice: sent twice)."""

    @abc.abstractmethod
    def partner_answers(self, key: str, refused: bool) -> None:
        """The partner answers the notification ``key`` (acknowledges, or refuses)."""

    @abc.abstractmethod
    def cut(self) -> None:
        """Make the channel unreachable."""

    @abc.abstractmethod
    def mend(self) -> None:
        """Bring it back."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the far end."""


_serial = itertools.count(1)


def notification(
    harness: Harness,
    kind: NotificationKind = NotificationKind.ASK,
    address: str | None = None,
) -> Notification:
    """A fresh notification (its own key) to the harness's deliverable address."""
    n = next(_serial)
    incident = f"12345-YJ-20261205-{n:03d}"
    return Notification(
        key=notification_key(incident, f"P{n:04d}", kind, 1, 0),
        incident_number=incident, partner_code=f"P{n:04d}", channel=harness.channel,
        address=harness.address if address is None else address, kind=kind,
        event_type=EventType.NATURAL, level=Level.II, place="和平区南京北街 12 号积水路段",
        summary="暴雨致道路积水，多车被困", task="派员抽排积水，疏导交通",
        ack_by=datetime(2026, 12, 5, 8, 30, tzinfo=UTC) if kind.expects_ack else None,
        drill=False, sent_by="12345",
    )  # fmt: skip


def collect(notifier: PartnerNotifier, key: str) -> list[Answer]:
    """Poll ``answers()`` until ``key``'s answer shows up (at most :data:`POLLS` calls)."""
    for _ in range(POLLS):
        found = [a for a in notifier.answers() if a.key == key]
        if found:
            return found
    raise AssertionError(f"no answer for {key} in {POLLS} calls of answers()")


class NotifierContract(abc.ABC):
    @abc.abstractmethod
    def open(self, tmp_path: Path) -> Harness:
        """A fresh adapter and its running far end."""

    @pytest.fixture
    def harness(self, tmp_path: Path) -> Iterator[Harness]:
        h = self.open(tmp_path)
        try:
            yield h
        finally:
            h.close()

    def test_a_notification_handed_over_is_accepted_and_reaches_the_partner(
        self, harness: Harness
    ) -> None:
        n = notification(harness)
        assert harness.notifier.send(n) is Handover.ACCEPTED
        assert harness.received() == [n.key]

    def test_every_kind_is_accepted(self, harness: Harness) -> None:
        sent = [notification(harness, kind) for kind in NotificationKind]
        assert [harness.notifier.send(n) for n in sent] == [Handover.ACCEPTED] * len(sent)
        assert sorted(harness.received()) == sorted(n.key for n in sent)

    def test_the_same_key_again_is_duplicate_and_nothing_new_reaches_the_partner(
        self, harness: Harness
    ) -> None:
        n = notification(harness)
        assert harness.notifier.send(n) is Handover.ACCEPTED
        assert harness.notifier.send(n) is Handover.DUPLICATE
        assert harness.notifier.send(replace(n, summary="重发")) is Handover.DUPLICATE
        assert harness.received() == [n.key]

    def test_an_acknowledgement_comes_back_with_its_key(self, harness: Harness) -> None:
        n, other = notification(harness), notification(harness)
        assert harness.notifier.send(n) is Handover.ACCEPTED
        assert harness.notifier.send(other) is Handover.ACCEPTED
        harness.partner_answers(n.key, refused=False)
        answers = collect(harness.notifier, n.key)
        assert all(not a.refused and a.at.tzinfo is not None and a.by for a in answers)

    def test_a_refusal_comes_back_refused(self, harness: Harness) -> None:
        n = notification(harness)
        assert harness.notifier.send(n) is Handover.ACCEPTED
        harness.partner_answers(n.key, refused=True)
        assert all(a.refused for a in collect(harness.notifier, n.key))

    def test_a_channel_down_raises_channel_down_and_works_again_after(
        self, harness: Harness
    ) -> None:
        first, during = notification(harness), notification(harness)
        assert harness.notifier.send(first) is Handover.ACCEPTED
        harness.cut()
        with pytest.raises(ChannelDown):
            harness.notifier.send(during)
        with contextlib.suppress(ChannelDown):  # either is fine; never another exception
            assert list(harness.notifier.answers()) == []
        harness.mend()
        assert harness.notifier.send(during) is Handover.ACCEPTED
        assert harness.notifier.send(first) is Handover.DUPLICATE
        assert harness.received() == [first.key, during.key]
        harness.partner_answers(during.key, refused=False)
        assert collect(harness.notifier, during.key)

    def test_an_address_the_channel_can_never_deliver_to_is_refused(self, harness: Harness) -> None:
        n = notification(harness, address=harness.undeliverable)
        assert harness.notifier.send(n) is Handover.REFUSED
        assert harness.received() == []
        good = notification(harness)
        assert harness.notifier.send(good) is Handover.ACCEPTED

    def test_answers_may_be_called_again_and_again_and_never_make_answers_up(
        self, harness: Harness
    ) -> None:
        for _ in range(3):
            assert list(harness.notifier.answers()) == []
        sent = [notification(harness) for _ in range(3)]
        for n in sent:
            assert harness.notifier.send(n) is Handover.ACCEPTED
        assert list(harness.notifier.answers()) == []  # nobody answered yet
        harness.partner_answers(sent[1].key, refused=False)
        collect(harness.notifier, sent[1].key)
        for _ in range(3):
            assert {a.key for a in harness.notifier.answers()} <= {sent[1].key}
