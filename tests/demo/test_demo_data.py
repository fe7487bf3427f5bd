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
from console.domain.orders import Platform, Status, replay
from console.store import orders as repo
from console.store.engine import Database
from console.store.setup import init_db

UNTIL = date(2026, 11, 26)


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
        load_demo_data(db, 3_000, seed=7, until=UNTIL)
        digests.append(_digest(db))
        db.dispose()
    assert digests[0] == digests[1]
    db, _ = init_db(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    load_demo_data(db, 3_000, seed=8, until=UNTIL)
    assert _digest(db) != digests[0]
    db.dispose()


def test_every_timeline_obeys_the_state_machine(db: Database) -> None:
    result = load_demo_data(db, 2_000, seed=3, until=UNTIL)
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
    load_demo_data(sqlite_db, 5_000, seed=1, until=UNTIL)
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
    load_demo_data(db, 1_500, seed=1, until=UNTIL)
    load_demo_data(db, 1_500, seed=2, until=UNTIL)
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
    load_demo_data(db, 60_000, seed=1, until=UNTIL, workers=2)
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

    load_demo_data(db, 3_000, seed=4, until=UNTIL, policy=load_site_policy(db))
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
