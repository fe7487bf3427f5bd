"""The report's reads: the roll-up summed over a period, the alarms and hot spots of a period,
and the orders behind each figure (``orders_behind``). Periods are China dates, both inclusive;
``platform`` filters by the platform that took the step, ``district`` by the order's district.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.store.instants import utc
from console.store.orders import CHINA
from console.store.report_rollup import ORDER_FIGURES, instant

_PEER = {"12345": "110", "110": "12345"}


def span(start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC instants of [start 00:00, end + 1 day 00:00) China time."""
    since = datetime.combine(start, time(), CHINA).astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time(), CHINA).astimezone(UTC)
    return since, until


@dataclass(frozen=True, slots=True)
class Sums:
    """The roll-up summed over a period: by (figure, value, platform), creations by district,
    and creations/completions by day."""

    by_figure: dict[tuple[str, str, str], int]
    created_by_district: dict[str, int]
    by_day: dict[tuple[date, str], int]


def _months(start: date, end: date) -> tuple[date, date] | None:
    """The first and last whole China months inside [start, end] (their first days)."""
    first = start if start.day == 1 else (start.replace(day=1) + timedelta(days=32)).replace(day=1)
    if (end + timedelta(days=1)).day == 1:  # end is a month's last day
        last = end.replace(day=1)
    else:
        last = (end.replace(day=1) - timedelta(days=1)).replace(day=1)
    return (first, last) if first <= last else None


