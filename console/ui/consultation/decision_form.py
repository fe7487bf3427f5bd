"""The decision form: what a consultation decided about an item, or what an edited rule says
now — the meeting (title, date, participants, minutes), the keywords the rule matches, the
responsible platform and department, the handling norm, from when it applies, its priority.

The kinds and districts come with what is decided (the item's matter, the rule's) and are shown,
not typed. What was typed is kept per target (:meth:`draft_of` / :meth:`restore`) when the form
closes or a refusal comes back, so nothing typed is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.domain.consultation import Matter
from console.domain.consultation_items import Decision
from console.domain.order_types import Platform

SPLIT = re.compile(r"[、,，;；]+")
DATE_FORMAT = "yyyy-MM-dd"


class FormError(ValueError):
    """What the user typed cannot be read (a priority that is not a number); str(): the
    sentence, already translated."""


@dataclass(frozen=True)
class Draft:
    """The form's fields as typed."""

    title: str
    held_on: date
    participants: str
    minutes: str
    keywords: str
    platform: int
    department: str
    norm: str
    valid_from: date
    priority: str


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(False)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class DecisionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionForm")
        self.matter = Matter()
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("decisionHeading")
        self.title = QLineEdit(placeholderText=self.tr("e.g. 2026年第4次会商"))
        self.held_on = date_edit()
        self.participants = QLineEdit(placeholderText=self.tr("separated by 、"))
        self.minutes = QLineEdit(placeholderText=self.tr("e.g. 纪要〔2026〕4号"))
        self.keywords = QLineEdit(placeholderText=self.tr("separated by 、"))
        self.platform = QComboBox()
        for p in Platform:
            self.platform.addItem(p.value, p.value)
        self.department = QLineEdit(placeholderText=self.tr("department code, e.g. 210100-CG"))
        self.norm = QPlainTextEdit()
        self.norm.setTabChangesFocus(True)
        self.norm.setPlaceholderText(self.tr("Who handles it, and how"))
        self.norm.setFixedHeight(64)
        self.valid_from = date_edit()
        self.priority = QLineEdit(placeholderText=self.tr("empty, or a whole number (higher wins)"))
        rows = QFormLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addRow(self.heading)
        for text, field in (
            (self.tr("Consultation:"), self.title), (self.tr("Held on:"), self.held_on),
            (self.tr("Participants:"), self.participants), (self.tr("Minutes:"), self.minutes),
            (self.tr("Keywords:"), self.keywords), (self.tr("Responsible platform:"), self.platform),
            (self.tr("Department:"), self.department), (self.tr("Handling norm:"), self.norm),
            (self.tr("Applies from:"), self.valid_from), (self.tr("Priority:"), self.priority),
        ):  # fmt: skip
            rows.addRow(text, field)

    def start(self, heading: str, decision: Decision) -> None:
        """Show ``decision`` (what it starts from) under ``heading``; focus the first field."""
        self.heading.setText(heading)
        self.matter = decision.matter
        self.restore(Draft(
            decision.title, decision.held_on, "、".join(decision.participants), decision.minutes,
            "、".join(decision.matter.keywords), self.platform.findData(decision.platform.value),
            decision.department or "", decision.norm, decision.valid_from,
            "" if decision.priority is None else str(decision.priority),
        ))  # fmt: skip
        self.title.setFocus()

    def draft_of(self) -> Draft:
        return Draft(self.title.text(), _day(self.held_on), self.participants.text(),
                     self.minutes.text(), self.keywords.text(), self.platform.currentIndex(),
                     self.department.text(), self.norm.toPlainText(), _day(self.valid_from),
                     self.priority.text())  # fmt: skip

    def restore(self, d: Draft) -> None:
        self.title.setText(d.title)
        self.held_on.setDate(_qdate(d.held_on))
        self.participants.setText(d.participants)
        self.minutes.setText(d.minutes)
        self.keywords.setText(d.keywords)
        self.platform.setCurrentIndex(max(d.platform, 0))
        self.department.setText(d.department)
        self.norm.setPlainText(d.norm)
        self.valid_from.setDate(_qdate(d.valid_from))
        self.priority.setText(d.priority)

    def decision(self) -> Decision:
        """What the form says; :class:`FormError` when the priority is not a number (the rest
        is checked by the service, every problem at once)."""
        d = self.draft_of()
        priority = d.priority.strip()
        if priority and not re.fullmatch(r"-?\d{1,6}", priority):
            raise FormError(self.tr("The priority is a whole number, or empty."))
        keywords = tuple(k.strip() for k in SPLIT.split(d.keywords) if k.strip())
        return Decision(
            d.title, d.held_on, tuple(p.strip() for p in SPLIT.split(d.participants)),
            d.minutes, replace(self.matter, keywords=keywords), Platform(self.platform.currentData()),
            d.department.strip() or None, d.norm, d.valid_from,
            int(priority) if priority else None,
        )  # fmt: skip
