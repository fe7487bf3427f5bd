"""会商 rules and transfer-list items in the database: read them, import a file's, add a version,
and the history the routing suggestion counts (how past orders of a matter ended).

Rules are versioned rows (console.store.consultation_tables): importing a version already
stored with the same content changes nothing; with other content it is refused (a decision is
changed by a new version, never by rewriting one). Items are upserted by direction and number.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, insert
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from console.domain.consultation import (
    Consultation,
    Direction,
    Matter,
    Rule,
    TransferItem,
    check_overlaps,
)
from console.domain.consultation_file import Known, RuleBook
from console.domain.order_types import Platform
from console.store.consultation_tables import (
    ConsultationRuleRow,
    IntakeSuggestionRow,
    TransferItemRow,
)
from console.store.tables import DepartmentRow, DistrictRow, FieldRow, KindRow, OrderRow


class VersionClash(ValueError):
    """A rule version already stored with other content (``rule_id``, ``version``)."""

    def __init__(self, message: str, rule_id: str = "", version: int = 0) -> None:
        super().__init__(message)
        self.rule_id, self.version = rule_id, version


@dataclass(frozen=True, slots=True)
class Imported:
    rules_added: int
    rules_same: int
    items_added: int
    items_updated: int


class PastOrder(NamedTuple):
    """One past order as the suggestion's history counts it (a tuple: a thousand are built
    on a keystroke)."""

    owner: str
    department: str | None
    description: str


def known(session: Session) -> Known:
    """The catalogue a rule file is checked against."""
    kinds = {k: Platform(p) for k, p in session.exec(select(KindRow.code, KindRow.platform))}
    return Known(
        kinds,
        frozenset(session.exec(select(FieldRow.code))),
        frozenset(session.exec(select(DistrictRow.code))),
        frozenset(session.exec(select(DepartmentRow.code))),
    )


def _meeting(c: Consultation) -> dict[str, Any]:
    return {"title": c.title, "held_on": c.held_on.isoformat(),
            "participants": list(c.participants), "minutes": c.minutes}  # fmt: skip


def _meeting_from(d: dict[str, Any]) -> Consultation:
    return Consultation(d["title"], date.fromisoformat(d["held_on"]),
                        tuple(d["participants"]), d["minutes"])  # fmt: skip


def _rule_body(rule: Rule) -> str:
    m = rule.matter
    body = {"kinds": list(m.kinds), "fields": list(m.fields), "districts": list(m.districts),
            "keywords": list(m.keywords), "norm": rule.norm,
            "consultation": _meeting(rule.consultation)}  # fmt: skip
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def _rule(row: ConsultationRuleRow) -> Rule:
    b = json.loads(row.body)
    matter = Matter(tuple(b["kinds"]), tuple(b["fields"]), tuple(b["districts"]),
                    tuple(b["keywords"]))  # fmt: skip
    return Rule(row.rule_id, row.version, matter, Platform(row.platform), row.department,
                b["norm"], _meeting_from(b["consultation"]), row.valid_from, row.valid_to,
                row.priority)  # fmt: skip


def _item_body(item: TransferItem) -> str:
    body = {"class": item.class_name, "item": item.item, "keywords": list(item.keywords),
            "kinds": list(item.kinds),
            "consultation": _meeting(item.consultation) if item.consultation else None}  # fmt: skip
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def _item(row: TransferItemRow) -> TransferItem:
    b = json.loads(row.body)
    meeting = _meeting_from(b["consultation"]) if b["consultation"] else None
    return TransferItem(Direction(row.direction), row.number, b["class"], b["item"],
                        tuple(b["keywords"]), tuple(b["kinds"]), meeting)  # fmt: skip


def rules(session: Session) -> list[Rule]:
    """Every stored version of every rule."""
    rows = session.exec(select(ConsultationRuleRow).order_by(col(ConsultationRuleRow.rule_id),
                        col(ConsultationRuleRow.version)))  # fmt: skip
    return [_rule(r) for r in rows]


Stamp = tuple[int, int, int, datetime | None]


def stamp(session: Session) -> Stamp:
    """(rule versions stored, highest rule row id, items stored, latest item change): changes
    whenever a rule version is added or an item added, updated or retired, so a seat knows when
    to read the rules and items again without reading them."""
    r = ConsultationRuleRow.__table__.c  # type: ignore[attr-defined]
    i = TransferItemRow.__table__.c  # type: ignore[attr-defined]
    rules_count, rules_top = session.execute(core_select(func.count(r.id), func.max(r.id))).one()
    items_count, items_last = session.execute(
        core_select(func.count(i.id), func.max(i.changed_at))
    ).one()
    return int(rules_count or 0), int(rules_top or 0), int(items_count or 0), items_last


def items(session: Session) -> list[TransferItem]:
    """The active transfer-list items."""
    rows = session.exec(select(TransferItemRow).where(TransferItemRow.active)
                        .order_by(col(TransferItemRow.direction), col(TransferItemRow.id)))  # fmt: skip
    return [_item(r) for r in rows]


def import_book(session: Session, book: RuleBook, who: str, origin: str, now: datetime) -> Imported:
    """Store ``book``'s rule versions and items; raises :class:`VersionClash` (nothing stored:
    the caller's transaction rolls back) and the domain's RuleConflict when the stored rules and
    the file's together overlap with no priority."""
    stored = {(r.rule_id, r.version): r for r in session.exec(select(ConsultationRuleRow))}
    added = same = 0
    for rule in book.rules:
        body = _rule_body(rule)
        row = stored.get((rule.rule_id, rule.version))
        if row is not None:
            if row.body != body or _rule(row) != rule:
                raise VersionClash(f"{rule.rule_id} version {rule.version} is stored with other "
                                   "content: a changed decision is a new version",
                                   rule.rule_id, rule.version)  # fmt: skip
            same += 1
            continue
        session.add(ConsultationRuleRow(
            rule_id=rule.rule_id, version=rule.version, platform=rule.platform.value,
            department=rule.department, valid_from=rule.valid_from, valid_to=rule.valid_to,
            priority=rule.priority, body=body, changed_at=now, changed_by=who, origin=origin,
        ))  # fmt: skip
        added += 1
    check_overlaps([*(_rule(r) for r in stored.values()), *book.rules])
    present = {(r.direction, r.number): r for r in session.exec(select(TransferItemRow))}
    new = updated = 0
    for item in book.items:
        body = _item_body(item)
        had = present.get((item.direction.value, item.number))
        if had is None:
            session.add(TransferItemRow(direction=item.direction.value, number=item.number,
                        body=body, changed_at=now, changed_by=who, origin=origin))  # fmt: skip
            new += 1
        elif had.body != body or not had.active:
            had.body, had.active, had.changed_at, had.changed_by = body, True, now, who
            had.origin = origin
            session.add(had)
            updated += 1
    return Imported(added, same, new, updated)


