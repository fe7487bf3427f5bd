"""Every use case asks the role matrix, with the principal signed in at the seat: a principal
with no roles, a site-wide one (admin, auditor) and one whose roles belong to another platform
are refused (``not_allowed``) by every public method, and nothing is written; the right one is
allowed. The actor on the timeline is derived from the principal, so no caller can name a
platform of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from console.domain.agent_state import AgentState
from console.domain.calendar import load_calendar
from console.domain.dispositions import DEFAULT_DISPOSITIONS
from console.domain.orders import Action, Platform, Status, ThreeWayOutcome
from console.domain.refusals import Refused
from console.domain.roles import Capability, Role, Seated
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.dispositions import DispositionService
from console.services.order_reads import OrderReads
from console.services.orders import OrderService
from console.services.queues import QueueKind, QueueQuery, QueueService
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.services.steps import Step, StepService
from console.store.engine import Database
from tests.principals import admin, at_seat, auditor, forged, lead, nobody
from tests.services.test_transfer import draft

A01 = at_seat("王丽", "A-01", Platform.HOTLINE, login="wangli")
J01 = at_seat("李强", "J-01", Platform.POLICE, login="liqiang")
WRONG = {
    "no roles": nobody(),
    "administrator": admin(),
    "auditor": auditor(),
    "12345 roles on a 110 account": forged("J-09", Platform.POLICE),
}


def writes(db: Database) -> tuple[int, ...]:
    """Everything a refused call must leave as it was."""
    with db.read() as s:
        return tuple(
            int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("work_order", "order_event", "transfer_request", "agent_state",
                          "call_disposition")
        ) + tuple(
            int(s.execute(text(f"SELECT count(*) FROM alarm WHERE {column} IS NOT NULL"))
                .scalar_one())
            for column in ("acknowledged_at", "escalated_at")
        )  # fmt: skip


def calls(db: Database, by: Seated) -> dict[str, Callable[[], object]]:
    """Every public use case that acts as a principal, on an order at 12345 (seen 1), a
    pending transfer request of it, and a raised alarm of it."""
    orders = OrderService(db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar())
    number = orders.create(draft(), A01).order.number
    key = f"k0-{number}"
    orders.transfers.begin(number, A01, key)
    clock = FakeClock(datetime.now(UTC) + timedelta(days=40))
    alarms = AlarmService(db, clock.now, "A-01")
    alarm = alarms.sweep()[0].id
    steps = StepService(orders, by)
    links, transfers = orders.linkage, orders.transfers
    query = QueueQuery(kind=QueueKind.ALL)
    return {
        "create": lambda: orders.create(draft(), by),
        "act": lambda: orders.act(number, Action.START_HANDLING, by, seen=1),
        "step": lambda: steps.perform(Step(number, 1, Action.START_HANDLING, "")),
        "transfer": lambda: transfers.transfer(number, by, "互派", key=f"k1-{number}"),
        "begin": lambda: transfers.begin(number, by, f"k2-{number}"),
        "complete": lambda: transfers.complete(key, by, "一键转接"),
        "abandon": lambda: transfers.abandon(key, by),
        "cancel": lambda: transfers.cancel(key, by),
        "resume": lambda: transfers.resume(by),
        "is clue": lambda: transfers.owes_clue_transfer(number, by),
        "three-way": lambda: links.settle_three_way(
            number, ThreeWayOutcome.HOTLINE, by, "12345 接手", seen=1
        ),
        "escalate": lambda: links.escalate(
            number, by, kind="P-ZA", report="纠纷升级", key=f"e1-{number}", seen=1
        ),
        "acknowledge": lambda: alarms.acknowledge(alarm, by, "已电话催办"),
        "escalate alarm": lambda: alarms.escalate(alarm, by, "张科长"),
        "queues": lambda: QueueService(db, by).read_page(query, None, 10),
        "read order": lambda: OrderReads(orders, by).get(number),
        "caller history": lambda: OrderReads(orders, by).caller_history("13812345678"),
        "screen pop": lambda: ScreenPopService(db, clock.now, by).pop("13812345678"),
        "agent state": lambda: SeatStateService(db, clock.now, by).change(AgentState.READY),
        "board": lambda: SeatStateService(db, clock.now, by).board(),
        "wrap-up code": lambda: DispositionService(db, clock.now, by, DEFAULT_DISPOSITIONS).record(
            "c1", DEFAULT_DISPOSITIONS[0].code
        ),
    }


@pytest.mark.parametrize("who", list(WRONG), ids=str)
def test_every_use_case_refuses_a_principal_without_the_role(db: Database, who: str) -> None:
    by = WRONG[who]
    for name, call in calls(db, by).items():
        before = writes(db)
        with pytest.raises(Refused) as refused:
            call()
        assert refused.value.code == "not_allowed", (who, name, refused.value.why)
        assert writes(db) == before, (who, name)


def test_every_use_case_allows_a_12345_shift_lead_at_12345(db: Database) -> None:
    by = lead("赵敏", "A-02", Platform.HOTLINE)
    done = calls(db, by)
    for name in ("create", "queues", "screen pop", "is clue", "board", "agent state",
                 "wrap-up code", "acknowledge", "escalate alarm"):  # fmt: skip
        done[name]()
    assert done["complete"]().stored.order.status is Status.TRANSFERRED  # type: ignore[attr-defined]


def test_a_12345_agent_may_not_escalate_an_alarm_but_may_acknowledge(db: Database) -> None:
    done = calls(db, A01)
    with pytest.raises(Refused) as refused:
        done["escalate alarm"]()
    assert refused.value.code == "not_allowed"
    done["acknowledge"]()
    with pytest.raises(Refused) as refused:
        done["board"]()  # the floor's board is the shift lead's
    assert refused.value.code == "not_allowed"


def test_a_shift_lead_answers_for_the_alarms_of_their_own_platform_only(db: Database) -> None:
    police_lead = lead("周涛", "J-09", Platform.POLICE)
    done = calls(db, police_lead)  # the alarm is of a 12345 order
    for name in ("acknowledge", "escalate alarm"):
        with pytest.raises(Refused) as refused:
            done[name]()
        assert refused.value.code == "not_allowed", name
    done = calls(db, lead("赵敏", "A-02", Platform.HOTLINE))
    done["acknowledge"]()
    done["escalate alarm"]()


def test_a_12345_agent_cannot_take_a_110_step_whatever_the_caller_says(db: Database) -> None:
    """The platform is the principal's: a 12345 agent's account cannot sign for at 110 (the
    order's rules refuse its 12345 actor), and a 110 account holding only 12345 roles is refused
    by the matrix — there is no actor parameter left to claim 110 with."""
    orders = OrderService(db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar())
    number = orders.create(draft(), A01).order.number
    orders.transfers.transfer(number, A01, "转110", key="t")
    with pytest.raises(Refused) as refused:
        StepService(orders, A01).perform(Step(number, 2, Action.SIGN_FOR, ""))
    assert refused.value.code == "wrong_platform"
    for by in (
        forged("J-01", Platform.POLICE),
        at_seat("王丽", "J-01", Platform.POLICE, Role.AGENT),
    ):
        with pytest.raises(Refused) as refused:
            StepService(orders, by).perform(Step(number, 2, Action.SIGN_FOR, ""))
        assert refused.value.code == "not_allowed"
    assert len(orders.get(number).order.timeline) == 2
    signed = StepService(orders, J01).perform(Step(number, 2, Action.SIGN_FOR, ""))
    assert signed.order.timeline[-1].actor == "李强"  # type: ignore[attr-defined]


def test_the_timeline_shows_the_display_name_and_the_seat_the_principal_sits_at(
    db: Database,
) -> None:
    orders = OrderService(db, lambda: datetime.now(UTC))
    made = orders.create(draft(), A01).order.timeline[0]
    assert (made.actor, made.seat, made.platform) == ("王丽", "A-01", Platform.HOTLINE)
    assert A01.may(Action.CREATE) and not A01.may(Capability.ESCALATE_ALARM)
