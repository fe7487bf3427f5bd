"""The intake inputs, their labels and inline problem lines, laid out for the keyboard.

Every input has an Alt letter (declared in ``console/ui/keys.py``; on a box it ticks or unticks
it) and a red line under it for its problem; the form
(:mod:`console.ui.seat.intake_form`) decides what to show there.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.catalogue import District, Field, Kind
from console.domain.intake import MAX_DESCRIPTION, Draft
from console.domain.orders import Platform, Priority
from console.ui.keys import marked
from console.ui.seat.intake_inputs import DistrictBox, named, numbered_box, restyle

ERROR_COLOUR = "#b3261e"
STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {ERROR_COLOUR}; border-radius: 2px; background: #fdf1f0; padding: 2px;
}}
QLabel[role="problem"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="hint"] {{ color: palette(dark); }}
QLabel#counter[over="true"] {{ color: {ERROR_COLOUR}; font-weight: bold; }}
QLabel#socialNote {{ color: {ERROR_COLOUR}; font-weight: bold; }}
"""
# The order Tab follows and problems are focused in (Draft attribute names).
ORDER = ("caller_phone", "caller_name", "kind", "field", "district", "address", "description",
         "priority", "social_stability", "consent")  # fmt: skip


class IntakeFields(QWidget):
    """Signals: ``edited(name)`` when the agent changes the input for Draft attribute ``name``
    (never for :meth:`set_draft`)."""

    edited = Signal(str)

    def __init__(
        self,
        *,
        platform: Platform,
        kinds: Iterable[Kind],
        fields: Iterable[Field],
        districts: Iterable[District],
        chinese: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.platform = platform
        self._loading = False
        self._priority_before: Priority | None = None
        self.caller_phone = named(QLineEdit(maxLength=40), "caller_phone")
        self.caller_phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.caller_name = named(QLineEdit(), "caller_name")
        choose = self.tr("Choose (type its number)")
        self.kind = numbered_box(((k.code, k.name_zh if chinese else k.name_en, k.hint_zh)
                                  for k in kinds if k.platform is platform), choose)  # fmt: skip
        self.field = numbered_box(((f.code, f.name_zh if chinese else f.name_en, "")
                                   for f in fields if f.platform is platform), choose)  # fmt: skip
        self.district = DistrictBox(districts, chinese=chinese)
        self.address = named(QLineEdit(), "address")
        self.address.setPlaceholderText(self.tr("Street, compound, building and door number"))
        self.description = named(QPlainTextEdit(tabChangesFocus=True), "description")
        self.counter = named(QLabel(), "counter")
        self.kind_hint = named(QLabel(wordWrap=True), "kindHint")
        self.priorities = {
            Priority.NORMAL: QRadioButton(marked(self.tr("Normal"), "normal")),
            Priority.URGENT: QRadioButton(marked(self.tr("Urgent"), "urgent")),
            Priority.CRITICAL: QRadioButton(marked(self.tr("Critical"), "critical")),
        }
        self.priority_group = QButtonGroup(self)
        for priority, button in self.priorities.items():
            self.priority_group.addButton(button, int(priority))
        self.priorities[Priority.NORMAL].setChecked(True)
        self.social_stability = QCheckBox(
            marked(self.tr("Affects social stability"), "social_stability")
        )
        self.social_note = named(QLabel(self.tr("Will be passed to 110 at once")), "socialNote")
        self.consent = QCheckBox(marked(self.tr("Caller agreed to be transferred"), "consent"))
        self.inputs: dict[str, QWidget] = {
            "caller_phone": self.caller_phone, "caller_name": self.caller_name,
            "kind": self.kind, "field": self.field, "district": self.district,
            "address": self.address, "description": self.description,
            "priority": self.priorities[Priority.NORMAL],
            "social_stability": self.social_stability, "consent": self.consent,
        }  # fmt: skip
        self.problems = {name: named(QLabel(wordWrap=True), f"problem-{name}") for name in ORDER}
        self._lay_out()
        self._connect_signals()
        self._update_counter()
        self._update_kind_hint()
        self._update_social()

    def _lay_out(self) -> None:
        self.setStyleSheet(STYLE)
        self.kind_hint.setProperty("role", "hint")
        for label in self.problems.values():
            label.setProperty("role", "problem")
            label.hide()
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(4)
        texts = {
            "caller_phone": self.tr("Phone"), "caller_name": self.tr("Name"),
            "kind": self.tr("Kind"), "field": self.tr("Field"),
            "district": self.tr("District"), "address": self.tr("Address"),
            "description": self.tr("Description"),
        }  # fmt: skip
        self.labels = {name: QLabel(marked(text, name)) for name, text in texts.items()}
        self.labels["priority"] = QLabel(self.tr("Priority"))
        for name, label in self.labels.items():
            label.setBuddy(self.inputs[name])
        counter_row = QHBoxLayout()
        counter_row.addWidget(self.problems["description"], 1)
        counter_row.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        priority_row = QHBoxLayout()
        for button in self.priorities.values():
            priority_row.addWidget(button)
        priority_row.addSpacing(24)
        priority_row.addWidget(self.social_stability)
        priority_row.addWidget(self.social_note)
        priority_row.addStretch(1)
        places = (  # name, row, column, columns spanned
            ("caller_phone", 0, 0, 1), ("caller_name", 0, 2, 1), ("kind", 1, 0, 1),
            ("field", 1, 2, 1), ("district", 3, 0, 3), ("address", 4, 0, 3),
        )  # fmt: skip
        self.cells: dict[str, QVBoxLayout] = {}  # a place under an input (the incident offer)
        for name, row, column, span in places:
            self.cells[name] = self._cell(self.inputs[name], name)
            self._place(grid, name, self.cells[name], row, column, span)
        grid.addWidget(self.kind_hint, 2, 1, 1, 3)
        description = self._cell(self.description, None)
        description.addLayout(counter_row)
        self._place(grid, "description", description, 5, 0, 3)
        grid.setRowStretch(5, 1)
        priority = QVBoxLayout()
        priority.addLayout(priority_row)
        for name in ("priority", "social_stability"):
            priority.addWidget(self.problems[name])
        self._place(grid, "priority", priority, 6, 0, 3)
        grid.addLayout(self._cell(self.consent, "consent"), 7, 1, 1, 3)
        if self.platform is not Platform.HOTLINE:
            for widget in (self.labels["field"], self.field, self.problems["field"]):
                widget.hide()

    def _cell(self, widget: QWidget, name: str | None) -> QVBoxLayout:
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        if name is not None:
            cell.addWidget(self.problems[name])
            cell.addStretch(1)  # inputs of one row stay level when one of them shows a problem
        return cell

    def _place(
        self, grid: QGridLayout, name: str, cell: QVBoxLayout, row: int, column: int, span: int
    ) -> None:
        label = self.labels[name]
        label.setMinimumHeight(self.caller_phone.sizeHint().height())
        top_right = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        grid.addWidget(label, row, column, top_right)
        grid.addLayout(cell, row, column + 1, 1, span)

    def _connect_signals(self) -> None:
        for name in ("caller_phone", "caller_name", "address"):
            widget = self.inputs[name]
            assert isinstance(widget, QLineEdit)
            widget.textChanged.connect(lambda _t, n=name: self._edited(n))
        for name, box in (("kind", self.kind), ("field", self.field)):
            box.currentIndexChanged.connect(lambda _i, n=name: self._edited(n))
        self.kind.currentIndexChanged.connect(self._update_kind_hint)
        self.district.editTextChanged.connect(lambda _t: self._edited("district"))
        self.district.currentIndexChanged.connect(lambda _i: self._edited("district"))
        self.description.textChanged.connect(self._update_counter)
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.priority_group.idToggled.connect(self._priority_toggled)
        self.social_stability.toggled.connect(self._social_toggled)
        self.consent.toggled.connect(lambda _c: self._edited("consent"))

    def put_under(self, name: str, widget: QWidget) -> None:
        """Show ``widget`` under input ``name``'s problem line (the district's incident offer)."""
        cell = self.cells[name]
        cell.insertWidget(cell.count() - 1, widget)  # before the stretch that keeps rows level

    def set_tab_order(self, last: QWidget) -> None:
        """Tab runs through ORDER, then to ``last`` (the Save button)."""
        chain = [self.inputs[name] for name in ORDER if name != "priority"]
        chain[7:7] = list(self.priorities.values())
        for first, second in zip(chain, [*chain[1:], last], strict=True):
            QWidget.setTabOrder(first, second)

    # ---------------------------------------------------------------- the draft

    def draft(self) -> Draft:
        return Draft(
            caller_phone=self.caller_phone.text(),
            caller_name=self.caller_name.text(),
            kind=str(self.kind.currentData() or ""),
            field=str(self.field.currentData() or "") if self.platform is Platform.HOTLINE else "",
            district=self.district.value(),
            address=self.address.text(),
            description=self.description.toPlainText(),
            priority=self.priority(),
            social_stability=self.social_stability.isChecked(),
            consent=self.consent.isChecked(),
        )

    def set_draft(self, draft: Draft) -> None:
        self._loading = True
        try:
            self.caller_phone.setText(draft.caller_phone)
            self.caller_name.setText(draft.caller_name)
            self.kind.setCurrentIndex(self.kind.findData(draft.kind))
            self.field.setCurrentIndex(self.field.findData(draft.field))
            self.district.set_value(draft.district)
            self.address.setText(draft.address)
            self.description.setPlainText(draft.description)
            self.social_stability.blockSignals(True)
            self.social_stability.setChecked(draft.social_stability)
            self.social_stability.blockSignals(False)
            self._priority_before = None
            self._set_priority(Priority.CRITICAL if draft.social_stability else draft.priority)
            self._update_social()
            self.consent.setChecked(draft.consent)
        finally:
            self._loading = False

    def priority(self) -> Priority:
        return Priority(max(self.priority_group.checkedId(), 0))

    def _set_priority(self, priority: Priority) -> None:
        self.priorities[priority].setChecked(True)

    # ---------------------------------------------------------------- problems

    def show_problems(self, texts: dict[str, str]) -> None:
        for name in self.problems:
            self._mark(name, texts.get(name, ""))

    def clear_problem(self, name: str) -> None:
        self._mark(name, "")

    def problems_shown(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.problems.items() if label.text()}

    def first_marked(self) -> QWidget | None:
        for name in ORDER:
            if self.problems[name].text():
                return self.inputs[name]
        return None

    def _mark(self, name: str, text: str) -> None:
        label = self.problems[name]
        label.setText(text)
        label.setVisible(bool(text) and not (name == "field" and self.field.isHidden()))
        restyle(self.inputs[name], "invalid", bool(text))

    # ---------------------------------------------------------------- reactions

    def _edited(self, name: str) -> None:
        if not self._loading:
            self.edited.emit(name)

    @Slot()
    def _update_counter(self) -> None:
        length = len(self.description.toPlainText().strip())
        self.counter.setText(f"{length}/{MAX_DESCRIPTION}")
        restyle(self.counter, "over", length > MAX_DESCRIPTION)

    @Slot()
    def _update_kind_hint(self) -> None:
        self.kind_hint.setText(str(self.kind.currentData(Qt.ItemDataRole.ToolTipRole) or ""))

    @Slot(int, bool)
    def _priority_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._edited("priority")

    @Slot(bool)
    def _social_toggled(self, checked: bool) -> None:
        """Social stability means critical (特急); unchecking gives back the earlier priority."""
        if checked:
            self._priority_before = self.priority()
            self._set_priority(Priority.CRITICAL)
        elif self._priority_before is not None:
            self._set_priority(self._priority_before)
            self._priority_before = None
        self._update_social()
        self._edited("social_stability")

    def _update_social(self) -> None:
        checked = self.social_stability.isChecked()
        for priority, button in self.priorities.items():
            button.setEnabled(not checked or priority is Priority.CRITICAL)
        self.social_note.setVisible(checked and self.platform is Platform.HOTLINE)
