"""The repository and order service on both SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status, TransitionError
from console.services.orders import InvalidDraft, OrderService
from console.store import orders as repo
from console.store.engine import Database
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def draft(**over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="138 1234 5678",
        caller_name="张三",
        kind="C-TS",
        field="F-SH",
        district="210102",
        address="中山路1号",
        description="楼下烧烤店夜间噪音扰民",
        consent=True,
    )
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def test_create_numbers_by_platform_and_china_day(db: Database) -> None:
    service = OrderService(db, Clock())
    first = service.create(draft(), HOTLINE)
    second = service.create(draft(), HOTLINE)
    # 01:30 UTC is 09:30 in Shanghai, same day.
    assert first.order.number == "12345-20261126-000001"
    assert second.order.number == "12345-20261126-000002"
    assert first.order.caller.phone == "13812345678"


def test_round_trip_keeps_every_field_and_the_timeline(db: Database) -> None:
    service = OrderService(db, Clock())
    made = service.create(draft(), HOTLINE)
    service.act(made.order.number, Action.TRANSFER, HOTLINE, "涉嫌违法", seen=1)
    service.act(made.order.number, Action.SIGN_FOR, POLICE, seen=2)
    loaded = service.get(made.order.number)
    assert loaded.order.status is Status.SIGNED_FOR
    assert loaded.order.owner is Platform.POLICE
    assert [e.action for e in loaded.order.timeline] == [
        Action.CREATE, Action.TRANSFER, Action.SIGN_FOR
    ]  # fmt: skip
    assert loaded.order.timeline[1].note == "涉嫌违法"
    assert all(e.at.tzinfo is not None for e in loaded.order.timeline)
    assert loaded.order.created_at == made.order.created_at
    assert loaded.version == 3


def test_invalid_draft_saves_nothing_and_names_each_problem(db: Database) -> None:
    service = OrderService(db, Clock())
    with pytest.raises(InvalidDraft) as err:
        service.create(draft(caller_phone="1234", kind="", description=" "), HOTLINE)
    assert {p.field for p in err.value.problems} == {"caller_phone", "kind", "description"}
    with db.read() as s:
        assert repo.count(s) == 0


def test_refused_action_changes_nothing(db: Database) -> None:
    service = OrderService(db, Clock())
    made = service.create(draft(), HOTLINE)
    with pytest.raises(TransitionError):
        service.act(made.order.number, Action.SIGN_FOR, POLICE, seen=1)
    assert service.get(made.order.number).version == 1


def test_a_stale_write_is_refused(db: Database) -> None:
    service = OrderService(db, Clock())
    made = service.create(draft(), HOTLINE)
    with db.write() as s:
        stale = repo.get(s, made.order.number)
    service.act(made.order.number, Action.START_HANDLING, HOTLINE, seen=1)
    with pytest.raises(repo.StaleOrder), db.write() as s:
        repo.save(s, stale, stale.order, datetime.now(UTC))


def test_caller_history_newest_first(db: Database) -> None:
    service = OrderService(db, Clock())
    numbers = [service.create(draft(), HOTLINE).order.number for _ in range(3)]
    service.create(draft(caller_phone="13900000000"), HOTLINE)
    history = service.caller_history("13812345678")
    assert [h.number for h in history] == numbers[::-1]


def test_concurrent_writers_never_see_database_locked(sqlite_db: Database) -> None:
    """Four threads, each with its own connection, number orders at once: no lock errors, no gaps."""
    service = OrderService(sqlite_db, lambda: datetime(2026, 11, 26, 2, tzinfo=UTC))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(25):
                service.create(draft(), HOTLINE)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sqlite_db.read() as s:
        assert repo.count(s) == 100
    last = service.caller_history("13812345678", limit=1)[0].number
    assert last.endswith("000100")
