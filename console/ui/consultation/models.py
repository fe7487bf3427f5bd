"""The 会商 tab's tables: the agenda (one row a disputed matter, a column a dispute kind, the
months and example orders), the consultation items and the rule versions. Read-only rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from console.domain.agenda import Dispute, RuleEffect, Topic
from console.domain.consultation_items import Item, ItemStatus, RuleState
from console.services.rule_edits import RuleLine
from console.ui.consultation.words import (
    dispute_name,
    effect_change,
    item_state,
    matter_text,
    rule_state,
)
from console.ui.models.base import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Names = Mapping[str, str]


def _months(pairs: Sequence[tuple[str, int]]) -> str:
    return "  ".join(f"{m}: {n}" for m, n in pairs)


class _Rows(RowsTableModel):
    def __init__(self, kinds: Names, districts: Names, parent: Any = None) -> None:
        super().__init__(parent)
        self._kinds, self._districts = dict(kinds), dict(districts)
        self._rows: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def key(self, row: Any) -> Any:
        """What stays the same of ``row`` when it is read again (its selection follows it)."""
        return row

    def find(self, key: Any) -> int:
        """The row whose :meth:`key` is ``key``, or -1."""
        return next((n for n, row in enumerate(self._rows) if self.key(row) == key), -1)

    def cells(self, row: Any) -> list[str]:
        raise NotImplementedError

    def bold(self, row: Any) -> bool:
        return False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and self.bold(row):
            return self._bold
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[index.column()]
        return None


class AgendaModel(_Rows):
    """Rows of :class:`Topic`, most disputed first."""

    def __init__(self, kinds: Names, districts: Names, parent: Any = None) -> None:
        super().__init__(kinds, districts, parent)
        self._headers = [self.tr("Matter"), self.tr("Orders"),
                         *(dispute_name(d) for d in Dispute), self.tr("Per month"),
                         self.tr("Examples")]  # fmt: skip

    def cells(self, t: Topic) -> list[str]:
        return [matter_text(t.key, self._kinds, self._districts), str(t.orders),
                *(str(t.count(d)) for d in Dispute), _months(t.by_month),
                "、".join(t.examples)]  # fmt: skip


class ItemsModel(_Rows):
    """Rows of :class:`Item`: open ones first (bold), then decided."""

    def __init__(self, kinds: Names, districts: Names, parent: Any = None) -> None:
        super().__init__(kinds, districts, parent)
        self._headers = [self.tr("State"), self.tr("Matter"), self.tr("Orders"),
                         self.tr("Disputes"), self.tr("Per month"), self.tr("Examples"),
                         self.tr("Put on by")]  # fmt: skip

    def bold(self, row: Item) -> bool:
        return row.status is ItemStatus.OPEN

    def key(self, row: Item) -> int:
        return row.id

    def cells(self, i: Item) -> list[str]:
        disputes = "  ".join(f"{dispute_name(d)} {n}" for d, n in i.by_dispute)
        return [item_state(i), matter_text(i.matter, self._kinds, self._districts),
                str(i.orders), disputes, _months(i.by_month), "、".join(i.examples),
                i.created_by]  # fmt: skip


class RulesModel(_Rows):
    """Rows of :class:`RuleLine`: every version, by rule, newest first."""

    def __init__(self, kinds: Names, districts: Names, parent: Any = None) -> None:
        super().__init__(kinds, districts, parent)
        self._headers = [self.tr("Rule"), self.tr("State"), self.tr("Matter"),
                         self.tr("Responsible"), self.tr("Valid"), self.tr("Consultation"),
                         self.tr("Handling norm")]  # fmt: skip

    def bold(self, row: RuleLine) -> bool:
        return row.state is RuleState.IN_EFFECT

    def key(self, row: RuleLine) -> tuple[str, int]:
        return row.rule.rule_id, row.rule.version

    def cells(self, line: RuleLine) -> list[str]:
        r = line.rule
        m = r.matter
        matter = " · ".join(
            part for part in ("、".join(self._kinds.get(k, k) for k in m.kinds),
                              "、".join(m.keywords),
                              "、".join(self._districts.get(d, d) for d in m.districts)) if part
        )  # fmt: skip
        until = f"{r.valid_to}" if r.valid_to else ""
        return [f"{r.rule_id} v{r.version}", rule_state(line.state), matter,
                f"{r.platform.value} {r.department or ''}".strip(), f"{r.valid_from}–{until}",
                r.consultation.title, r.norm]  # fmt: skip


class EffectsModel(_Rows):
    """Rows of :class:`RuleEffect` (``rules report``): each rule's matter, disputed orders per
    month before it and after it, and which way it went (a symbol and a word)."""

    def __init__(self, kinds: Names, districts: Names, parent: Any = None) -> None:
        super().__init__(kinds, districts, parent)
        self._headers = [self.tr("Rule"), self.tr("Matter"), self.tr("Since"),
                         self.tr("Before, per month"), self.tr("After, per month"),
                         self.tr("Change"), self.tr("Months before"),
                         self.tr("Months after")]  # fmt: skip

    def key(self, row: RuleEffect) -> tuple[str, int]:
        return row.rule.rule_id, row.rule.version

    def cells(self, e: RuleEffect) -> list[str]:
        m = e.rule.matter
        matter = " · ".join(part for part in (
            "、".join(self._kinds.get(k, k) for k in m.kinds), "、".join(m.keywords),
            "、".join(self._districts.get(d, d) for d in m.districts)) if part)  # fmt: skip
        per = self.tr("{mean:.1f} ({total} in {months} months)")
        return [f"{e.rule.rule_id} v{e.rule.version}", matter, str(e.since),
                per.format(mean=e.before_mean, total=e.before_total, months=len(e.before)),
                per.format(mean=e.after_mean, total=e.after_total, months=len(e.after)),
                effect_change(e), _months(e.before), _months(e.after)]  # fmt: skip
