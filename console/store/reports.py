"""Linkage figures for a period (China dates): how requests moved between the two platforms.

Counted from the timeline, so every figure is explained by events a seat took: transfers each
way, three-way calls by outcome, first-contact responsibility by mode (先行受理 and 合理引导 are
counted apart, as the plan asks), dispatches by department, escalations to 110, returns;
and the wrap-up codes of the calls that left no order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlmodel import Session

from console.domain.orders import Action
from console.store.dispositions import dispositions_by_code

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class LinkageReport:
    start: date
    end: date  # inclusive
    created: dict[str, int] = field(default_factory=dict)  # by platform
    transfers: dict[str, int] = field(default_factory=dict)  # by the sending platform
    three_way: dict[str, int] = field(default_factory=dict)  # by outcome
    first_contact: dict[str, int] = field(default_factory=dict)  # by mode
    dispatched: dict[str, int] = field(default_factory=dict)  # by department code
    escalations: int = 0
    returns: dict[str, int] = field(default_factory=dict)  # by the returning platform
    completed: dict[str, int] = field(default_factory=dict)  # by the completing platform
    # Calls that ended without an order, by wrap-up code (话后小结; "unchosen" if none was given)
    dispositions: dict[str, int] = field(default_factory=dict)


def linkage_report(session: Session, start: date, end: date) -> LinkageReport:
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    since = datetime.combine(start, time(), CHINA).astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time(), CHINA).astimezone(UTC)
    span = {"since": since, "until": until}

    def grouped(action: Action, by: str) -> dict[str, int]:
        rows = session.execute(
            text(
                f"SELECT {by}, count(*) FROM order_event WHERE action = :action "
                "AND at >= :since AND at < :until GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            {**span, "action": action.value},
        ).all()
        return {str(key): int(n) for key, n in rows}

    modes = session.execute(
        text(
            "SELECT o.first_contact_mode, count(*) FROM order_event e "
            "JOIN work_order o ON o.id = e.order_id WHERE e.action = :action "
            "AND e.at >= :since AND e.at < :until GROUP BY 1 ORDER BY 1"
        ),
        {**span, "action": Action.FIRST_CONTACT.value},
    ).all()
    return LinkageReport(
        start=start,
        end=end,
        created=grouped(Action.CREATE, "platform"),
        transfers=grouped(Action.TRANSFER, "platform"),
        three_way=grouped(Action.THREE_WAY, "detail"),
        first_contact={str(mode): int(n) for mode, n in modes},
        dispatched=grouped(Action.DISPATCH, "detail"),
        escalations=sum(grouped(Action.ESCALATE, "platform").values()),
        returns=grouped(Action.RETURN, "platform"),
        completed=grouped(Action.COMPLETE, "platform"),
        dispositions=dispositions_by_code(session, since, until),
    )
