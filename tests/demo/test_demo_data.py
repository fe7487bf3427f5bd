"""Demo data is realistic enough to demo on, valid under the domain's rules, and deterministic."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import text

from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.domain.orders import (
    Action,
    Actor,
    FirstContactMode,
    Platform,
    Status,
    ThreeWayOutcome,
    WorkOrder,
    apply,
    new_order,
    replay,
)
from console.store import orders as repo
from console.store.engine import Database
from console.store.setup import init_db

UNTIL = date(2026, 11, 26)
CALENDAR = load_calendar()


def _digest(db: Database) -> str:
    h = hashlib.sha256()
    with db.read() as s:
        for table in ("work_order", "order_event"):
            for row in s.execute(text(f"SELECT * FROM {table} ORDER BY id")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def test_same_seed_same_data(tmp_path: Path) -> None:
    digests = []
    for n in range(2):
        db, _ = init_db(f"sqlite:///{tmp_path / f'{n}.sqlite3'}")
        load_demo_data(db, 3_000, seed=7, until=UNTIL, calendar=CALENDAR)
        digests.append(_digest(db))
        db.dispose()
    assert digests[0] == digests[1]
    db, _ = init_db(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    load_demo_data(db, 3_000, seed=8, until=UNTIL, calendar=CALENDAR)
    assert _digest(db) != digests[0]
    db.dispose()


def test_every_timeline_obeys_the_state_machine(db: Database) -> None:
    result = load_demo_data(db, 2_000, seed=3, until=UNTIL, calendar=CALENDAR)
    assert result.orders == 2_000
    statuses: Counter[str] = Counter()
    transferred = Counter()
    with db.read() as s:
        numbers = [r[0] for r in s.execute(text("SELECT number FROM work_order"))]
        for number in numbers:
            stored = repo.get(s, number).order
            assert replay(stored.timeline) == (stored.status, stored.owner), number
            statuses[stored.status] += 1
            if stored.owner is not stored.origin:
                transferred[stored.origin] += 1
            assert stored.deadlines.completion is not None
            assert stored.deadlines.completion > stored.created_at
    # Plausible proportions: mostly closed, some open, transfers both ways.
    assert statuses[Status.COMPLETED] > 1_000
    assert statuses[Status.HANDLING] + statuses[Status.RECEIVED] > 0
    assert transferred[Platform.HOTLINE] > 10 and transferred[Platform.POLICE] > 10


def test_repeat_callers_and_some_overdue(sqlite_db: Database) -> None:
    load_demo_data(sqlite_db, 5_000, seed=1, until=UNTIL, calendar=CALENDAR)
    with sqlite_db.read() as s:
        top = s.execute(
            text("SELECT count(*) c FROM work_order GROUP BY caller_phone ORDER BY c DESC LIMIT 1")
        ).scalar_one()
        overdue = s.execute(
            text(
                "SELECT count(*) FROM work_order WHERE status NOT IN ('completed', 'cancelled') "
                "AND feedback_due < '2026-11-25 16:00:00'"
            )
        ).scalar_one()
    assert top >= 3  # frequent callers exist
    assert overdue > 0


def test_a_second_run_adds_without_clashing(db: Database) -> None:
    load_demo_data(db, 1_500, seed=1, until=UNTIL, calendar=CALENDAR)
    load_demo_data(db, 1_500, seed=2, until=UNTIL, calendar=CALENDAR)
    with db.read() as s:
        assert repo.count(s) == 3_000
        distinct = s.execute(text("SELECT count(DISTINCT number) FROM work_order")).scalar_one()
    assert distinct == 3_000
    # The live numbering continues after the demo's numbers of the same day.
    from datetime import UTC, datetime

    with db.write() as s:
        number = repo.next_number(s, Platform.HOTLINE, datetime(2026, 11, 25, 4, tzinfo=UTC))
        taken = s.execute(
            text("SELECT count(*) FROM work_order WHERE number = :n"), {"n": number}
        ).scalar_one()
    assert taken == 0


def test_bulk_path_keeps_the_indexes(tmp_path: Path) -> None:
    """Over 50 k orders the SQLite writer drops and rebuilds indexes: they must all be back."""
    db, _ = init_db(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    with db.read() as s:
        before = set(s.execute(text("SELECT name FROM sqlite_master WHERE type='index'")).scalars())
    load_demo_data(db, 60_000, seed=1, until=UNTIL, calendar=CALENDAR, workers=2)
    with db.read() as s:
        after = set(s.execute(text("SELECT name FROM sqlite_master WHERE type='index'")).scalars())
        assert repo.count(s) == 60_000
    assert after == before
    db.dispose()


def test_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "console", "demo-data", "--db", url, "--orders", "500",
         "--until", "2026-11-26"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "500 orders" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "console", "demo-data", "--db", url, "--orders", "0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2 and "at least 1" in bad.stderr


def test_open_orders_get_their_alarms_with_the_past_already_raised(db: Database) -> None:
    from datetime import UTC, datetime

    from console.services.alarms import AlarmService, load_site_policy

    load_demo_data(db, 3_000, seed=4, until=UNTIL, calendar=CALENDAR, policy=load_site_policy(db))
    with db.read() as s:
        open_orders = s.execute(
            text("SELECT count(*) FROM work_order WHERE status NOT IN ('completed', 'cancelled')")
        ).scalar_one()
        planned = s.execute(text("SELECT count(DISTINCT order_id) FROM alarm")).scalar_one()
        raised = s.execute(text("SELECT count(*) FROM alarm WHERE raised_by = 'demo'")).scalar_one()
    assert planned == open_orders > 0
    assert raised > 0
    # A console starting at the demo's "now" has nothing old to raise: no flood on first start.
    start = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)  # 26 Nov 00:00 China time
    assert AlarmService(db, lambda: start, "A-01").sweep() == []


def _rebuilt(stored: WorkOrder) -> WorkOrder:
    """The order made again from its timeline by the domain's own rules (``new_order`` and
    ``apply``), so every step must be one a seat could take: right status, right platform, the
    notes, details and consent the rules ask for."""
    first, *rest = stored.timeline
    agreed_on_call = any(
        e.action is Action.THREE_WAY and e.detail == stored.origin.peer.value for e in rest
    )
    order = new_order(
        number=stored.number,
        actor=Actor(first.actor, first.seat, first.platform),
        at=first.at,
        caller=stored.caller,
        kind=stored.kind,
        field=stored.field,
        district=stored.district,
        address=stored.address,
        description=stored.description,
        priority=stored.priority,
        social_stability=stored.social_stability,
        consent=stored.consent and not agreed_on_call,
        escalated_from=stored.escalated_from,
    )
    for e in rest:
        mode = stored.first_contact_mode if e.action is Action.FIRST_CONTACT else None
        actor = Actor(e.actor, e.seat, e.platform)
        order = apply(order, e.action, actor, e.at, e.note, mode, detail=e.detail)
    return order


def test_every_timeline_follows_the_rules_including_the_linkage_paths(db: Database) -> None:
    """Dispatch, department progress, escalation and three-way outcomes appear, and every
    timeline is one the domain's rules allow, step by step."""
    load_demo_data(db, 3_000, seed=5, until=UNTIL, calendar=CALENDAR)
    actions: Counter[Action] = Counter()
    outcomes: Counter[str] = Counter()
    modes: Counter[FirstContactMode | None] = Counter()
    statuses: Counter[Status] = Counter()
    escalations: list[tuple[str, str, object]] = []  # (original, linked number, escalated at)
    with db.read() as s:
        numbers = [r[0] for r in s.execute(text("SELECT number FROM work_order"))]
        directory = {c: d for c, d in s.execute(text("SELECT code, district FROM department"))}
        city_of = {c: y for c, y in s.execute(text("SELECT code, city_code FROM district"))}
        stored_orders = {number: repo.get(s, number).order for number in numbers}
    for number, stored in stored_orders.items():
        rebuilt = _rebuilt(stored)
        assert (rebuilt.status, rebuilt.owner) == (stored.status, stored.owner), number
        assert rebuilt.department == stored.department, number
        assert rebuilt.consent == stored.consent, number
        assert rebuilt.first_contact_mode == stored.first_contact_mode, number
        statuses[stored.status] += 1
        modes[stored.first_contact_mode] += 1
        timeline = stored.timeline
        for i, e in enumerate(timeline):
            actions[e.action] += 1
            if e.action is Action.DISPATCH:
                # A department of the directory with jurisdiction: the district's or its city's.
                assert e.detail in directory, (number, e.detail)
                assert directory[e.detail] in (stored.district, city_of[stored.district])
                assert stored.owner is Platform.HOTLINE
            elif e.action is Action.THREE_WAY:
                outcomes[e.detail] += 1
                assert i == 1 and e.platform is Platform.HOTLINE, number  # near the start
                follow = timeline[i + 1].action if i + 1 < len(timeline) else None
                if e.detail == ThreeWayOutcome.POLICE:
                    assert follow is Action.TRANSFER and stored.consent, number
                elif e.detail == ThreeWayOutcome.FIRST_CONTACT:
                    assert follow is Action.FIRST_CONTACT, number
                    assert stored.first_contact_mode is not None, number
            elif e.action is Action.ESCALATE:
                escalations.append((number, e.detail, e.at))
                assert stored.department is not None, number
    assert actions[Action.DISPATCH] > 500
    assert actions[Action.DEPT_SIGN_FOR] > 500 and actions[Action.PROGRESS] > 100
    assert statuses[Status.DISPATCHED] > 0  # 已派单, waiting for the department
    assert set(outcomes) == {o.value for o in ThreeWayOutcome}
    assert modes[FirstContactMode.GUIDANCE] > 0 and modes[FirstContactMode.PROVISIONAL] > 0
    assert escalations
    linked_numbers = set()
    for original, linked_number, escalated_at in escalations:
        linked = stored_orders[linked_number]  # the linked order exists
        linked_numbers.add(linked_number)
        assert linked.escalated_from == original
        assert linked.origin is Platform.HOTLINE and linked.owner is Platform.POLICE
        assert linked.created_at == escalated_at
        escalating = next(e for e in stored_orders[original].timeline if e.detail == linked_number)
        create, transfer = linked.timeline[:2]
        assert (create.seat, transfer.seat) == (escalating.seat, escalating.seat)
        assert transfer.action is Action.TRANSFER and transfer.at == create.at
        assert linked.caller == stored_orders[original].caller
    made = {n for n, o in stored_orders.items() if o.escalated_from is not None}
    assert made == linked_numbers  # no linked order without its escalation
    with db.read() as s:
        dangling = s.execute(
            text(
                "SELECT count(*) FROM work_order WHERE department IS NOT NULL "
                "AND department NOT IN (SELECT code FROM department)"
            )
        ).scalar_one()
    assert dangling == 0
