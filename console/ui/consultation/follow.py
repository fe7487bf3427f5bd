"""The 会商 tab following another seat's changes (the change feed's ``rules``: a rule version, a
transfer-list item or a consultation item written elsewhere).

With no form open, the items and the rules are read again quietly, off the UI thread: a table
changes only if its rows did, its selection and scroll kept; the effects are read again when
the rules moved. With a form open (an edit, a retirement, a decision typed and not yet stored)
nothing under it moves and nothing typed is touched: the tab's line says the rules changed and
that Alt+E reads them again. Closing the form reads them then; Alt+E (or the tab's own change)
clears the line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from console.domain.agenda import RuleEffect
from console.domain.consultation_items import Item
from console.domain.roles import Seated
from console.services.rule_edits import RuleLine
from console.ui.consultation.ports import AgendaReads, RuleWrites
from console.ui.consultation.reread import quietly
from console.ui.keys import KEYS
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.ui.consultation.tab import ConsultationTab

log = logging.getLogger(__name__)


def stale_notice() -> str:
    return QCoreApplication.translate(
        "ConsultationTab", "Another seat changed the rules · {key} reads them again"
    ).format(key=KEYS["co_reload"].keys[0])


class Follower(QObject):
    """The tab's part that follows the change feed (its reads are owned by it: gone with the
    tab, their answers are dropped)."""

    def __init__(
        self, tab: ConsultationTab, agenda: AgendaReads, rules: RuleWrites, *, by: Seated,
        ops: Operations, say: Callable[[str, bool], None], editing: Callable[[], bool],
        busy: Callable[[], bool],
    ) -> None:  # fmt: skip
        super().__init__(tab)
        self._tab, self._agenda, self._rules, self._by, self._ops = tab, agenda, rules, by, ops
        self._say, self._editing, self._busy = say, editing, busy
        self.stale = False  # another seat changed the rules while a form was open

    def follow(self) -> None:
        if self._busy():
            return  # the tab's own change, most likely: its answer reads everything again
        if self._editing():
            self._mark_stale()
            return
        agenda, rules, by = self._agenda, self._rules, self._by
        self._ops.read(self, "items", lambda: agenda.items(by),
                       success=self._items, failure=self._not_read)  # fmt: skip
        self._ops.read(self, "rules", lambda: rules.lines(by),
                       success=self._lines, failure=self._not_read)  # fmt: skip

    def settled(self) -> None:
        """Everything was read again (Alt+E, the tab's own change): the line is cleared."""
        if self.stale:
            self.stale = False
            if self._tab.message.toolTip() == stale_notice():
                self._say("", False)

    def closed(self) -> None:
        """The form was closed: the changes it held back are read now."""
        if self.stale:
            self.settled()
            self.follow()

    def _mark_stale(self) -> None:
        self.stale = True
        self._say(stale_notice(), True)

    def _items(self, found: list[Item]) -> None:
        tab = self._tab
        if quietly(tab.items_table, tab.items_model, found):
            tab.loaded.emit("items")

    def _lines(self, found: list[RuleLine]) -> None:
        tab = self._tab
        if self._editing():  # a form opened meanwhile, on the rules as they were
            self._mark_stale()
        elif quietly(tab.rules_table, tab.rules_model, found):
            tab.loaded.emit("rules")
            rules, by = self._rules, self._by
            self._ops.read(self, "effects", lambda: rules.effects(by),
                           success=self._effects, failure=self._not_read)  # fmt: skip

    def _effects(self, found: list[RuleEffect]) -> None:
        tab = self._tab
        if quietly(tab.effects_table, tab.effects_model, found):
            tab.loaded.emit("effects")

    def _not_read(self, error: Exception) -> None:
        log.warning("会商 tab not read again after a change: %s", error)  # Alt+E; the next one
