"""The intake form's offer of active incidents (应急联动 at intake), and the one key that links.

While the agent types an order, the caller's district is known: the line under it offers the
active incidents of that district's city (``active_for``, a read off the UI thread, asked again
whenever the district changes; an answer for a district the form no longer shows is dropped).
Nothing is shown while there are none. Each incident says its level in words (Ⅱ级 重大) beside
its colour's swatch, never by colour alone, its event type, place, how long ago it started, and
演练 for a drill. Ctrl+L (``link_incident`` in console/ui/keys.py) links the order being typed
to the selected incident (the first unless the agent clicked another); pressing it again
unlinks. The choice is the form's to keep with its draft; once the order is saved the form asks
:meth:`IncidentOffer.link_order` to store the link, a write off the UI thread whose outcome is
said in the form's message line (``reported``), never in a dialog.

Nothing here takes the keyboard focus: the agent is on a live call, typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.emergency import Level, city_of
from console.domain.roles import Seated
from console.services.incident_views import IncidentLine
from console.services.steps import Held
from console.ui.keys import sequence
from console.ui.names import say
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

log = logging.getLogger(__name__)

LEVEL_SWATCHES = {Level.I: "#c62828", Level.II: "#ef6c00", Level.III: "#f9a825",
                  Level.IV: "#1565c0"}  # fmt: skip
"""The level's colour as a swatch before its words (红 橙 黄 蓝)."""
VISIBLE_ROWS = 2  # more incidents scroll: the form keeps its height (420 px at least)


class IncidentLinks(Protocol):
    """What the offer asks of the incident service (``console.services.incidents``)."""

    def active_for(self, district: str) -> list[IncidentLine]: ...

    def link(self, by: Seated, number: str, order_number: str) -> object:
        """Held (``console.services.steps.Held``) when the seat holds it with a held order."""
        ...


def ago_text(span: timedelta) -> str:
    """ "just now" / "12 min ago" / "1 h 5 min ago" / "2 d 3 h ago" (刚刚 / 12 分钟前 …)."""
    translate = QCoreApplication.translate
    minutes = max(int(span.total_seconds()), 0) // 60
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return translate("IncidentOffer", "{d} d {h} h ago").format(d=days, h=hours)
    if hours:
        return translate("IncidentOffer", "{h} h {m} min ago").format(h=hours, m=minutes)
    if minutes:
        return translate("IncidentOffer", "{m} min ago").format(m=minutes)
    return translate("IncidentOffer", "just now")


def offer_text(line: IncidentLine, now: datetime) -> str:
    """Ⅱ级 重大 · 事故灾难 · 和平区南京北街 · 12 分钟前 · 演练."""
    parts = [say(line.level.name_text), say(line.event_type.name_text), line.place,
             ago_text(now - line.started_at)]  # fmt: skip
    if line.drill:
        parts.append(QCoreApplication.translate("IncidentOffer", "Drill"))
    return " · ".join(p for p in parts if p)


def _is_district(code: str) -> bool:
    try:
        city_of(code)
    except ValueError:
        return False
    return True


