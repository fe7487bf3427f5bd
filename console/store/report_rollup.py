"""The daily roll-up (``report_day``): counts per China day × platform × district × figure ×
value, kept in step with the timeline in the same transaction as each order step.

Each timeline event counts once under its own platform (the seat's), the order's district, and
its China day: ``create`` also counts its ``kind`` and ``field``; ``three_way`` and ``dispatch``
count their detail (outcome, department), ``first_contact`` the order's mode, ``feed_back`` the
order's department — and ``fed_back_on_time`` too when no overdue alarm of its feedback deadline
had come due by then. :data:`ORDER_FIGURES` are the actions counted.

:func:`record_events` is called by the order writer for the events it appends (:func:`record_many`
for a batch of orders at once); bulk loaders (demo data, the migration's backfill) call
:func:`rebuild`, which recounts from the timeline with the one SQL definition (:func:`recount`
is the same query, for the proof that the kept roll-up equals a recount); the history import
counts what it writes as it goes and passes that to :func:`add`. Calls are counted by
:func:`record_call` (``calls_*`` figures, district "").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.domain.order_types import Event, WorkOrder
from console.store.orders import CHINA

Key = tuple[date, str, str, str, str]  # day, platform, district, figure, value

ORDER_FIGURES = (
    "create", "complete", "transfer", "sign_for", "return", "three_way", "first_contact",
    "dispatch", "feed_back", "escalate", "cancel", "merge", "unmerge",
)  # fmt: skip
CALL_FIGURES = ("calls_offered", "calls_answered", "calls_in_target", "calls_abandoned",
                "calls_handling_ms")  # fmt: skip
ANSWER_TARGET = timedelta(seconds=15)

_UPSERTS = tuple(
    text(
        f"INSERT INTO {table} (day, platform, district, figure, value, n) "
        "VALUES (:day, :platform, :district, :figure, :value, :n) "
        "ON CONFLICT (day, platform, district, figure, value) "
        f"DO UPDATE SET n = {table}.n + excluded.n"
    )
    for table in ("report_day", "report_month")
)
_LATE = (
    "EXISTS (SELECT 1 FROM alarm a WHERE a.order_id = {order} AND a.deadline = 'feedback' "
    "AND a.level = 'overdue' AND a.due_at < {at} "
    "AND (a.resolved_at IS NULL OR a.resolved_at >= {at}))"
)


def china_day(at: datetime) -> date:
    return at.astimezone(CHINA).date()


def _day_sql(dialect: str, column: str) -> str:
    if dialect == "sqlite":
        return f"date({column}, '+8 hours')"  # stored UTC text; China has no DST
    return f"CAST(({column} AT TIME ZONE 'Asia/Shanghai') AS date)"


def _rows(counts: Counter[Key]) -> list[dict[str, Any]]:
    """In key order: writers adding to the same cells at once lock them in the same order."""
    return [
        {"day": k[0], "platform": k[1], "district": k[2], "figure": k[3], "value": k[4], "n": n}
        for k, n in sorted(counts.items())
        if n
    ]


def add(session: Session, counts: Counter[Key]) -> None:
    """Add ``counts`` to the days and to their months (what a bulk writer counted as it
    wrote, e.g. an import)."""
    rows = _rows(counts)
    if rows:
        months: Counter[Key] = Counter()
        for k, n in counts.items():
            months[(k[0].replace(day=1), *k[1:])] += n
        session.execute(_UPSERTS[0], rows)
        session.execute(_UPSERTS[1], _rows(months))


def instant(session: Session, at: datetime) -> datetime | str:
    """``at`` as a bound parameter compares with the stored column: SQLite stores UTC text
    (``YYYY-MM-DD HH:MM:SS.ffffff``), which its driver's own rendering of a datetime is not."""
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite_ts(at)
    return at


def _late(session: Session, order_id: int, at: datetime) -> bool:
    query = text("SELECT " + _LATE.format(order=":o", at=":at"))
    return bool(session.execute(query, {"o": order_id, "at": instant(session, at)}).scalar())


def record_events(
    session: Session, order_id: int, order: WorkOrder, events: Sequence[Event]
) -> None:
    """Count ``events`` (just appended to the order, which is ``order`` after them)."""
    record_many(session, [(order_id, order, events)])


def record_many(
    session: Session, appended: Iterable[tuple[int, WorkOrder, Sequence[Event]]]
) -> None:
    """:func:`record_events` for several orders in one transaction (a batch of the peer's
    transfers): their counts added up first, then one upsert of the days and one of the months
    — not two round trips an order, which were over half of a receiver's time."""
    counts: Counter[Key] = Counter()
    for order_id, order, events in appended:
        _count(session, order_id, order, events, counts)
    add(session, counts)


def _count(
    session: Session, order_id: int, order: WorkOrder, events: Sequence[Event], counts: Counter[Key]
) -> None:
    for e in events:
        action = e.action.value
        if action not in ORDER_FIGURES:
            continue
        day, where = china_day(e.at), (e.platform.value, order.district)
        value = ""
        if action in ("three_way", "dispatch"):
            value = e.detail
        elif action == "first_contact":
            value = order.first_contact_mode.value if order.first_contact_mode else ""
        elif action == "feed_back":
            value = order.department or ""
            if not _late(session, order_id, e.at):
                counts[(day, *where, "fed_back_on_time", value)] += 1
        counts[(day, *where, action, value)] += 1
        if action == "create":
            counts[(day, *where, "kind", order.kind)] += 1
            counts[(day, *where, "field", order.field or "")] += 1