def past_orders(
    session: Session,
    platform: str,
    since: datetime,
    kind: str | None,
    field: str | None,
    district: str | None,
    most: int,
) -> Sequence[PastOrder]:
    """The newest ``most`` orders taken at ``platform`` since ``since`` of that kind, field
    and district: where they are now and which department has them. With a kind, every filter
    is in the query (``ix_work_order_kind_district`` / ``ix_work_order_kind_created``); without
    one, the newest ``most`` orders of the platform are read (``ix_work_order_created``) and
    the field and district filtered among them: no index serves a district or field alone."""
    o = OrderRow.__table__.c  # type: ignore[attr-defined]
    if kind is not None:
        query = core_select(o.owner, o.department, o.description).where(
            o.origin == platform, o.created_at >= since, o.kind == kind
        )
        for column, value in ((o.field, field), (o.district, district)):
            if value is not None:
                query = query.where(column == value)
        query = query.order_by(o.created_at.desc()).limit(most)
        return list(map(PastOrder._make, session.execute(query).all()))
    query = (
        core_select(o.owner, o.department, o.description, o.field, o.district)
        .where(o.origin == platform, o.created_at >= since)
        .order_by(o.created_at.desc())
        .limit(most)
    )
    rows = session.execute(query).all()
    return [
        PastOrder(owner, department, description)
        for owner, department, description, f, d in rows
        if (field is None or f == field) and (district is None or d == district)
    ]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A routing suggestion shown while an order was typed, and what the agent did with it."""

    source: str  # "rule" or "item"
    reference: str  # "R-017 v1", "12345->110 3.2"
    move: str
    department: str | None
    accepted: bool


def record_outcome(session: Session, number: str, outcome: Outcome, by: str, at: datetime) -> None:
    """The outcome of the suggestion shown for saved order ``number`` (once per order)."""
    order = session.execute(
        core_select(OrderRow.__table__.c.id, OrderRow.__table__.c.origin,  # type: ignore[attr-defined]
                    OrderRow.__table__.c.district)  # type: ignore[attr-defined]
        .where(OrderRow.__table__.c.number == number)  # type: ignore[attr-defined]
    ).one()  # fmt: skip
    session.execute(
        insert(IntakeSuggestionRow.__table__),  # type: ignore[attr-defined]
        {
            "order_id": order.id, "number": number, "platform": order.origin,
            "district": order.district, "saved_at": at, "source": outcome.source,
            "reference": outcome.reference, "move": outcome.move,
            "department": outcome.department, "accepted": outcome.accepted, "saved_by": by,
        },
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SuggestionFigures:
    """Orders saved in a period whose intake showed a routing suggestion, and how many of
    those the agent accepted (the accept key) or saved without it (ignored)."""

    shown: int = 0
    accepted: int = 0

    @property
    def ignored(self) -> int:
        return self.shown - self.accepted


def suggestion_figures(
    session: Session,
    start: datetime,
    end: datetime,
    platform: str | None = None,
    district: str | None = None,
) -> SuggestionFigures:
    """:class:`SuggestionFigures` of the orders saved in ``[start, end)``."""
    t = IntakeSuggestionRow.__table__.c  # type: ignore[attr-defined]
    query = core_select(t.accepted, func.count()).where(t.saved_at >= start, t.saved_at < end)
    if platform is not None:
        query = query.where(t.platform == platform)
    if district is not None:
        query = query.where(t.district == district)
    counted = {bool(a): int(n) for a, n in session.execute(query.group_by(t.accepted))}
    return SuggestionFigures(sum(counted.values()), counted.get(True, 0))