def _counted(start: date, end: date, params: dict[str, Any]) -> str:
    """The roll-up rows that sum to [start, end]: whole months from ``report_month``, the days
    at either edge from ``report_day``."""
    months = _months(start, end)
    if months is None:
        return "(SELECT * FROM report_day WHERE day >= :start AND day <= :end)"
    params["ms"], params["me"] = months
    params["mend"] = (months[1] + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    columns = "day, platform, district, figure, value, n"
    return (
        f"(SELECT {columns} FROM report_month WHERE day >= :ms AND day <= :me UNION ALL "
        f"SELECT {columns} FROM report_day WHERE (day >= :start AND day < :ms) "
        "OR (day > :mend AND day <= :end))"
    )


def rollup_sums(
    session: Session, start: date, end: date, platform: str | None, district: str | None
) -> Sums:
    params: dict[str, Any] = {"start": start, "end": end, "p": platform, "d": district}
    rows = _counted(start, end, params) + " r"
    where = "1 = 1" + (" AND platform = :p" if platform else "")
    orders = where + (" AND district = :d" if district else "")
    by_figure: dict[tuple[str, str, str], int] = {}
    for q in (orders + " AND figure NOT LIKE 'calls%'", where + " AND figure LIKE 'calls%'"):
        found = session.execute(
            text(f"SELECT figure, value, platform, sum(n) FROM {rows} WHERE {q} GROUP BY 1, 2, 3"),
            params,
        )
        by_figure.update({(str(f), str(v), str(p)): int(n) for f, v, p, n in found})
    districts = session.execute(
        text(f"SELECT district, sum(n) FROM {rows} WHERE {orders} AND figure = 'create' "
             "GROUP BY 1"), params,
    )  # fmt: skip
    days = session.execute(
        text(f"SELECT day, figure, sum(n) FROM report_day WHERE {orders} "
             "AND figure IN ('create', 'complete') AND day >= :start AND day <= :end "
             "GROUP BY 1, 2"), params,
    )  # fmt: skip
    return Sums(
        by_figure,
        {str(k): int(n) for k, n in districts},
        {(_day(d), str(f)): int(n) for d, f, n in days},
    )


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _alarm_where(platform: str | None, district: str | None) -> str:
    return (
        "a.raised_at IS NOT NULL AND a.raised_at >= :since AND a.raised_at < :until"
        + (" AND o.owner = :p" if platform else "")
        + (" AND o.district = :d" if district else "")
    )


@dataclass(frozen=True, slots=True)
class AlarmSums:
    by_level: dict[str, int]
    overdue_by_deadline: dict[str, int]
    acknowledged: int
    median_ack_s: float | None


def alarm_sums(
    session: Session, start: date, end: date, platform: str | None, district: str | None
) -> AlarmSums:
    since, until = (instant(session, at) for at in span(start, end))
    params = {"since": since, "until": until, "p": platform, "d": district}
    base = f"FROM alarm a JOIN work_order o ON o.id = a.order_id WHERE {_alarm_where(platform, district)}"
    levels = session.execute(text(f"SELECT a.level, count(*) {base} GROUP BY 1"), params)
    overdue = session.execute(
        text(f"SELECT a.deadline, count(*) {base} AND a.level = 'overdue' GROUP BY 1"), params
    )
    acks = [
        (utc(ack) - utc(raised)).total_seconds()
        for raised, ack in session.execute(
            text(f"SELECT a.raised_at, a.acknowledged_at {base} AND a.acknowledged_at IS NOT NULL"),
            params,
        )
    ]
    return AlarmSums(
        {str(k): int(n) for k, n in levels},
        {str(k): int(n) for k, n in overdue},
        len(acks),
        statistics.median(acks) if acks else None,
    )


def hotspot_sums(
    session: Session, start: date, end: date, platform: str | None, district: str | None
) -> tuple[int, int]:
    """Hot spots whose window ended in the period: (found, taken up). The hook for hot-spot
    figures (migration 0016's ``hotspot`` table)."""
    since, until = (instant(session, at) for at in span(start, end))
    q = "FROM hotspot WHERE window_end > :since AND window_end <= :until"
    q += (" AND platform = :p" if platform else "") + (" AND district = :d" if district else "")
    row = session.execute(
        text(
            f"SELECT count(*), coalesce(sum(CASE WHEN order_number IS NOT NULL THEN 1 ELSE 0 END), 0) {q}"
        ),
        {"since": since, "until": until, "p": platform, "d": district},
    ).one()
    return int(row[0]), int(row[1])


def caller_sums(
    session: Session, start: date, end: date, platform: str | None, district: str | None
) -> tuple[dict[int, int], int]:
    """Of the orders received in the period (``platform``: the one that received them), how
    many had each number of callers two and up ({2: n, 3: m, …}: the order's own caller and
    those merged into it, ``order_caller``), and how many of them were merged away into
    another order as duplicates (their caller is counted there). Reads only ``order_caller``'s
    rows and the orders they name (a small table; no scan of the period's orders)."""
    since, until = span(start, end)
    params = {"since": instant(session, since), "until": instant(session, until),
              "p": platform, "d": district}  # fmt: skip
    where = "o.created_at >= :since AND o.created_at < :until" + (
        " AND o.origin = :p" if platform else ""
    ) + (" AND o.district = :d" if district else "")  # fmt: skip
    # order_caller drives both (EXISTS, not a join: a join lets the planner walk the period's
    # orders instead — a year of them — to find the few with callers merged in)
    spread = session.execute(
        text("SELECT 1 + n, count(*) FROM (SELECT c.order_id, count(*) AS n FROM order_caller c "
             f"WHERE EXISTS (SELECT 1 FROM work_order o WHERE o.id = c.order_id AND {where}) "
             "GROUP BY c.order_id) x GROUP BY 1"), params,
    )  # fmt: skip
    away = session.execute(
        text("SELECT count(*) FROM order_caller c WHERE EXISTS (SELECT 1 FROM work_order o "
             f"WHERE o.number = c.merged_from AND {where})"), params,
    ).scalar_one()  # fmt: skip
    return {int(k): int(n) for k, n in spread}, int(away)


def names(session: Session, table: str) -> dict[str, str]:
    """Code → Chinese name of a catalogue (kind, field, district, department)."""
    return {str(c): str(n) for c, n in session.execute(text(f"SELECT code, name_zh FROM {table}"))}


def orders_behind(
    session: Session,
    start: date,
    end: date,
    platform: str | None,
    district: str | None,
    figure: str,
    value: str | None,
    limit: int | None = None,
) -> Iterator[int]:
    """The ids of the orders behind ``figure`` (a ``FigureKey`` value), oldest step first."""
    since, until = span(start, end)
    if value is not None and figure in ("trend.created", "trend.completed"):
        day = date.fromisoformat(value)
        since, until = span(day, day)
    params: dict[str, Any] = {"since": since, "until": until, "p": platform, "d": district,
                              "v": value}  # fmt: skip
    if figure in ("callers", "knowledge"):
        query = _CALLERS_BEHIND if figure == "callers" else _CITED_BEHIND
        who = "o.origin" if figure == "callers" else "k.platform"  # as the figure counts
        query += (f" AND {who} = :p" if platform else "") + (
            " AND o.district = :d" if district else ""
        )
        query += " ORDER BY 2, 1" if figure == "callers" else " GROUP BY o.id ORDER BY 2, 1"
    elif figure in ("alarms.raised", "overdue"):
        where = _alarm_where(platform, district)
        if figure == "overdue":
            where += " AND a.level = 'overdue'" + (" AND a.deadline = :v" if value else "")
        elif value:
            where += " AND a.level = :v"
        query = (f"SELECT a.order_id, min(a.raised_at) FROM alarm a JOIN work_order o "
                 f"ON o.id = a.order_id WHERE {where} GROUP BY 1 ORDER BY 2, 1")  # fmt: skip
    else:
        action, extra = _EVENT_FIGURES[figure]
        if figure == "transfers.signed_for" and value:
            params["v"] = _PEER.get(value, value)
        if figure == "dispatches.on_time":
            extra += " AND NOT " + _late_sql()
        where = f"e.action = '{action}' AND e.at >= :since AND e.at < :until"
        where += " AND e.platform = :p" if platform else ""
        wanted = (" AND o.district = :d" if district else "") + (
            extra if value is not None or figure == "hotspots.verification" else ""
        )
        if action == "create":
            query = _created_behind(where, wanted)
        else:
            query = (f"SELECT e.order_id, min(e.at) FROM order_event e JOIN work_order o "
                     f"ON o.id = e.order_id WHERE {where}{wanted} GROUP BY 1 ORDER BY 2, 1")  # fmt: skip
    params["since"], params["until"] = instant(session, since), instant(session, until)
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    for row in session.execute(text(query), params):
        yield int(row[0])


def _created_behind(event: str, wanted: str) -> str:
    """The orders whose ``create`` event passes ``event``, oldest first. An order's create
    event is at its ``created_at`` (the writer, the import, the demo and the exchange all make
    it so), so the period's orders are a range of ``ix_work_order_created`` — already in the
    figure's order, a limit stops early — each checked against its create event through
    ``ix_order_event_order``, instead of a scan of every event for the creates of the period
    (1.2–1.7 s of the 100,000-row export at 1 M orders; this: ≈ 0.25 s)."""
    return (
        "SELECT o.id, o.created_at FROM work_order o WHERE o.created_at >= :since "
        "AND o.created_at < :until AND EXISTS (SELECT 1 FROM order_event e "
        f"WHERE e.order_id = o.id AND {event}){wanted} ORDER BY o.created_at, o.id"
    )


# The orders received in the period with ``:v`` callers (not merged away as duplicates).
_CALLERS_BEHIND = (
    "SELECT o.id, o.created_at FROM work_order o WHERE o.created_at >= :since "
    "AND o.created_at < :until AND 1 + (SELECT count(*) FROM order_caller c "
    "WHERE c.order_id = o.id) = CAST(:v AS INTEGER) "
    "AND NOT EXISTS (SELECT 1 FROM order_caller m WHERE m.merged_from = o.number)"
)
# The orders whose answer cited article ``:v`` in the period (knowledge_citation).
_CITED_BEHIND = (
    "SELECT o.id, min(k.cited_at) FROM knowledge_citation k JOIN work_order o "
    "ON o.number = k.order_number WHERE k.article_id = :v AND k.cited_at >= :since "
    "AND k.cited_at < :until"
)


def _late_sql() -> str:
    return (
        "EXISTS (SELECT 1 FROM alarm a WHERE a.order_id = e.order_id AND a.deadline = 'feedback' "
        "AND a.level = 'overdue' AND a.due_at < e.at "
        "AND (a.resolved_at IS NULL OR a.resolved_at >= e.at))"
    )


# figure → (the event's action, the condition its value adds)
_EVENT_FIGURES: dict[str, tuple[str, str]] = {
    "orders.created": ("create", ""),
    "orders.completed": ("complete", ""),
    "orders.kind": ("create", " AND o.kind = :v"),
    "orders.field": ("create", " AND coalesce(o.field, '') = :v"),
    "orders.district": ("create", " AND o.district = :v"),
    "transfers.sent": ("transfer", " AND e.platform = :v"),
    "transfers.signed_for": ("sign_for", " AND e.platform = :v"),
    "three_way": ("three_way", " AND e.detail = :v"),
    "first_contact": ("first_contact", " AND coalesce(o.first_contact_mode, '') = :v"),
    "dispatches": ("dispatch", " AND e.detail = :v"),
    "dispatches.on_time": ("feed_back", " AND coalesce(o.department, '') = :v"),
    "escalations": ("escalate", ""),
    "returns": ("return", " AND e.platform = :v"),
    "hotspots.verification": ("create", " AND o.kind = 'V-HS'"),
    "trend.created": ("create", ""),
    "trend.completed": ("complete", ""),
    "merges": ("merge", ""),
    "unmerges": ("unmerge", ""),
}
assert {a for a, _ in _EVENT_FIGURES.values()} <= set(ORDER_FIGURES)
