"""The hot-spot scan's queries: counts per window and cell, the orders behind a hot spot, and
the hot spots found (``hotspot``, console/store/hotspot_tables.py).

The counts of the current window and every baseline window come back from ONE statement: a
``UNION ALL`` of one ``GROUP BY district, kind, field`` per window, each a range of
``ix_work_order_created`` (``created_at, id``), so the database reads only the orders of the
windows themselves (a seventh of each day for 4-hour windows), never the whole span. The service
sums the (district, kind, field) groups into the district × kind and district × field cells.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, bindparam, func, text, update
from sqlmodel import Session, col, select

from console.domain.hotspots import Dimension, Hotspot, State, Window
from console.store.dialects import upsert
from console.store.hotspot_tables import HotspotRow

Group = tuple[int, str, str, str | None, int]
"""(window index, district, kind, field, orders): index 0 is the first window asked for."""

WINDOW_SQL = (
    "SELECT {i} AS w, district, kind, field, count(*) AS n FROM work_order "
    "WHERE created_at >= :s{i} AND created_at < :e{i} AND origin = :platform "
    "AND kind <> :skip GROUP BY district, kind, field"
)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _windows_query(
    session: Session, sql: str, windows: Sequence[Window], platform: str, skip_kind: str
) -> Sequence[Any]:
    params: dict[str, object] = {"platform": platform, "skip": skip_kind}
    binds = []
    for i, w in enumerate(windows):
        params[f"s{i}"], params[f"e{i}"] = _utc(w.start), _utc(w.end)
        binds += [bindparam(f"s{i}", type_=DateTime(timezone=True)),
                  bindparam(f"e{i}", type_=DateTime(timezone=True))]  # fmt: skip
    return session.execute(text(sql).bindparams(*binds), params).all()


def window_groups(
    session: Session, windows: Sequence[Window], platform: str, skip_kind: str
) -> list[Group]:
    """Orders of ``platform`` per window, district, kind and field (``skip_kind``'s left out:
    the verification orders the hot spots themselves made), in one statement."""
    sql = " UNION ALL ".join(WINDOW_SQL.format(i=i) for i in range(len(windows)))
    rows = _windows_query(session, sql, windows, platform, skip_kind)
    return [
        (int(w), str(d), str(k), None if f is None else str(f), int(n)) for w, d, k, f, n in rows
    ]


def window_orders(
    session: Session, window: Window, platform: str, skip_kind: str
) -> list[tuple[str, str, str, str | None, str]]:
    """(number, district, kind, field, address) of the window's orders, oldest first: the
    orders behind its hot spots and its repeats at one address, in one range of the index."""
    rows = session.execute(
        text(
            "SELECT number, district, kind, field, address FROM work_order "
            "WHERE created_at >= :s AND created_at < :e AND origin = :platform "
            "AND kind <> :skip ORDER BY created_at, id"
        ).bindparams(
            bindparam("s", type_=DateTime(timezone=True)),
            bindparam("e", type_=DateTime(timezone=True)),
        ),
        {"s": _utc(window.start), "e": _utc(window.end), "platform": platform, "skip": skip_kind},
    ).all()
    return [
        (str(n), str(d), str(k), None if f is None else str(f), str(a)) for n, d, k, f, a in rows
    ]


TEXT_SQL = (
    "SELECT {i} AS w, number, district, description FROM work_order "
    "WHERE created_at >= :s{i} AND created_at < :e{i} AND origin = :platform "
    "AND kind <> :skip AND description <> ''"
)


def window_texts(
    session: Session, windows: Sequence[Window], platform: str, skip_kind: str
) -> list[tuple[int, str, str, str]]:
    """(window index, number, district, description) of every window's orders with a
    description, in one statement (the keyword groups' counts; same index ranges as
    :func:`window_groups`)."""
    sql = " UNION ALL ".join(TEXT_SQL.format(i=i) for i in range(len(windows)))
    rows = _windows_query(session, sql, windows, platform, skip_kind)
    return [(int(w), str(n), str(d), str(t)) for w, n, d, t in rows]


@dataclass(frozen=True, slots=True)
class StoredHotspot:
    """A hot spot as stored: its id, state, and (once taken up) by whom, where and which order."""

    id: int
    platform: str
    hotspot: Hotspot
    found_at: datetime
    state: State
    taken_up_at: datetime | None = None
    taken_up_by: str | None = None
    department: str | None = None
    order_number: str | None = None


def add_new(session: Session, platform: str, found: Sequence[Hotspot], now: datetime) -> set[int]:
    """Store the hot spots not stored yet (one per window and cell); the ids of those added."""
    if not found:
        return set()
    dialect = session.get_bind().dialect.name
    added: set[int] = set()
    for h in found:  # a handful per scan
        stmt = (
            upsert(dialect, HotspotRow)
            .values(
                platform=platform, window_start=_utc(h.window.start), window_end=_utc(h.window.end),
                dimension=h.dimension.value, district=h.district, subject=h.subject,
                count=h.count, baseline=json.dumps(list(h.baseline)), mean=h.mean, sd=h.sd,
                threshold=h.threshold, numbers=json.dumps(list(h.numbers)), found_at=_utc(now),
                state=State.OPEN.value,
            )
            .on_conflict_do_nothing(
                index_elements=["window_end", "dimension", "district", "subject"]
            )
            .returning(col(HotspotRow.id))
        )  # fmt: skip
        got = session.execute(stmt).first()
        if got is not None:
            added.add(int(got[0]))
    return added


def in_window(session: Session, window: Window) -> list[StoredHotspot]:
    rows = session.exec(
        select(HotspotRow)
        .where(col(HotspotRow.window_end) == _utc(window.end))
        .order_by(col(HotspotRow.id))
    ).all()
    return [_stored(r) for r in rows]


def latest(session: Session, since: datetime, limit: int = 200) -> list[StoredHotspot]:
    """Hot spots of windows ending at or after ``since``, newest window first."""
    rows = session.exec(
        select(HotspotRow)
        .where(col(HotspotRow.window_end) >= _utc(since))
        .order_by(col(HotspotRow.window_end).desc(), col(HotspotRow.id))
        .limit(limit)
    ).all()
    return [_stored(r) for r in rows]


def get(session: Session, hotspot_id: int) -> StoredHotspot | None:
    row = session.get(HotspotRow, hotspot_id)
    return None if row is None else _stored(row)


def mark_taken_up(
    session: Session, hotspot_id: int, at: datetime, by: str, department: str, number: str
) -> bool:
    """Open → taken up, once: False when it was not open any more (another lead was first)."""
    done = session.execute(
        update(HotspotRow)
        .where(col(HotspotRow.id) == hotspot_id, col(HotspotRow.state) == State.OPEN.value)
        .values(state=State.TAKEN_UP.value, taken_up_at=_utc(at), taken_up_by=by,
                department=department, order_number=number)
    )  # fmt: skip
    return bool(done.rowcount)  # type: ignore[attr-defined]


def count_open(session: Session, since: datetime) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(HotspotRow)
            .where(col(HotspotRow.state) == State.OPEN.value)
            .where(col(HotspotRow.window_end) >= _utc(since))
        ).one()
    )


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _stored(r: HotspotRow) -> StoredHotspot:
    assert r.id is not None
    hotspot = Hotspot(
        window=Window(_aware(r.window_start), _aware(r.window_end)),
        dimension=Dimension(r.dimension),
        district=r.district,
        subject=r.subject,
        count=r.count,
        baseline=tuple(json.loads(r.baseline)),
        mean=r.mean,
        sd=r.sd,
        threshold=r.threshold,
        numbers=tuple(json.loads(r.numbers)),
    )
    return StoredHotspot(
        id=r.id, platform=r.platform, hotspot=hotspot, found_at=_aware(r.found_at),
        state=State(r.state), taken_up_at=None if r.taken_up_at is None else _aware(r.taken_up_at),
        taken_up_by=r.taken_up_by, department=r.department, order_number=r.order_number,
    )  # fmt: skip