def record_call(
    session: Session,
    platform: str,
    arrived: datetime,
    answered: datetime | None,
    ended: datetime | None,
    abandoned: bool,
) -> None:
    """Count one offered call (answered, or abandoned) on its day of arrival."""
    if answered is None and not abandoned:
        return  # neither answered nor abandoned (it went elsewhere): not offered here
    counts: Counter[Key] = Counter()
    base = (china_day(arrived), platform, "")
    counts[(*base, "calls_offered", "")] += 1
    if answered is not None:
        counts[(*base, "calls_answered", "")] += 1
        if answered - arrived <= ANSWER_TARGET:
            counts[(*base, "calls_in_target", "")] += 1
        if ended is not None:
            ms = round((ended - answered).total_seconds() * 1000)
            counts[(*base, "calls_handling_ms", "")] += max(0, ms)
    else:
        counts[(*base, "calls_abandoned", "")] += 1
    add(session, counts)


def _source(dialect: str, since: date | None) -> tuple[str, dict[str, Any]]:
    """The roll-up's definition over the timeline, as one SELECT of (day, platform, district,
    figure, value, n)."""
    day = _day_sql(dialect, "e.at")
    actions = ", ".join(f"'{a}'" for a in ORDER_FIGURES)
    value = (
        "CASE e.action WHEN 'three_way' THEN e.detail WHEN 'dispatch' THEN e.detail "
        "WHEN 'first_contact' THEN coalesce(o.first_contact_mode, '') "
        "WHEN 'feed_back' THEN coalesce(o.department, '') ELSE '' END"
    )
    late = _LATE.format(order="e.order_id", at="e.at")
    base = "FROM order_event e JOIN work_order o ON o.id = e.order_id WHERE {w}"
    where, params = "", {}
    if since is not None:
        # e.at from the start of that China day (UTC), compared as the column's own type
        where = " AND e.at >= :since"
        start = datetime(since.year, since.month, since.day, tzinfo=CHINA)
        params["since"] = start if dialect != "sqlite" else _sqlite_ts(start)
    parts = [
        f"SELECT {day} AS day, e.platform AS platform, o.district AS district, "
        f"e.action AS figure, {value} AS value " + base.format(w=f"e.action IN ({actions}){where}"),
        f"SELECT {day}, e.platform, o.district, 'kind', o.kind "
        + base.format(w=f"e.action = 'create'{where}"),
        f"SELECT {day}, e.platform, o.district, 'field', coalesce(o.field, '') "
        + base.format(w=f"e.action = 'create'{where}"),
        f"SELECT {day}, e.platform, o.district, 'fed_back_on_time', coalesce(o.department, '') "
        + base.format(w=f"e.action = 'feed_back' AND NOT {late}{where}"),
    ]
    union = " UNION ALL ".join(parts)
    query = (
        f"SELECT day, platform, district, figure, value, count(*) AS n FROM ({union}) t "
        "GROUP BY day, platform, district, figure, value"
    )
    return query, params


def _sqlite_ts(at: datetime) -> str:
    from datetime import UTC

    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def rebuild(session: Session, since: date | None = None) -> int:
    """Recount the order figures from the timeline (from the China day ``since``; all if None),
    replacing what the roll-up held for them; calls' figures are left as they are. Returns the
    roll-up rows written."""
    dialect = session.get_bind().dialect.name
    figures = ", ".join(f"'{f}'" for f in (*ORDER_FIGURES, "kind", "field", "fed_back_on_time"))
    delete = f"DELETE FROM report_day WHERE figure IN ({figures})"
    params: dict[str, Any] = {}
    if since is not None:
        delete += " AND day >= :day"
        params["day"] = since
    session.execute(text(delete), params)
    query, params = _source(dialect, since)
    columns = "day, platform, district, figure, value, n"
    result = session.execute(text(f"INSERT INTO report_day ({columns}) {query}"), params)
    _rebuild_months(session, dialect, figures, since)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _rebuild_months(session: Session, dialect: str, figures: str, since: date | None) -> None:
    """report_month from report_day, from the month of ``since`` on (whole months)."""
    delete = f"DELETE FROM report_month WHERE figure IN ({figures})"
    where = f"figure IN ({figures})"
    params: dict[str, Any] = {}
    if since is not None:
        delete += " AND day >= :month"
        where += " AND day >= :month"
        params["month"] = since.replace(day=1)
    session.execute(text(delete), params)
    month = (
        "date(day, 'start of month')"
        if dialect == "sqlite"
        else ("CAST(date_trunc('month', day) AS date)")
    )
    session.execute(
        text(
            "INSERT INTO report_month (day, platform, district, figure, value, n) "
            f"SELECT {month}, platform, district, figure, value, sum(n) FROM report_day "
            f"WHERE {where} GROUP BY 1, 2, 3, 4, 5"
        ),
        params,
    )


def recount(session: Session) -> dict[Key, int]:
    """The order figures recounted from the timeline (the roll-up must equal this)."""
    query, params = _source(session.get_bind().dialect.name, None)
    return {_key(r): int(r.n) for r in session.execute(text(query), params)}


def held(
    session: Session, figures: Iterable[str] | None = None, table: str = "report_day"
) -> dict[Key, int]:
    """What the roll-up holds (order figures unless ``figures`` are named), zeros left out;
    ``table``: ``report_month`` for the monthly sums."""
    names = tuple(figures or (*ORDER_FIGURES, "kind", "field", "fed_back_on_time"))
    listed = ", ".join(f"'{f}'" for f in names)
    rows = session.execute(
        text(
            f"SELECT day, platform, district, figure, value, n FROM {table} "
            f"WHERE figure IN ({listed}) AND n <> 0"
        )
    )
    return {_key(r): int(r.n) for r in rows}


def _key(r: Any) -> Key:
    day = r.day if isinstance(r.day, date) else date.fromisoformat(str(r.day))
    return (day, str(r.platform), str(r.district), str(r.figure), str(r.value))
