"""The database unreachable mid-shift (issue 18): the seat holds what the agent saves in its
journal, and writes it when the database is back — once, in order, with the original times;
a step on an order another seat changed meanwhile is set aside and shown, never forced; alarms
that fell due during the outage are raised when it ends, once. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Priority
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.journal import JournalService, is_outage
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPopService
from console.store.journal_file import JournalFile
from tests.principals import at_seat
from tests.services.outage import Outage, pg_outage, sqlite_outage
from tests.store.kept_counts import assert_kept

CHINA = ZoneInfo("Asia/Shanghai")
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
OTHER = at_seat("张敏", "A-02", Platform.HOTLINE)
START = datetime(2026, 11, 23, 10, 0, tzinfo=CHINA).astimezone(UTC)  # a Monday, mid-shift


def draft(n: int, **over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description=f"楼下烧烤店夜间噪音扰民 {n}", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def outage(
    request: pytest.FixtureRequest, tmp_path: Path, _templates: dict[str, str]
) -> Iterator[Outage]:
    if request.param == "sqlite":
        with sqlite_outage(tmp_path, _templates["sqlite"]) as made:
            yield made
    else:
        with pg_outage() as made:
            yield made


class Seat:
    def __init__(self, outage: Outage, tmp_path: Path) -> None:
        self.clock = FakeClock(START)
        self.db = db = outage.db
        self.orders = OrderService(db, self.clock.now, load_site_policy(db), load_calendar())
        self.file = JournalFile(tmp_path / "journal" / "A-01.sqlite3")
        self.journal = JournalService(self.orders, HOTLINE, self.file, self.clock.now)
        self.alarms = AlarmService(db, self.clock.now, "A-01")

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with self.db.read() as s:
            return [tuple(r) for r in s.execute(text(sql)).all()]


def when(value: object) -> datetime:
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def test_held_while_down_written_once_in_order_with_their_times(
    outage: Outage, tmp_path: Path
) -> None:
    seat = Seat(outage, tmp_path)
    first = seat.journal.save(draft(0))
    assert first.startswith("12345-")  # the database is there: a real number at once
    outage.down()
    saved_at = []
    labels = []
    for n in range(1, 4):
        seat.clock.advance(60)
        saved_at.append(seat.clock.now())
        labels.append(seat.journal.save(draft(n)))
    assert labels == ["暂存-0001", "暂存-0002", "暂存-0003"]
    view = seat.journal.view()
    assert (view.offline, view.held, view.others) == (True, 3, 0)
    seat.clock.advance(300)  # five minutes without the database
    outage.up()
    assert seat.journal.health(True)
    done = seat.journal.replay()
    assert not done.stopped and done.aside == []
    assert [label for label, _ in done.written] == labels
    numbers = [number for _, number in done.written]
    assert numbers == sorted(numbers)  # written in the order the agent saved them
    again = seat.journal.replay()
    assert again.written == [] and seat.journal.view().held == 0
    rows = seat.rows("SELECT number, created_at, description FROM work_order ORDER BY id")
    assert [r[2] for r in rows] == [draft(n).description for n in range(4)]  # each once
    assert [when(r[1]) for r in rows[1:]] == saved_at  # the time the agent saved it
    events = seat.rows("SELECT at FROM order_event WHERE action = 'create' ORDER BY id")
    assert [when(r[0]) for r in events[1:]] == saved_at
    assert seat.journal.save(draft(4)).startswith("12345-")  # back to numbers at once
    assert_kept(seat.db)  # the write-back kept the queue totals (migration 0026)


def test_a_replay_killed_after_its_commit_writes_nothing_twice(
    outage: Outage, tmp_path: Path
) -> None:
    seat = Seat(outage, tmp_path)
    outage.down()
    seat.journal.save(draft(1))
    seat.journal.save(draft(2))
    outage.up()
    entry = seat.file.entries()[0]  # committed, then the console was killed before the delete:
    made = seat.orders.create(draft(1), HOTLINE, key=entry.key, at=entry.at)
    done = seat.journal.replay()
    assert done.written[0] == ("暂存-0001", made.order.number)
    assert len(done.written) == 2
    descriptions = [r[0] for r in seat.rows("SELECT description FROM work_order ORDER BY id")]
    assert descriptions == [draft(1).description, draft(2).description]


def test_a_step_on_an_order_changed_meanwhile_is_set_aside_not_forced(
    outage: Outage, tmp_path: Path
) -> None:
    seat = Seat(outage, tmp_path)
    number = seat.journal.save(draft(1))
    seat.orders.act(number, Action.START_HANDLING, HOTLINE, seen=1)
    seen = len(seat.orders.get(number).order.timeline)
    outage.down()
    held = seat.journal.act(number, Action.PROGRESS, "已联系物业", seen=seen)
    assert held == "暂存-0001"
    outage.up()
    seat.orders.act(number, Action.PROGRESS, OTHER, "另一席位的进展", seen=seen)
    done = seat.journal.replay()
    assert done.written == []
    [aside] = done.aside
    assert (aside.label, aside.number, aside.reason) == ("暂存-0001", number, "stale")
    notes = [e.note for e in seat.orders.get(number).order.timeline]
    assert "另一席位的进展" in notes and "已联系物业" not in notes  # theirs stands
    assert seat.journal.view().aside == (aside,)  # shown to the agent until dismissed
    assert seat.journal.replay().aside == []  # never tried again by itself
    seat.journal.dismiss(aside.seq)
    assert seat.journal.view().aside == ()


def test_alarms_due_during_the_outage_are_raised_once_when_it_ends(
    outage: Outage, tmp_path: Path
) -> None:
    seat = Seat(outage, tmp_path)
    # A 特急 order: feedback within 2 hours, due one minute into the outage.
    seat.clock.set(START - timedelta(hours=2) + timedelta(minutes=1))
    urgent = seat.journal.save(draft(1, priority=Priority.CRITICAL))
    seat.clock.set(START)
    assert not [a for a in seat.alarms.sweep() if a.level.value == "due"]
    outage.down()
    seat.clock.advance(60)
    held_order = seat.journal.save(draft(2, priority=Priority.CRITICAL))
    assert held_order == "暂存-0001"
    with pytest.raises(Exception) as failed:  # the sweep finds no database
        seat.alarms.sweep()
    assert is_outage(failed.value)
    assert not seat.journal.health(False)
    seat.clock.set(START + timedelta(hours=3))  # a long outage: the held order's alarms came due
    outage.up()
    seat.journal.replay()
    raised = seat.alarms.sweep()
    keys = [(a.order_id, a.deadline, a.level.value) for a in raised]
    ids = {number: order_id for order_id, number in seat.rows("SELECT id, number FROM work_order")}
    assert (ids[urgent], "feedback", "due") in keys
    held_id = max(ids.values())  # the held order, written with its time: its alarms are due
    assert {level for i, d, level in keys if i == held_id and d == "feedback"} >= {"due"}
    assert len(keys) == len(set(keys))
    assert seat.alarms.sweep() == []  # once


def test_the_screen_pop_says_it_cannot_look_up_history(outage: Outage, tmp_path: Path) -> None:
    seat = Seat(outage, tmp_path)
    seat.journal.save(draft(1))
    pops = ScreenPopService(outage.db, seat.clock.now, HOTLINE)
    assert len(pops.pop("13812345678").history) == 1
    outage.down()
    pop = pops.pop("13812345678")
    assert pop.unavailable and pop.history == [] and pop.phone == "13812345678"
    outage.up()
    assert not pops.pop("13812345678").unavailable