class IncidentOffer(QWidget):
    """Signals: ``toggled(number)`` — the agent linked the order being typed to incident
    ``number``, or unlinked it (""); ``reported(text, error)`` — what became of the link once
    the order was saved (:meth:`link_order`)."""

    toggled = Signal(str)
    reported = Signal(str, bool)

    def __init__(
        self,
        service: IncidentLinks,
        *,
        by: Seated,
        ops: Operations,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentOffer")
        self._service, self._by, self._ops, self._clock = service, by, ops, clock
        self.district = ""  # the district whose incidents are offered (or being asked for)
        self.lines: list[IncidentLine] = []
        self.chosen: str | None = None  # the incident the order being typed is linked to
        self.header = QLabel(wordWrap=True)
        self.header.setObjectName("incidentOfferHeader")
        self.list = QListWidget()
        self.list.setObjectName("incidentOfferList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click selects, the typing goes on
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.list)
        # Live while the offer is on screen (a hidden widget's shortcut does not fire).
        self.shortcut = QShortcut(sequence("link_incident"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.toggle)
        self.list.itemClicked.connect(lambda _item: self._show())
        self.hide()

    # ---------------------------------------------------------------- asked by the form

    def set_district(self, district: str) -> None:
        """The caller's district changed: forget the offer, ask for the new one's (only for a
        district code; what is still being typed offers nothing)."""
        district = district.strip()
        if district == self.district:
            return
        same_city = (
            _is_district(district)
            and _is_district(self.district)
            and (city_of(district) == city_of(self.district))
        )
        self.district = district
        if not same_city:  # another district of the city keeps the offer until the answer
            self.lines = []
            self._show()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Ask again for the current district's incidents (an incident started or stood down:
        the lead may connect the change feed here)."""
        district = self.district
        if not _is_district(district):
            return
        self._ops.read(self, "active-incidents", partial(self._service.active_for, district),
                       success=partial(self._offered, district),
                       failure=partial(self._not_offered, district))  # fmt: skip

    def set_chosen(self, number: str | None) -> None:
        """Show ``number`` as linked (a draft put back on the form); not the agent's change."""
        self.chosen = number or None
        self._show()

    @Slot()
    def toggle(self) -> bool:
        """Ctrl+L: link to the selected incident (else the first), or unlink; False when there
        is nothing to link to."""
        if self.chosen is not None:
            self.chosen = None
        else:
            row = max(self.list.currentRow(), 0)
            if row >= len(self.lines):
                return False
            self.chosen = self.lines[row].number
        self._show()
        self.toggled.emit(self.chosen or "")
        return True

    def link_order(self, order_number: str, incident: str) -> None:
        """The order was saved: link it to ``incident``; the outcome goes out as ``reported``.
        A refusal loses nothing: the order stays saved, the message says why it is not linked."""
        call = partial(self._service.link, self._by, incident, order_number)
        self._ops.write(self, call, success=lambda r: self._linked(incident, isinstance(r, Held)),
                        failure=partial(self._not_linked, incident, order_number))  # fmt: skip

    # ---------------------------------------------------------------- answers

    def _offered(self, district: str, lines: list[IncidentLine]) -> None:
        if district != self.district:
            return  # asked for a district the form no longer shows
        self.lines = list(lines)
        self._show()

    def _not_offered(self, district: str, error: Exception) -> None:
        log.warning("active incidents of %s not read: %s", district, refusal_text(error))

    def _linked(self, incident: str, held: bool = False) -> None:
        text = (
            self.tr("Will be linked to incident {number} when the database is back.")
            if held
            else self.tr("Linked to incident {number}.")
        )
        self.reported.emit(text.format(number=incident), False)

    def _not_linked(self, incident: str, order: str, error: Exception) -> None:
        text = self.tr("Not linked to incident {number}: {why} The order {order} is saved.")
        self.reported.emit(text.format(number=incident, why=refusal_text(error), order=order), True)

    # ---------------------------------------------------------------- showing

    def _show(self) -> None:
        self.setVisible(bool(self.lines) or self.chosen is not None)
        if self.chosen is not None:
            self.header.setText(self.tr("Linked to incident {number} (Ctrl+L unlinks)")
                                .format(number=self.chosen))  # fmt: skip
        else:
            self.header.setText(self.tr("Active incidents in the caller's city: Ctrl+L links "
                                        "this order to the selected one"))  # fmt: skip
        row = self.list.currentRow()
        selected = self.lines[row].number if 0 <= row < len(self.lines) else None
        if [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())] != [x.number for x in self.lines]:  # fmt: skip
            self.list.clear()
            for line in self.lines:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, line.number)
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(LEVEL_SWATCHES[line.level]))
                self.list.addItem(item)
        now = self._clock()
        for index, line in enumerate(self.lines):
            item = self.list.item(index)
            linked = line.number == self.chosen
            mark = "✔ " if linked else ""
            item.setText(mark + offer_text(line, now))
            item.setToolTip(f"{line.number} {say(line.level.colour_text)}\n{line.summary}")
            font = QFont(item.font())
            font.setBold(linked)
            item.setFont(font)
        numbers = [x.number for x in self.lines]
        self.list.setCurrentRow(numbers.index(selected) if selected in numbers else 0)
        shown = min(len(self.lines), VISIBLE_ROWS)
        self.list.setVisible(shown > 0)
        height = self.list.sizeHintForRow(0) if self.lines else 0
        self.list.setFixedHeight(shown * height + 2 * self.list.frameWidth())
