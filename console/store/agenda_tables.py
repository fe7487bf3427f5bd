"""Consultation items (会商议题) as stored (migration 0022), and the index the agenda reads.

One row per item: the matter (kind, keyword, district), its counts and example orders as they
were when the shift lead put it on the agenda (JSON), ``open`` until decided; the decision is
the rule version it made (``rule_id``, ``rule_version``: the rule itself lives in
``consultation_rule``, console/store/consultation_tables.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from console.store.tables import EventRow


class ConsultationItemRow(SQLModel, table=True):
    __tablename__ = "consultation_item"
    __table_args__ = (Index("ix_consultation_item_status", "status", "created_at"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    keyword: str = ""
    district: str
    orders: int
    counts: str  # JSON: {"by_dispute": [[dispute, n], …], "by_month": [[month, n], …]}
    examples: str  # JSON: order numbers
    status: str = "open"  # console.domain.consultation_items.ItemStatus
    created_at: datetime
    created_by: str
    decided_at: datetime | None = None
    decided_by: str | None = None
    rule_id: str | None = None
    rule_version: int | None = None


# The agenda: dispute lines (three-way, return, dispatch, first contact) of a period.
_EVENT = EventRow.__table__.c  # type: ignore[attr-defined]
AGENDA_INDEX = Index("ix_order_event_action_at", _EVENT.action, _EVENT.at)
