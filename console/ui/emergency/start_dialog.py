"""Start a linkage plan (启动预案): event type, level, district, place, summary, drill — and,
before the lead confirms, who the plan will notify in the district's city (the service's
``preview``, read off the GUI thread whenever type, level or district change). Confirm stays
off until the preview of what is on the form has been shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QWidget

from console.domain.catalogue import District
from console.domain.emergency import EventType, Level, Partner, PartnerKind, PlanStep
from console.services.incident_views import IncidentDraft
from console.ui.emergency.dialogs import MAX_NOTE, IncidentForm
from console.ui.emergency.words import LEVELS, drill_word, event_name, kind_name, level_long
from console.ui.keys import marked
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.intake_inputs import DistrictBox

Preview = tuple[list[tuple[Partner, PlanStep]], list[PartnerKind]]
PreviewFn = Callable[[EventType, Level, str], Preview]


@dataclass(frozen=True, slots=True)
class FromOrder:
    """The order a plan is started from, as the form is filled in from it."""

    number: str
    district: str
    address: str
    description: str


class StartDialog(IncidentForm):
    """The draft is :meth:`value`; ``from_order`` is carried through when started from one."""

    def __init__(
        self, districts: Sequence[District], *, chinese: bool, preview: PreviewFn,
        ops: Operations, from_order: str | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.set_words(self.tr("Start a linkage plan"), self.tr("Start the plan"))
        self._preview, self._ops, self._from_order = preview, ops, from_order
        self._shown: tuple[EventType, Level, str] | None = None  # the preview on screen is of
        self.event_type = QComboBox()
        for event_type in EventType:
            self.event_type.addItem(f"{event_name(event_type)}", event_type)
        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(level_long(level), level)
        self.level.setCurrentIndex(self.level.findData(Level.IV))
        self.district = DistrictBox(districts, chinese=chinese)
        self.district.setPlaceholderText(self.tr("Chinese name, pinyin or code"))
        self.place = QLineEdit(maxLength=200)
        self.place.setPlaceholderText(self.tr("Street, crossing, building"))
        self.summary = QLineEdit(maxLength=MAX_NOTE)
        self.summary.setPlaceholderText(self.tr("What happened, how many people"))
        self.drill = QCheckBox(marked(self.tr("Drill (演练): marked everywhere, left out of the "
                                              "real figures"), "em_drill"))  # fmt: skip
        self.row(self.tr("Event type:"), "em_event_type", self.event_type)
        self.row(self.tr("Level:"), "em_level", self.level)
        self.row(self.tr("District:"), "em_district", self.district)
        self.row(self.tr("Place:"), "em_place", self.place)
        self.row(self.tr("Summary:"), "em_summary", self.summary)
        self.form.addRow("", self.drill)
        self.preview_title = QLabel(self.tr("Choose the district to see who the plan notifies."))
        self.preview_title.setObjectName("previewTitle")
        self.preview_title.setWordWrap(True)
        self.preview_list = QListWidget()
        self.preview_list.setObjectName("previewList")
        self.preview_list.setMinimumHeight(160)
        self.body.addWidget(self.preview_title)
        self.body.addWidget(self.preview_list)
        self.setMinimumWidth(560)
        if from_order:
            self.setWindowTitle(
                self.tr("Start a linkage plan from {order}").format(order=from_order)
            )
        for box in (self.event_type, self.level, self.district):
            box.currentIndexChanged.connect(self.ask_preview)
        self.drill.toggled.connect(self._show_drill)
        self.set_busy(False)
        self.event_type.setFocus()

    def fill_from(self, order: FromOrder) -> None:
        """Started from an order: its district, its address as the place and its description
        as the summary; the lead chooses the type and the level."""
        self.district.set_value(order.district)  # the preview is asked for
        self.place.setText(order.address.strip()[: self.place.maxLength()])
        self.summary.setText(order.description.strip()[:MAX_NOTE])

    def choice(self) -> tuple[EventType, Level, str]:
        return (EventType(self.event_type.currentData()), Level(self.level.currentData()),
                self.district.value())  # fmt: skip

    def ready(self) -> bool:
        return self._shown is not None and self._shown == self.choice()

    def value(self) -> IncidentDraft:
        event_type, level, district = self.choice()
        return IncidentDraft(event_type, level, district, self.place.text().strip(),
                             self.summary.text().strip(), self.drill.isChecked(),
                             self._from_order)  # fmt: skip

    @Slot()
    def ask_preview(self) -> None:
        chosen = self.choice()
        self._shown = None
        self.set_busy(False)
        if not (len(chosen[2]) == 6 and chosen[2].isdigit()):
            return
        self.preview_title.setText(self.tr("Asking the plan…"))
        self._ops.read(self, "preview", lambda: self._preview(*chosen),
                       success=lambda found: self._show_preview(chosen, found),
                       failure=self._no_preview)  # fmt: skip

    def _show_preview(self, chosen: tuple[EventType, Level, str], found: Preview) -> None:
        if chosen != self.choice():
            return  # the form moved on; its own preview is on its way
        partners, missing = found
        self.preview_list.clear()
        for partner, step in partners:
            self.preview_list.addItem(self.tr("{name} ({kind}) — {task}, answer within {m} min")
                                      .format(name=partner.name, kind=kind_name(partner.kind),
                                              task=step.task, m=step.ack_minutes))  # fmt: skip
        title = self.tr("The plan notifies {count} partner(s):").format(count=len(partners))
        if missing:
            gaps = "、".join(kind_name(k) for k in missing)
            title += " " + self.tr("no partner in this city for: {kinds}").format(kinds=gaps)
        self.preview_title.setText(title)
        self._shown = chosen
        self.set_busy(False)

    def _no_preview(self, error: Exception) -> None:
        self.preview_list.clear()
        self.preview_title.setText(refusal_text(error))

    def _show_drill(self, on: bool) -> None:
        self.setWindowTitle(self.windowTitle().removesuffix(f" · {drill_word()}")
                            + (f" · {drill_word()}" if on else ""))  # fmt: skip
