"""Every deadline kind has its column (README: "Add a deadline kind")."""

from __future__ import annotations

from console.domain.orders import DeadlineKind
from console.store.tables import OrderRow


def test_every_deadline_kind_has_its_due_column() -> None:
    columns = set(OrderRow.__table__.columns.keys())  # type: ignore[attr-defined]
    assert {f"{kind.value}_due" for kind in DeadlineKind} <= columns
