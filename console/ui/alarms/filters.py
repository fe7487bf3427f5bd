"""The alarm panel's filters (筛选): platform, kind, level, queue and handling seat (经办坐席).

Every filter works on the list the panel already holds, without another query; each combo's
first item, All (全部), is ``None``: any. The queue is told by the alarm's deadline: 待签收 is the
sign-for deadline of a transferred order, 待反馈 and 待办结 the feedback and completion deadlines
of orders in work. The seat combo offers Mine (我的: this console's seat) and every seat of the
loaded alarms; it is refilled after each load, keeping the current choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from console.domain.alarm_levels import AlarmLevel
from console.ui.alarms.model import LEVELS
from console.ui.keys import marked

PLATFORMS = ("12345", "110")
SEAT_CHARS = 6  # the seat combo keeps one width as seats come and go: no relayout mid-shift


class AlarmFilters(QWidget):
    """A row of labelled combos. ``changed`` when the user (or :meth:`show_mine`) picks another
    item; refilling the seat list (:meth:`set_seats`) never emits it."""

    changed = Signal()

    def __init__(
        self,
        kind_names: Mapping[str, str],
        level_names: Mapping[AlarmLevel, str],
        seat: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._seat = seat or None
        self.platform_box, self.kind_box, self.level_box = QComboBox(), QComboBox(), QComboBox()
        self.queue_box, self.seat_box = QComboBox(), QComboBox()
        queues = [
            (self.tr("Awaiting sign-for"), "sign_for"),
            (self.tr("Awaiting feedback"), "feedback"),
            (self.tr("Awaiting completion"), "completion"),
        ]
        mine = [(self.tr("Mine"), self._seat)] if self._seat else []
        choices = (
            (self.platform_box, [(p, p) for p in PLATFORMS]),
            (self.kind_box, [(name, code) for code, name in kind_names.items()]),
            (self.level_box, [(level_names[lv], lv.value) for lv in LEVELS]),
            (self.queue_box, queues),
            (self.seat_box, mine),
        )
        for box, items in choices:
            box.addItem(self.tr("All"), None)
            for text, data in items:
                box.addItem(text, data)
        self._fixed = self.seat_box.count()  # All, and Mine when the seat is known
        self.seat_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.seat_box.setMinimumContentsLength(SEAT_CHARS)
        labels = (  # their Alt letters: console/ui/keys.py
            marked(self.tr("Platform:"), "filter_platform"),
            marked(self.tr("Kind:"), "filter_kind"),
            marked(self.tr("Level:"), "filter_level"),
            marked(self.tr("Queue:"), "filter_queue"),
            marked(self.tr("Seat:"), "filter_seat"),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, box in zip(labels, self.boxes(), strict=True):
            label, pair = QLabel(text), QHBoxLayout()
            label.setBuddy(box)
            pair.setSpacing(2)  # a label close to its combo, the pairs further apart
            pair.addWidget(label)
            pair.addWidget(box)
            layout.addLayout(pair)
            box.currentIndexChanged.connect(self.changed)

    def boxes(self) -> tuple[QComboBox, ...]:
        """The combos in tab order."""
        return (self.platform_box, self.kind_box, self.level_box, self.queue_box, self.seat_box)

    def chosen(self) -> dict[str, str | None]:
        """The current choices, as :func:`console.ui.alarms.model.by_day` takes them."""
        return {
            "platform": self.platform_box.currentData(),
            "kind": self.kind_box.currentData(),
            "level": self.level_box.currentData(),
            "deadline": self.queue_box.currentData(),
            "seat": self.seat_box.currentData(),
        }

    def set_seats(self, seats: Iterable[str]) -> None:
        """Offer every seat of ``seats`` (the loaded alarms'), sorted, after All and Mine. A seat
        chosen by name stays on offer (and chosen) even when its alarms are gone."""
        box = self.seat_box
        index, chosen = box.currentIndex(), box.currentData()
        named = index >= self._fixed
        listed = sorted(set(seats) | ({chosen} if named else set()))
        if [box.itemData(i) for i in range(self._fixed, box.count())] == listed:
            return
        with QSignalBlocker(box):  # the same choice stays: nothing to re-filter
            while box.count() > self._fixed:
                box.removeItem(box.count() - 1)
            for seat in listed:
                box.addItem(seat, seat)
            box.setCurrentIndex(self._fixed + listed.index(chosen) if named else index)

    @Slot()
    def show_mine(self) -> None:
        """Choose Mine (我的); nothing happens on a console that was given no seat."""
        if self._seat:
            self.seat_box.setCurrentIndex(1)
