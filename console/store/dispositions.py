"""Wrap-up codes as rows (:class:`~console.store.tables.DispositionRow`) and their count."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from console.store.tables import DispositionRow


def add_disposition(
    session: Session, *, call_id: str, seat: str, agent: str, platform: str, code: str,
    at: datetime,
) -> None:  # fmt: skip
    session.add(
        DispositionRow(call_id=call_id, seat=seat, agent=agent, platform=platform, code=code, at=at)
    )


def dispositions_by_code(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    """Calls given each code in ``[since, until)``, most frequent first."""
    n = func.count().label("n")
    rows = session.execute(
        select(col(DispositionRow.code), n)
        .where(col(DispositionRow.at) >= since, col(DispositionRow.at) < until)
        .group_by(col(DispositionRow.code))
        .order_by(n.desc(), col(DispositionRow.code))
    ).all()
    return {str(code): int(count) for code, count in rows}
