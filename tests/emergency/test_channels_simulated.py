"""The simulated partner desk passes the channel contract (in memory and durable), answers as
its settings say — after a delay within min..max, never for a share, refusing for a share,
the same for the same seed — by its clock, and keeps its keys across restarts."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.channels.simulated import DeskBehaviour, SimulatedDesk, read_desk
from console.domain.emergency import Channel, NotificationKind
from console.scheduling.clock import FakeClock
from console.services.partner_notifier import ChannelDown, Handover
from tests.emergency.notifier_contract import Harness, NotifierContract, notification

START = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
QUIET = DeskBehaviour(min_delay_s=60, max_delay_s=60, never_share=0.0, refuse_share=0.0)


class DeskHarness(Harness):
    channel = Channel.SIMULATED
    address = "sim:210100-fire-1"
    undeliverable = ""

    def __init__(self, path: Path | None, behaviour: DeskBehaviour = QUIET) -> None:
        self.clock = FakeClock(START)
        self.desk = SimulatedDesk(self.clock, behaviour, path)
        self.notifier = self.desk

    def received(self) -> list[str]:
        return [r.key for r in self.desk.records()]

    def partner_answers(self, key: str, refused: bool) -> None:
        self.desk.answer_now(key, refused)

    def cut(self) -> None:
        self.desk.set_reachable(False)

    def mend(self) -> None:
        self.desk.set_reachable(True)

    def close(self) -> None:
        self.desk.close()


class TestDeskInMemory(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return DeskHarness(None)


class TestDeskDurable(NotifierContract):
    def open(self, tmp_path: Path) -> Harness:
        return DeskHarness(tmp_path / "desk.sqlite3")


def asks(h: DeskHarness, count: int) -> list[str]:
    keys = []
    for _ in range(count):
        n = notification(h)
        assert h.desk.send(n) is Handover.ACCEPTED
        keys.append(n.key)
    return keys


def test_answers_come_between_min_and_max_delay_by_the_clock() -> None:
    h = DeskHarness(None, DeskBehaviour(min_delay_s=30, max_delay_s=90, never_share=0.0,
                                        refuse_share=0.0))  # fmt: skip
    keys = asks(h, 40)
    h.clock.advance(29.9)
    assert h.desk.answers() == []
    got = []
    for _ in range(61):
        h.clock.advance(1)
        got.extend(h.desk.answers())
    assert sorted(a.key for a in got) == sorted(keys)
    assert all(30 <= (a.at - START).total_seconds() <= 90 for a in got)
    assert len({a.at for a in got}) > 30  # spread, not all at once
    assert h.desk.answers() == []  # each returned once in a run


def test_shares_never_and_refused_are_about_as_set_and_seeded() -> None:
    behaviour = DeskBehaviour(min_delay_s=1, max_delay_s=5, never_share=0.2, refuse_share=0.25,
                              seed=7)  # fmt: skip
    h = DeskHarness(None, behaviour)
    keys = asks(h, 400)
    h.clock.advance(10)
    answers = h.desk.answers()
    never = 400 - len(answers)
    refused = sum(a.refused for a in answers)
    assert 50 <= never <= 110 and 0.15 <= refused / len(answers) <= 0.35
    again = DeskHarness(None, behaviour)  # the same seed, the same keys in reverse order
    for key in reversed(keys):
        n = notification(again)
        assert again.desk.send(replace(n, key=key)) is Handover.ACCEPTED
    again.clock.advance(10)
    assert {(a.key, a.refused, a.at) for a in again.desk.answers()} == {
        (a.key, a.refused, a.at) for a in answers
    }
    other = DeskHarness(None, replace(behaviour, seed=8))
    for key in keys:
        other.desk.send(replace(notification(other), key=key))
    other.clock.advance(10)
    assert {a.key for a in other.desk.answers()} != {a.key for a in answers}


def test_only_asks_are_answered() -> None:
    h = DeskHarness(None, replace(QUIET, min_delay_s=1, max_delay_s=1))
    told = [notification(h, kind) for kind in NotificationKind]
    for n in told:
        h.desk.send(n)
    h.clock.advance(5)
    expected = {n.key for n in told if n.kind.expects_ack}
    assert {a.key for a in h.desk.answers()} == expected


def test_a_durable_desk_keeps_its_keys_and_answers_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    h = DeskHarness(path, replace(QUIET, min_delay_s=10, max_delay_s=10))
    sent = [notification(h) for _ in range(3)]
    for n in sent:
        h.desk.send(n)
    h.clock.advance(11)
    assert len(h.desk.answers()) == 3
    h.desk.close()  # a kill -9 loses nothing committed: send() commits before it returns
    restarted = SimulatedDesk(h.clock, QUIET, path)
    assert restarted.send(sent[0]) is Handover.DUPLICATE
    assert {a.key for a in restarted.answers()} == {n.key for n in sent}  # again, once
    assert restarted.answers() == []
    restarted.close()
    records = read_desk(path)
    assert [r.key for r in records] == [n.key for n in sent]
    assert Counter(r.handed for r in records) == {1: 2, 2: 1}
    assert all(r.partner_code and r.incident_number for r in records)


def test_refused_addresses_and_a_down_desk() -> None:
    desk = SimulatedDesk(FakeClock(START), QUIET, None, refuse_addresses=frozenset({"gone"}))
    h = DeskHarness(None)
    assert desk.send(notification(h, address="gone")) is Handover.REFUSED
    desk.set_reachable(False)
    with pytest.raises(ChannelDown):
        desk.answers()
    with pytest.raises(ValueError):
        DeskBehaviour(min_delay_s=5, max_delay_s=1)
