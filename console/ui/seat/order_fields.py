"""The order detail's fields (工单字段): two columns of label/value pairs, each deadline with the
time left, coloured like the queues (and said in words). Its words are the order detail's
(translation context ``OrderDetail``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from console.domain.deadline_kinds import DEADLINE_KINDS, running
from console.domain.orders import DeadlineKind, FirstContactMode, Priority, WorkOrder
from console.ui.history_model import china_time
from console.ui.models.queue_model import time_left_text
from console.ui.models.time_left import TimeLeftBand
from console.ui.names import platform_names, say, status_names

# (key, column): the grid's two columns of label/value pairs, in reading order.
FIELDS = (("number", 0), ("route", 0), ("status", 0), ("priority", 0), ("kind", 0),
          ("field", 0), ("district", 0), ("address", 0), ("department", 0), ("caller", 1),
          ("created", 1),
          ("first_contact_mode", 1), ("social_stability", 1), ("consent", 1),
          *((f"{kind.value}_due", 1) for kind in DeadlineKind))  # fmt: skip
Names = tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str], Mapping[str, str]]
"""Code → name of kinds, fields, districts and departments."""


def _labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "number": translate("OrderDetail", "Number"), "route": translate("OrderDetail", "Origin → owner"),
        "status": translate("OrderDetail", "Status"), "priority": translate("OrderDetail", "Priority"),
        "kind": translate("OrderDetail", "Kind"), "field": translate("OrderDetail", "Field"),
        "district": translate("OrderDetail", "District"), "address": translate("OrderDetail", "Address"),
        "caller": translate("OrderDetail", "Caller"), "department": translate("OrderDetail", "Department"),
        "created": translate("OrderDetail", "Created"),
        "first_contact_mode": translate("OrderDetail", "First-contact mode"),
        "social_stability": translate("OrderDetail", "Social stability"),
        "consent": translate("OrderDetail", "Consent to transfer"),
        **{f"{kind.value}_due": say(spec.due_label) for kind, spec in DEADLINE_KINDS.items()},
    }  # fmt: skip


class OrderFields(QGridLayout):
    """``values``: the value label of each field by key (``FIELDS``)."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(12)
        self.setColumnStretch(1, 1)
        self.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        self._held: frozenset[DeadlineKind] = frozenset()  # deadlines held, not yet written
        labels, rows = _labels(), [0, 0]
        for key, column in FIELDS:
            value = QLabel()
            value.setObjectName(key)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text = QCoreApplication.translate("OrderDetail", "{label}:").format(label=labels[key])
            self.addWidget(QLabel(text), rows[column], column * 2)
            self.addWidget(value, rows[column], column * 2 + 1)
            rows[column] += 1
            self.values[key] = value

    def show_order(
        self, order: WorkOrder, names: Names, caller: str, now: datetime,
        held: Sequence[DeadlineKind] = (),
    ) -> None:  # fmt: skip
        """Every field of ``order``; ``caller``: the caller as shown (masked or revealed);
        ``held``: the deadlines the seat's outage journal computed, not yet in the database."""
        self._held = frozenset(held)
        translate = QCoreApplication.translate
        statuses, platforms = status_names(), platform_names()
        kinds, fields, districts, departments = names
        priorities = {Priority.NORMAL: translate("OrderDetail", "Normal"),
                      Priority.URGENT: translate("OrderDetail", "Urgent"),
                      Priority.CRITICAL: translate("OrderDetail", "Critical")}  # fmt: skip
        modes = {None: "—", FirstContactMode.PROVISIONAL: translate("OrderDetail", "Provisional acceptance"),
                 FirstContactMode.GUIDANCE: translate("OrderDetail", "Guidance and explanation")}  # fmt: skip
        yes, no = translate("OrderDetail", "Yes"), translate("OrderDetail", "No")
        texts = {
            "number": order.number,
            "route": f"{platforms[order.origin]} → {platforms[order.owner]}",
            "status": statuses[order.status],
            "priority": priorities[order.priority],
            "kind": kinds.get(order.kind, order.kind),
            "field": fields.get(order.field, order.field) if order.field else "—",
            "district": districts.get(order.district, order.district),
            "address": order.address or "—",
            "department": departments.get(order.department, order.department)
            if order.department
            else "—",
            "caller": caller,
            "created": china_time(order.created_at),
            "first_contact_mode": modes[order.first_contact_mode],
            "social_stability": yes if order.social_stability else no,
            "consent": yes if order.consent else no,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.show_deadlines(order, now)

    def show_deadlines(self, order: WorkOrder, now: datetime) -> None:
        """Each deadline, with the time left from ``now`` while it runs."""
        runs = running(order.status)
        for kind, at in order.deadlines.items():
            label, style = self.values[f"{kind.value}_due"], ""
            if at is None:
                label.setText("—")
            elif kind not in runs:  # met, or the order is closed
                label.setText(china_time(at))
            else:
                label.setText(f"{china_time(at)}  ({time_left_text(at, now)})")
                band = TimeLeftBand.of(at, now)  # the text above says it too
                if band is not None:
                    style = band.style()
            if at is not None and kind in self._held:  # said in words, as the held status
                held = QCoreApplication.translate("OrderDetail", "{due} (held, not yet written)")
                label.setText(held.format(due=label.text()))
            label.setStyleSheet(style)
