"""The seat's status bar: who sits where, which database, how many orders, and the clock.

The clock does not own a timer: the scheduler calls :meth:`StatusBar.tick` (an ``async`` job on
the Qt thread), so there is one source of time for the whole console.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.domain.orders import Platform
from console.settings import database_label, safe_url

CHINA = ZoneInfo("Asia/Shanghai")


class StatusBar(QStatusBar):
    """Permanent labels on the right; temporary messages (``showMessage``) on the left."""

    def __init__(
        self,
        *,
        seat: str,
        platform: Platform,
        agent: str,
        db_url: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        platform_name = (
            self.tr("12345 hotline") if platform is Platform.HOTLINE else self.tr("110 police")
        )
        self.seat_label = QLabel(self.tr("Seat: {seat}").format(seat=seat))
        self.platform_label = QLabel(platform_name)
        role = (  # 话务员 at 12345, 接警员 at 110
            self.tr("Agent: {agent}")
            if platform is Platform.HOTLINE
            else self.tr("Alarm operator: {agent}")
        )
        self.agent_label = QLabel(role.format(agent=agent))
        self.database_label = QLabel(
            self.tr("Database: {name}").format(name=database_label(db_url))
        )
        self.database_label.setToolTip(safe_url(db_url))
        self.orders_label = QLabel()
        self.connection_label = QLabel(self.tr("Connected"))
        self.connection_label.setObjectName("connection")
        self.clock_label = QLabel("----------  --:--:--")
        self.clock_label.setObjectName("clock")
        for label in (
            self.seat_label,
            self.platform_label,
            self.agent_label,
            self.database_label,
            self.connection_label,
            self.orders_label,
            self.clock_label,
        ):
            self.addPermanentWidget(label)
        self.set_order_count(0)

    def set_demo(self) -> None:
        """Say, where it is always seen, that a demo account signed in by itself."""
        label = QLabel(self.tr("Demo account"))
        label.setObjectName("demoAccount")
        label.setStyleSheet("color: #ffffff; background: #b35c00; padding: 0 6px;")
        label.setToolTip(self.tr("Signed in automatically (--demo-sign-in): not for a real site."))
        self.insertPermanentWidget(0, label)
        self.demo_label = label

    def set_order_count(self, count: int) -> None:
        self.orders_label.setText(self.tr("Orders: {count}").format(count=count))

    @Slot(bool)
    def set_connected(self, ok: bool) -> None:
        """Whether the last database round trip (the alarm sweep, every 15 s) worked."""
        if ok:
            self.connection_label.setText(self.tr("Connected"))
            self.connection_label.setStyleSheet("")
        else:
            self.connection_label.setText(self.tr("Database unreachable"))
            self.connection_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")

    @Slot(object)
    def tick(self, now: datetime) -> None:
        """Show ``now`` (aware; naive is taken as UTC) as China time."""
        aware = now.replace(tzinfo=UTC) if now.tzinfo is None else now
        self.clock_label.setText(aware.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"))
