"""The 会商 tab (shift leads): the disputed-matter agenda, the consultation items made of it and
the 会商 rules, one page each (Alt+G, Alt+I, Alt+R), and each rule's effect (Alt+F: the
``rules report``, disputed orders per month before and after it).

Agenda (Alt+G): one row a disputed matter — orders, per dispute kind, per month, examples; Alt+M
makes the selected one a consultation item. Items (Alt+I): Alt+C opens the decision form on the
selected open item; Ctrl+Enter records it, and the decision is a new rule in one step. Rules
(Alt+R): every stored version, its state a symbol and a word; Alt+T edits the selected rule (the
form again; a new version), Alt+W asks its last day, Ctrl+Enter retires it. Esc closes a form;
what was typed is kept per item or rule, and a refusal is said under the form (every problem,
in the user's language) with the form as it was.

Another seat's change reaches an open tab (:meth:`ConsultationTab.follow_rules`, the change
feed's ``rules``): with no form open the rules and items are read again quietly (the effects too
when the rules moved; the selection and scroll kept); with a form open, what is typed is kept
and the line under it says the rules changed and that Alt+E reads them again.

Every read and write goes through :class:`~console.ui.operations.Operations`, off the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.agenda import RuleEffect, Topic
from console.domain.consultation import Rule
from console.domain.consultation_items import Decision, Item, ItemStatus, decision_of, matter_of
from console.domain.roles import Seated
from console.services.agenda import Agenda
from console.services.rule_edits import RuleLine
from console.ui.consultation.decision_form import DecisionForm, Draft, FormError, date_edit
from console.ui.consultation.follow import Follower
from console.ui.consultation.models import AgendaModel, EffectsModel, ItemsModel, RulesModel
from console.ui.consultation.ports import AgendaReads, RuleWrites
from console.ui.consultation.reread import keep_row
from console.ui.consultation.words import matter_text, problem_text
from console.ui.emergency.detail_pane import table
from console.ui.keys import KEYS, marked, sequence, sequences
from console.ui.operations import Operations

ERROR_COLOUR = "#b3261e"


@dataclass(frozen=True)
class Target:
    """What the open form is for: an item's decision, a rule's edit or its retirement
    (``seen``: the rule's newest version when the form opened)."""

    kind: str  # "item" | "edit" | "retire"
    item_id: int = 0
    rule_id: str = ""
    seen: int = 0


def _keyed(text: str, name: str) -> str:
    return f"{text} ({KEYS[name].keys[0]})"


class ConsultationTab(QWidget):
    """Signals: ``loaded(str)`` after each read (which: agenda, items, rules); ``done(str)``
    after a change (the sentence shown)."""

    loaded = Signal(str)
    done = Signal(str)

    def __init__(
        self, agenda: AgendaReads, rules: RuleWrites, *, by: Seated, ops: Operations,
        kind_names: Mapping[str, str], district_names: Mapping[str, str],
        today: Any, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("consultationTab")
        self._agenda, self._rules, self._by, self._ops = agenda, rules, by, ops
        self._today = today  # () -> date, China
        self._kinds, self._districts = dict(kind_names), dict(district_names)
        self._target: Target | None = None
        self._drafts: dict[Target, Draft] = {}
        self._busy = False
        self.agenda_model = AgendaModel(kind_names, district_names, self)
        self.items_model = ItemsModel(kind_names, district_names, self)
        self.rules_model = RulesModel(kind_names, district_names, self)
        self.effects_model = EffectsModel(kind_names, district_names, self)
        self._build()
        self._connect_signals()
        self._follower = Follower(self, agenda, rules, by=by, ops=ops, say=self._say,
                                  editing=lambda: self._target is not None,
                                  busy=lambda: self._busy)  # fmt: skip

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.period = QLabel()
        self.period.setObjectName("agendaPeriod")
        self.agenda_table = table(self.agenda_model, (260, 60, 80, 80, 80, 80, 220))
        self.make_button = QPushButton(marked(self.tr("Make consultation item"), "co_make_item"))
        self.items_table = table(self.items_model, (150, 240, 60, 260, 200, 200))
        self.decide_button = QPushButton(marked(self.tr("Record decision"), "co_decide"))
        self.rules_table = table(self.rules_model, (90, 130, 240, 150, 190, 180))
        self.edit_button = QPushButton(marked(self.tr("Edit rule"), "co_edit"))
        self.retire_button = QPushButton(marked(self.tr("Retire rule"), "co_retire"))
        self.effects_table = table(self.effects_model, (90, 200, 90, 150, 150, 90, 260, 260))
        self.views = (self.agenda_table, self.items_table, self.rules_table, self.effects_table)
        for table_view in self.views:
            table_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.form = DecisionForm()
        self.last_day = date_edit()
        self.last_day_label = QLabel(self.tr("Last day it applies:"))
        self.confirm_button = QPushButton(_keyed(self.tr("Confirm"), "co_confirm"))
        self.close_button = QPushButton(_keyed(self.tr("Close"), "co_close"))
        for button in (self.confirm_button, self.close_button):
            button.setAutoDefault(False)
        self.reload_button = QPushButton(marked(self.tr("Read again"), "co_reload"))
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("consultationMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.pages = QTabWidget()
        self.pages.setObjectName("consultationPages")
        for title, key, view, buttons in (
            (self.tr("Agenda"), "co_agenda", self.agenda_table, [self.make_button]),
            (self.tr("Consultation items"), "co_items", self.items_table, [self.decide_button]),
            (self.tr("Rules"), "co_rules", self.rules_table,
             [self.edit_button, self.retire_button]),
            (self.tr("Rule effect"), "co_effects", self.effects_table, []),
        ):  # fmt: skip
            page = QWidget()
            column = QVBoxLayout(page)
            if view is self.agenda_table:
                column.addWidget(self.period)
            column.addWidget(view, 1)
            row = QHBoxLayout()
            for button in buttons:
                button.setAutoDefault(False)
                row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
            self.pages.addTab(page, marked(title, key))
        self.form_box = QWidget()
        box = QVBoxLayout(self.form_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form)
        last = QHBoxLayout()
        last.addWidget(self.last_day_label)
        last.addWidget(self.last_day)
        last.addStretch(1)
        box.addLayout(last)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.close_button)
        box.addLayout(actions)
        self.form_box.hide()
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 2)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        self.confirm_shortcuts = [QShortcut(k, self.form_box) for k in sequences("co_confirm")]
        self.close_shortcut = QShortcut(sequence("co_close"), self.form_box)
        for shortcut in (*self.confirm_shortcuts, self.close_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect_signals(self) -> None:
        self.pages.currentChanged.connect(self._page_shown)
        self.make_button.clicked.connect(self.make_item)
        self.decide_button.clicked.connect(self.open_decision)
        self.edit_button.clicked.connect(self.open_edit)
        self.retire_button.clicked.connect(self.open_retire)
        self.reload_button.clicked.connect(self.refresh)
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.close_form)
        for shortcut in self.confirm_shortcuts:
            shortcut.activated.connect(self.confirm)
        self.close_shortcut.activated.connect(self.close_form)

    @Slot(int)
    def _page_shown(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.views[index].setFocus()

    def focus_first(self) -> None:
        self._page_shown(self.pages.currentIndex())

    # ------------------------------------------------------------------ reading

    @Slot()
    def refresh(self) -> None:
        self._follower.settled()
        agenda, rules, by = self._agenda, self._rules, self._by
        self._ops.read(self, "agenda", lambda: agenda.agenda(by),
                       success=self._agenda_read, failure=self._not_read)  # fmt: skip
        self._ops.read(self, "items", lambda: agenda.items(by),
                       success=self._items_read, failure=self._not_read)  # fmt: skip
        self._ops.read(self, "rules", lambda: rules.lines(by),
                       success=self._rules_read, failure=self._not_read)  # fmt: skip
        self._ops.read(self, "effects", lambda: rules.effects(by),
                       success=self._effects_read, failure=self._not_read)  # fmt: skip

    def _agenda_read(self, found: Agenda) -> None:
        self.period.setText(self.tr("Disputed matters {first} – {last}: {count}").format(
            first=found.first, last=found.last, count=len(found.topics)))  # fmt: skip
        keep_row(self.agenda_table, lambda: self.agenda_model.set_rows(found.topics))
        self.loaded.emit("agenda")

    def _items_read(self, found: list[Item]) -> None:
        keep_row(self.items_table, lambda: self.items_model.set_rows(found))
        self.loaded.emit("items")

    def _rules_read(self, found: list[RuleLine]) -> None:
        keep_row(self.rules_table, lambda: self.rules_model.set_rows(found))
        self.loaded.emit("rules")

    def _effects_read(self, found: list[RuleEffect]) -> None:
        keep_row(self.effects_table, lambda: self.effects_model.set_rows(found))
        self.loaded.emit("effects")

    def _not_read(self, error: Exception) -> None:
        self._say(self.tr("Could not read: {error}").format(error=problem_text(error)), True)

    @Slot()
    def follow_rules(self) -> None:
        """The change feed: another seat may have changed the rules or the items
        (:class:`~console.ui.consultation.follow.Follower`)."""
        self._follower.follow()

    def _selected(self, view: QTableView, model: Any) -> Any:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    # ------------------------------------------------------------------ changing

    @Slot()
    def make_item(self) -> None:
        topic: Topic | None = self._selected(self.agenda_table, self.agenda_model)
        if topic is None or self._busy:
            return
        agenda, by = self._agenda, self._by

        def made(item: Item) -> None:
            self._finished(self.tr("Consultation item #{id} made: {matter}.").format(
                id=item.id, matter=matter_text(item.matter, self._kinds, self._districts)))  # fmt: skip
            self.pages.setCurrentIndex(1)

        self._write(lambda: agenda.make_item(by, topic), made)

    @Slot()
    def open_decision(self) -> None:
        item: Item | None = self._selected(self.items_table, self.items_model)
        if item is None or item.status is not ItemStatus.OPEN:
            self._say(self.tr("Choose an open consultation item first."), True)
            return
        today = self._today()
        start = Decision("", today, (), "", matter_of(item.matter), self._by.platform, None,
                         "", today)  # fmt: skip
        heading = self.tr("Decision on item #{id}: {matter}").format(
            id=item.id, matter=matter_text(item.matter, self._kinds, self._districts)
        )
        self._open(Target("item", item_id=item.id), heading, start)

    @Slot()
    def open_edit(self) -> None:
        line: RuleLine | None = self._selected(self.rules_table, self.rules_model)
        if line is None:
            return
        newest = self._newest(line.rule.rule_id)
        heading = self.tr("Rule {rule}: a new version after version {version}").format(
            rule=newest.rule_id, version=newest.version
        )
        target = Target("edit", rule_id=newest.rule_id, seen=newest.version)
        self._open(target, heading, decision_of(newest))

    @Slot()
    def open_retire(self) -> None:
        line: RuleLine | None = self._selected(self.rules_table, self.rules_model)
        if line is None:
            return
        newest = self._newest(line.rule.rule_id)
        self._target = Target("retire", rule_id=newest.rule_id, seen=newest.version)
        self.form.hide()
        self.last_day_label.setText(self.tr("Rule {rule}: last day it applies:").format(
            rule=newest.rule_id))  # fmt: skip
        for widget in (self.last_day_label, self.last_day):
            widget.show()
        today = self._today()
        self.last_day.setDate(QDate(today.year, today.month, today.day))
        self.form_box.show()
        self.last_day.setFocus()

    def _newest(self, rule_id: str) -> Rule:
        lines: list[RuleLine] = [
            self.rules_model.row_at(n) for n in range(self.rules_model.rowCount())
        ]
        return next(x.rule for x in lines if x.rule.rule_id == rule_id and x.newest)

    def _open(self, target: Target, heading: str, start: Decision) -> None:
        self._keep_draft()
        self._target = target
        for widget in (self.last_day_label, self.last_day):
            widget.hide()
        self.form.show()
        self.form_box.show()
        self.form.start(heading, start)
        draft = self._drafts.get(target)
        if draft is not None:
            self.form.restore(draft)
        self._say("")

    def _keep_draft(self) -> None:
        if self._target is not None and self._target.kind != "retire" and self.form.isVisible():
            self._drafts[self._target] = self.form.draft_of()

    @Slot()
    def close_form(self) -> None:
        self._keep_draft()
        self._target = None
        self.form_box.hide()
        self.focus_first()
        self._follower.closed()  # nothing is edited now: changed rules are read again

    @Slot()
    def confirm(self) -> None:
        target = self._target
        if target is None or self._busy:
            return
        agenda, rules, by = self._agenda, self._rules, self._by
        rule_id, seen, item_id = target.rule_id, target.seen, target.item_id
        if target.kind == "retire":
            last = self.last_day.date()
            day = date(last.year(), last.month(), last.day())
            self._write(lambda: rules.retire(by, rule_id, seen, day), self._rule_stored)
            return
        try:
            decision = self.form.decision()
        except FormError as exc:
            self._say(str(exc), True)
            return
        self._drafts[target] = self.form.draft_of()
        if target.kind == "item":
            self._write(lambda: agenda.decide(by, item_id, decision), self._rule_stored)
        else:
            self._write(lambda: rules.edit(by, rule_id, seen, decision), self._rule_stored)

    def _rule_stored(self, rule: Rule) -> None:
        if self._target is not None:
            self._drafts.pop(self._target, None)
        self._target = None
        self.form_box.hide()
        until = self.tr(", last day {day}").format(day=rule.valid_to) if rule.valid_to else ""
        self._finished(self.tr("Rule {rule} version {version} stored{until}.").format(
            rule=rule.rule_id, version=rule.version, until=until))  # fmt: skip
        self.pages.setCurrentIndex(2)

    def _write(self, fn: Any, success: Any) -> None:
        self._busy = True

        def ok(result: Any) -> None:
            self._busy = False
            success(result)

        def failed(error: Exception) -> None:
            self._busy = False
            self._say(self.tr("Not done: {error}").format(error=problem_text(error)), True)

        self._ops.write(self, fn, success=ok, failure=failed)

    def _finished(self, text: str) -> None:
        self._follower.settled()  # everything is read again now
        self._say(text)
        self.done.emit(text)
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(("⚠ " + text) if error and text else text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if error else "")
