"""会商 rules and transfer-list items as stored (migration 0018), and the index the routing
suggestion's history query reads.

A rule is kept as one row per version (``(rule_id, version)`` unique): a changed decision is a
new version, an old version is never rewritten, so every change stays. ``body`` is the rule's
matter, handling norm and consultation as JSON (console.store.consultation reads and writes it);
the columns beside it are what a query selects by. A transfer-list item is one row per
``(direction, number)``; ``active`` false retires it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from console.store.tables import OrderRow


class ConsultationRuleRow(SQLModel, table=True):
    __tablename__ = "consultation_rule"
    __table_args__ = (Index("ux_consultation_rule_version", "rule_id", "version", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    rule_id: str
    version: int
    platform: str  # the responsible platform
    department: str | None = None
    valid_from: date
    valid_to: date | None = None
    priority: int | None = None
    body: str  # JSON: matter, norm, consultation
    changed_at: datetime
    changed_by: str
    origin: str  # the file it was imported from, or "console"


class TransferItemRow(SQLModel, table=True):
    __tablename__ = "transfer_item"
    __table_args__ = (Index("ux_transfer_item_number", "direction", "number", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    direction: str  # console.domain.consultation.Direction
    number: str
    body: str  # JSON: class, item, keywords, kinds, consultation
    active: bool = True
    changed_at: datetime
    changed_by: str
    origin: str


# The suggestion's history: orders of one kind (in one district), newest first.
_ORDER = OrderRow.__table__.c  # type: ignore[attr-defined]
HISTORY_INDEX = Index(
    "ix_work_order_kind_district", _ORDER.kind, _ORDER.district, _ORDER.created_at
)
HISTORY_KIND_INDEX = Index("ix_work_order_kind_created", _ORDER.kind, _ORDER.created_at)


class IntakeSuggestionRow(SQLModel, table=True):
    """Per saved order whose intake showed a routing suggestion (a rule or a transfer-list
    item, migration 0020): what was suggested and whether the agent accepted it (the accept
    key) or saved without it (ignored). ``order_id`` is unique: one outcome per order."""

    __tablename__ = "intake_suggestion"
    __table_args__ = (
        Index("ux_intake_suggestion_order", "order_id", unique=True),
        Index("ix_intake_suggestion_saved", "saved_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    number: str
    platform: str  # the order's (the agent's)
    district: str
    saved_at: datetime
    source: str  # "rule" or "item"
    reference: str  # R-017 v1, or the item's direction and number
    move: str  # console.domain.consultation.Move
    department: str | None = None
    accepted: bool
    saved_by: str
