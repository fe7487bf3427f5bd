"""The agenda's queries and the consultation items (``consultation_item``, migration 0022).

:func:`disputes` reads a period's dispute lines (console.domain.agenda.DISPUTES: three-way,
return, re-dispatch, first contact) with their orders in one statement, a range of
``ix_order_event_action_at`` per action; the grouping is the domain's. Items are added from an
agenda line and marked decided in the transaction that stores the rule they made.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import and_, or_, select
from sqlmodel import Session, col
from sqlmodel import select as model_select

from console.domain.agenda import DISPUTES, Dispute, Disputed, MatterKey, Topic, dispute_of
from console.domain.consultation_items import Catalogue, Item, ItemStatus
from console.store import consultation as rules_store
from console.store.agenda_tables import ConsultationItemRow
from console.store.tables import EventRow, OrderRow


class NoSuchItem(LookupError):
    """No consultation item with that id."""


def disputes(session: Session, start: datetime, end: datetime) -> list[Disputed]:
    """Every dispute line from ``start`` (inclusive) to ``end`` (exclusive), oldest first."""
    events, orders = EventRow.__table__, OrderRow.__table__  # type: ignore[attr-defined]
    e, o = events.c, orders.c
    which = []
    for spec in DISPUTES.values():
        test = e.action == spec.action.value
        if spec.from_statuses is not None:
            test = and_(test, e.from_status.in_(sorted(s.value for s in spec.from_statuses)))
        which.append(test)
    query = (
        select(o.number, o.kind, o.field, o.district, o.description, e.action, e.from_status, e.at)
        .select_from(events.join(orders, o.id == e.order_id))
        .where(e.at >= start.astimezone(UTC), e.at < end.astimezone(UTC), or_(*which))
        .order_by(e.at, e.id)
    )
    found = []
    for number, kind, field, district, text, action, before, at in session.execute(query):
        dispute = dispute_of(action, before)
        if dispute is not None:  # always, by the WHERE
            at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
            found.append(Disputed(number, kind, field, district, text, dispute, at))
    return found


def catalogue(session: Session) -> Catalogue:
    known = rules_store.known(session)
    return Catalogue(frozenset(known.kinds), known.fields, known.districts, known.departments)


def _item(row: ConsultationItemRow) -> Item:
    counts = json.loads(row.counts)
    assert row.id is not None
    return Item(
        row.id, MatterKey(row.kind, row.keyword, row.district), row.orders,
        tuple((Dispute(d), n) for d, n in counts["by_dispute"]),
        tuple((m, n) for m, n in counts["by_month"]), tuple(json.loads(row.examples)),
        ItemStatus(row.status), row.created_at, row.created_by, row.rule_id, row.rule_version,
    )  # fmt: skip


def add_item(session: Session, topic: Topic, who: str, now: datetime) -> Item:
    counts = {"by_dispute": [[d.value, n] for d, n in topic.by_dispute],
              "by_month": [list(p) for p in topic.by_month]}  # fmt: skip
    row = ConsultationItemRow(
        kind=topic.key.kind, keyword=topic.key.keyword, district=topic.key.district,
        orders=topic.orders, counts=json.dumps(counts), examples=json.dumps(list(topic.examples)),
        status=ItemStatus.OPEN.value, created_at=now, created_by=who,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return _item(row)


def items(session: Session) -> list[Item]:
    """Open items first, then decided; newest first in each."""
    rows = session.exec(model_select(ConsultationItemRow).order_by(
        col(ConsultationItemRow.status).desc(), col(ConsultationItemRow.created_at).desc(),
        col(ConsultationItemRow.id).desc()))  # fmt: skip
    return [_item(r) for r in rows]


def item_for_update(session: Session, item_id: int) -> Item:
    """The item, its row locked until the transaction ends (PostgreSQL; SQLite's writer lock
    is the transaction's already)."""
    row = session.exec(
        model_select(ConsultationItemRow).where(ConsultationItemRow.id == item_id).with_for_update()
    ).first()
    if row is None:
        raise NoSuchItem(item_id)
    return _item(row)


def mark_decided(
    session: Session, item_id: int, rule_id: str, version: int, who: str, now: datetime
) -> None:
    row = session.get(ConsultationItemRow, item_id)
    if row is None:
        raise NoSuchItem(item_id)
    row.status, row.rule_id, row.rule_version = ItemStatus.DECIDED.value, rule_id, version
    row.decided_at, row.decided_by = now, who
    session.add(row)
