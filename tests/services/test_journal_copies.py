"""Orders the agent opens while the database is away (issue 18): the seat keeps the last copy
of each order it read this session (memory only, the last N by last use) and, with the
database away, shows that copy — with the time it was read and the agent's held steps on it —
without trying the database for each; an order never read here cannot be opened (not "no such
order"); once the health check finds the database again, orders are read fresh. What the seat
holds shows the deadlines its write-back will give. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.orders import Action, DeadlineKind, Status, WorkOrder
from console.services.journal import JournalService
from console.services.journal_copies import NotReadHere
from console.services.journal_shown import Shown
from console.services.orders import UnknownOrder
from console.services.steps import Held, Step
from console.store.journal_file import JournalFile
from tests.services.outage import Outage
from tests.services.test_journal_outage import HOTLINE, OTHER, draft
from tests.services.test_journal_steps import Desk, desk, outage

__all__ = ["desk", "outage"]  # the fixtures, both databases


class Reads:
    """The order detail's reads of one desk, counted: what went to the database."""

    def __init__(self, desk: Desk, journal: JournalService | None = None) -> None:
        self.desk, self.journal, self.asked = desk, journal or desk.journal, []

    def get(self, number: str) -> WorkOrder:
        self.asked.append(number)
        return self.desk.orders.get(number).order

    def shown(self, number: str) -> Shown:
        return self.journal.shown(number, self.get)

    def related(self, number: str) -> list[str] | None:
        phone = draft(0).caller_phone
        found = self.journal.related(number, phone, self.desk.orders.caller_history)
        return None if found is None else [s.number for s in found]


def test_an_order_read_earlier_opens_from_its_copy_with_the_time_read_and_the_held_steps(
    desk: Desk, outage: Outage
) -> None:
    first, second, never = (desk.journal.save(draft(n)) for n in (1, 2, 3))
    reads = Reads(desk)
    read_at = desk.clock.now()
    on_screen = reads.shown(first)
    assert on_screen.read_at is None  # read just now
    history = reads.related(first)
    assert history is not None and {first, second, never} <= set(history)
    desk.clock.advance(60)
    reads.shown(second)  # read without its caller's orders
    outage.down()
    desk.clock.advance(60)
    seen = len(on_screen.order.timeline)
    held = desk.journal.step(Step(first, seen, Action.START_HANDLING, ""), desk.steps.perform)
    assert held == Held("暂存-0001")  # the write found the database away
    asked = len(reads.asked)
    assert reads.shown(second).read_at is not None  # the agent moves to another order…
    again = reads.shown(first)  # …and comes back
    assert len(reads.asked) == asked  # known away: no connect timeout per order opened
    assert again.read_at == read_at and again.base == on_screen.order
    assert (again.order.status, again.held) == (Status.HANDLING, 1)  # the held step applied
    assert again.held_deadlines == ()  # a start of handling starts no deadline
    assert reads.related(first) == history  # read with that copy
    assert reads.related(second) is None  # none read with it: unavailable, not an error
    with pytest.raises(NotReadHere) as refused:  # never opened at this seat
        reads.shown(never)
    assert refused.value.code == "not_read_here" and not isinstance(refused.value, UnknownOrder)
    outage.up()  # (a cluster is stopped running)


def test_a_read_that_finds_the_database_away_gives_the_copy_and_holds_the_next_save(
    desk: Desk, outage: Outage
) -> None:
    number = desk.journal.save(draft(1))
    reads = Reads(desk)
    read_at = desk.clock.now()
    reads.shown(number)
    outage.down()
    desk.clock.advance(60)
    copy = reads.shown(number)  # tried, unreachable: the copy
    assert copy.read_at == read_at and copy.order == copy.base
    assert desk.journal.view().offline  # the banner says so; a save does not try first
    assert desk.journal.save(draft(2)) == "暂存-0001"
    outage.up()


def test_back_the_next_read_is_fresh_and_shows_another_seats_change(
    desk: Desk, outage: Outage
) -> None:
    number = desk.journal.save(draft(1))
    reads = Reads(desk)
    reads.shown(number)
    outage.down()
    assert reads.shown(number).read_at is not None
    outage.up()
    desk.orders.act(number, Action.START_HANDLING, OTHER, seen=1)  # another seat, meanwhile
    assert reads.shown(number).read_at is not None  # known away until the health check says
    assert desk.journal.health(True)
    fresh = reads.shown(number)
    assert fresh.read_at is None and fresh.order.status is Status.HANDLING
    assert fresh.order.timeline[-1].seat == OTHER.actor.seat
    assert reads.related(number) is not None


def test_the_seat_forgets_the_least_recently_used_beyond_its_size(
    desk: Desk, outage: Outage, tmp_path: Path
) -> None:
    a, b, c = (desk.journal.save(draft(n)) for n in (1, 2, 3))
    file = JournalFile(tmp_path / "small.sqlite3")
    journal = JournalService(desk.orders, HOTLINE, file, desk.clock.now, kept=2)
    try:
        reads = Reads(desk, journal)
        reads.shown(a)
        reads.shown(b)
        reads.shown(a)  # used again: b is now the least recently used
        reads.shown(c)  # one more than it keeps: b goes
        outage.down()
        assert reads.shown(a).read_at is not None and reads.shown(c).read_at is not None
        with pytest.raises(NotReadHere):
            reads.shown(b)
        journal.close()  # signed out: nothing of what the agent read stays
        with pytest.raises(NotReadHere):
            reads.shown(a)
        outage.up()
    finally:
        journal.close()


def test_a_held_new_order_shows_the_deadlines_its_write_back_gives(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    desk.clock.advance(60)
    label = desk.journal.save(draft(1))
    reads = Reads(desk)
    held = reads.shown(label)
    due = held.order.deadlines
    assert due.feedback is not None and due.completion is not None and due.sign_for is None
    assert set(held.held_deadlines) == {DeadlineKind.FEEDBACK, DeadlineKind.COMPLETION}
    seen = len(held.order.timeline)
    held_step = desk.journal.step(Step(label, seen, Action.START_HANDLING, ""), desk.steps.perform)
    assert held_step == Held("暂存-0002")
    assert reads.shown(label).order.deadlines == due  # a held step on it keeps them
    outage.up()
    assert desk.journal.health(True)
    number = desk.journal.replay().written[0][1]
    assert desk.orders.get(number).order.deadlines == due  # what the write-back gave
    assert reads.shown(number).held_deadlines == ()
