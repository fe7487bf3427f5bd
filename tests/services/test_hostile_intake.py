"""Bad input at the services, on both databases: a refusal, never a crash and never a wrong
value stored; and every caller number a switch delivers is recorded and found again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Priority, ThreeWayOutcome
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.alarms import AlarmInputError, AlarmService
from console.services.orders import InvalidDraft, OrderService
from console.services.screen_pop import ScreenPopService
from console.store import orders as repo
from console.store.engine import Database
from console.store.queues import QueueKind, QueueQuery, read_page
from tests.principals import at_seat, lead

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)
DEPT = "210102-GOV"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def draft(**over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="噪音扰民", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def police_draft(**over: object) -> Draft:
    return draft(**{"kind": "P-ZA", "field": "", **over})


def stored_count(db: Database) -> int:
    with db.read() as s:
        return repo.count(s)


def refused_fields(service: OrderService, typed: Draft, actor: Seated = HOTLINE) -> set[str]:
    with pytest.raises(InvalidDraft) as err:
        service.create(typed, actor)
    return {f"{p.field}:{p.code}" for p in err.value.problems}


@pytest.mark.parametrize(
    ("typed", "actor", "refusal"),
    [
        (draft(description="楼下\ud800噪音"), HOTLINE, "description:bad_characters"),
        (draft(caller_name="张\udc00"), HOTLINE, "caller_name:bad_characters"),
        (draft(description="楼下\x00噪音"), HOTLINE, "description:bad_characters"),
        (draft(address="中山路\x003号"), HOTLINE, "address:bad_characters"),
        (police_draft(field="NOPE"), POLICE, "field:field_not_used"),
        (police_draft(field="F-SH"), POLICE, "field:field_not_used"),
        (draft(priority=7), HOTLINE, "priority:priority_unknown"),
        (draft(priority=-1), HOTLINE, "priority:priority_unknown"),
        (draft(description="字" * 1_000_000), HOTLINE, "description:description_too_long"),
    ],
)
def test_bad_intake_is_refused_alike_on_both_databases(
    db: Database, typed: Draft, actor: Seated, refusal: str
) -> None:
    service = OrderService(db, Clock())
    assert refused_fields(service, typed, actor) == {refusal}
    assert stored_count(db) == 0


@pytest.mark.parametrize(
    "now", [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)]
)
def test_a_clock_at_year_1_or_9999_is_refused(db: Database, now: datetime) -> None:
    clock = Clock()
    service = OrderService(db, clock)
    made = service.create(draft(), HOTLINE)
    clock.now = now
    for attempt in (
        lambda: service.create(draft(), HOTLINE),
        lambda: service.act(made.order.number, Action.CANCEL, HOTLINE, "重复", seen=1),
    ):
        with pytest.raises(Refused) as refused:
            attempt()
        assert refused.value.code == "clock_wrong"
    assert stored_count(db) == 1 and service.get(made.order.number).version == 1


def test_full_width_digits_are_stored_as_the_number_and_found_by_history(db: Database) -> None:
    service = OrderService(db, Clock())
    made = service.create(draft(caller_phone="13８12345678"), HOTLINE)
    assert made.order.caller.phone == "13812345678"
    assert service.get(made.order.number).order.caller.phone == "13812345678"
    assert [o.number for o in service.caller_history("138 1234 5678")] == [made.order.number]


def test_controls_and_bidirectional_overrides_are_not_stored(db: Database) -> None:
    service = OrderService(db, Clock())
    made = service.create(
        draft(
            caller_name="\u202e张先生\x07",
            address="中山路\n3号\u2066",
            description="噪音\u202e扰民",
        ),
        HOTLINE,
    )
    order = service.get(made.order.number).order
    assert (order.caller.name, order.address, order.description) == (
        "张先生",
        "中山路 3号",
        "噪音扰民",
    )


@pytest.mark.parametrize(
    ("spellings", "stored"),
    [
        (["024-12345678", "+86 24 1234 5678", "0086 24 12345678", "(024)1234-5678"], "02412345678"),
        (["23456789", "2345 6789"], "23456789"),
        (["+86 10 1234 5678", "010-12345678", "86 10 12345678"], "01012345678"),
        (["86 138 1234 5678", "+86 13812345678", "138-1234-5678"], "13812345678"),
        (["400 123 4567", "400-123-4567", "+86 400 123 4567"], "4001234567"),
        (["95588", "９５５８８"], "95588"),
        (["12315"], "12315"),
    ],
)
def test_every_spelling_of_a_number_is_one_caller(
    db: Database, spellings: list[str], stored: str
) -> None:
    service = OrderService(db, Clock())
    made = [service.create(draft(caller_phone=s), HOTLINE).order for s in spellings]
    assert {o.caller.phone for o in made} == {stored}
    numbers = sorted(o.number for o in made)
    pops = ScreenPopService(db, Clock(), HOTLINE)
    for spelled in spellings:
        assert sorted(o.number for o in service.caller_history(spelled)) == numbers
        assert sorted(o.number for o in pops.pop(spelled).history) == numbers
        rows, _ = read_page(db, QueueQuery(QueueKind.ALL, search=spelled), None, 50)
        assert sorted(r.number for r in rows) == numbers


def test_a_search_for_12345_is_still_the_12345_orders(db: Database) -> None:
    service = OrderService(db, Clock())
    caller = service.create(draft(caller_phone="12345"), HOTLINE).order
    other = service.create(draft(), HOTLINE).order
    rows, _ = read_page(db, QueueQuery(QueueKind.ALL, search="12345"), None, 50)
    assert sorted(r.number for r in rows) == sorted([caller.number, other.number])
    assert [o.number for o in service.caller_history("12345")] == [caller.number]


def test_an_order_with_an_unknown_stored_priority_can_still_be_read_and_worked(
    db: Database,
) -> None:
    service = OrderService(db, Clock())
    high = service.create(draft(), HOTLINE).order.number
    low = service.create(draft(), HOTLINE).order.number
    with db.write() as s:  # rows written before the service checked priorities, or by hand
        s.execute(text("UPDATE work_order SET priority = 7 WHERE number = :n"), {"n": high})
        s.execute(text("UPDATE work_order SET priority = -3 WHERE number = :n"), {"n": low})
    assert service.get(high).order.priority is Priority.CRITICAL
    assert service.get(low).order.priority is Priority.NORMAL
    done = service.act(high, Action.CANCEL, HOTLINE, "重复来电", seen=1)
    assert done.order.priority is Priority.CRITICAL
    with db.read() as s:
        assert s.execute(
            text("SELECT priority FROM work_order WHERE number = :n"), {"n": high}
        ).scalar_one() == int(Priority.CRITICAL)


def test_a_blank_agent_or_seat_never_reaches_the_database(db: Database) -> None:
    for name, seat in (("", "A-01"), ("王丽", " "), ("\u202e", "A-01")):
        with pytest.raises(Refused):
            OrderService(db, Clock()).create(draft(), at_seat(name, seat, Platform.HOTLINE))
    assert stored_count(db) == 0


HUGE = "字" * 1_000_000


def test_no_note_path_takes_a_million_characters(db: Database) -> None:
    from console.domain.calendar import load_calendar
    from console.services.alarms import load_site_policy

    clock = Clock()
    service = OrderService(db, clock, load_site_policy(db), load_calendar())
    links = service.linkage

    def refused(attempt: object, code: str = "note_too_long") -> None:
        with pytest.raises(Refused) as err:
            attempt()  # type: ignore[operator]
        assert err.value.code == code

    number = service.create(draft(consent=False), HOTLINE).order.number

    def seen() -> int:
        return len(service.get(number).order.timeline)

    refused(lambda: service.act(number, Action.DISPATCH, HOTLINE, HUGE, detail=DEPT, seen=seen()))
    refused(
        lambda: links.settle_three_way(number, ThreeWayOutcome.HOTLINE, HOTLINE, HUGE, seen=seen())
    )
    refused(lambda: service.transfers.transfer(number, HOTLINE, HUGE, key="t1", consent=True))
    service.act(number, Action.DISPATCH, HOTLINE, detail=DEPT, seen=seen())
    service.act(number, Action.DEPT_SIGN_FOR, HOTLINE, seen=seen())
    refused(
        lambda: links.escalate(number, HOTLINE, kind="P-ZA", report=HUGE, key="e1", seen=seen())
    )
    for bad in ("纠纷\x00升级", "纠纷\ud800"):
        refused(lambda bad=bad: links.escalate(number, HOTLINE, kind="P-ZA", report=bad, key="e2",
                                               seen=seen()), "unreadable_text")  # fmt: skip
        refused(lambda bad=bad: service.act(number, Action.PROGRESS, HOTLINE, bad, seen=seen()),
                "unreadable_text")  # fmt: skip
    alarms = AlarmService(db, clock, "A-01")
    with db.read() as s:
        alarm_id = s.execute(text("SELECT min(id) FROM alarm")).scalar_one()
    assert alarm_id is not None
    for attempt in (
        lambda: alarms.acknowledge(alarm_id, lead("组长", "A-01", Platform.HOTLINE), HUGE),
        lambda: alarms.escalate(alarm_id, lead("值班长", "A-01", Platform.HOTLINE), HUGE),
        lambda: alarms.acknowledge(alarm_id, lead("组长", "A-01", Platform.HOTLINE), "已\x00督办"),
        lambda: alarms.escalate(alarm_id, lead("值班长", "A-01", Platform.HOTLINE), "值班长\ud800"),
    ):
        with pytest.raises(AlarmInputError):
            attempt()
    order = service.get(number).order
    assert all(len(e.note) < 100 for e in order.timeline)
    with db.read() as s:
        row = s.execute(
            text("SELECT ack_note, escalated_to FROM alarm WHERE id = :i"), {"i": alarm_id}
        ).one()
    assert tuple(row) == (None, None)
