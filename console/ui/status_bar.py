"""The seat's status bar: who sits where, which database, how many orders, the link to the peer
platform's system (where there is an exchange), the clock, and — while the database is away or
the seat's outage journal still holds orders — a banner saying so (:meth:`StatusBar.show_journal`,
docs/outage.md).

The clock does not own a timer: the scheduler calls :meth:`StatusBar.tick` (an ``async`` job on
the Qt thread), so there is one source of time for the whole console. The link is read again
on that tick every :data:`LINK_READ_EVERY` (:meth:`follow_link`), its "down for" counted on each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.domain.orders import Platform
from console.domain.refusals import REFUSALS
from console.services.exchange_reads import LinkView
from console.services.journal_shown import JournalView, Replayed, SetAside
from console.settings import database_label, safe_url
from console.ui.exchange_words import STYLES, link_text, link_tip
from console.ui.names import say
from console.ui.operations import Operations

log = logging.getLogger(__name__)

CHINA = ZoneInfo("Asia/Shanghai")
LINK_READ_EVERY = timedelta(seconds=5)
JOURNAL_STYLE = "color: #ffffff; background: #8a1c1c; font-weight: bold; padding: 0 6px;"


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
        self.journal_label = QLabel()  # the outage journal's banner (show_journal)
        self.journal_label.setObjectName("journalBanner")
        self.journal_label.setStyleSheet(JOURNAL_STYLE)
        self.journal_label.hide()
        self.link_label = QLabel()  # shown once there is an exchange (follow_link)
        self.link_label.setObjectName("exchangeLink")
        self.link_label.hide()
        self.link: LinkView | None = None
        self._follow: tuple[Operations, Callable[[], LinkView]] | None = None
        self._link_read_at: datetime | None = None
        self._now: datetime | None = None
        self._lost_at: str | None = None  # the clock when the database became unreachable
        for label in (
            self.journal_label,  # first: the left end of the right-hand labels
            self.seat_label,
            self.platform_label,
            self.agent_label,
            self.database_label,
            self.connection_label,
            self.link_label,
            self.orders_label,
            self.clock_label,
        ):
            self.addPermanentWidget(label)
        self.orders_label.setText(self.tr("Orders: {count}").format(count="…"))  # being read

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
        """Whether the last database round trip (the alarm sweep, every 15 s) worked. Back after
        an outage (a restart, a fail-over to the standby: docs/postgresql.md), the message on
        the left says since when it was unreachable."""
        now = self._clock_text()
        if ok:
            self.connection_label.setText(self.tr("Connected"))
            self.connection_label.setStyleSheet("")
            if self._lost_at is not None:
                said = self.tr("Database reachable again at {back} (unreachable since {since})")
                said = said.format(back=now, since=self._lost_at)
                self.showMessage(said)  # until the next message: the agent may be on a call
                self.connection_label.setToolTip(said)
                self._lost_at = None
        else:
            self.connection_label.setText(self.tr("Database unreachable"))
            self.connection_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
            if self._lost_at is None:
                self._lost_at = now
                self.connection_label.setToolTip(
                    self.tr(
                        "Unreachable since {since}; the console keeps trying, and goes on with"
                        " whichever database server takes writes"
                    ).format(since=now)
                )

    def _clock_text(self) -> str:
        now = self._now
        return "--:--:--" if now is None else now.astimezone(CHINA).strftime("%H:%M:%S")

    @Slot(object)
    def tick(self, now: datetime) -> None:
        """Show ``now`` (aware; naive is taken as UTC) as China time."""
        aware = now.replace(tzinfo=UTC) if now.tzinfo is None else now
        self.clock_label.setText(aware.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"))
        self._now = aware
        read_at = self._link_read_at
        if self._follow is not None and (
            read_at is None or not 0 <= (aware - read_at) / LINK_READ_EVERY < 1
        ):
            self.refresh_link()
        if self.link is not None:
            self._show_link()

    def follow_link(self, ops: Operations, read: Callable[[], LinkView]) -> None:
        """Show the link to the peer as ``read`` (run through ``ops``) finds it, from now on
        every :data:`LINK_READ_EVERY` of the tick; nothing while the site has no exchange."""
        self._follow = (ops, read)
        self.refresh_link()

    def refresh_link(self) -> None:
        if self._follow is None:
            return
        ops, read = self._follow
        self._link_read_at = self._now
        ops.read(self, "exchange-link", read, success=self.show_link,
                 failure=lambda e: log.info("the exchange link's state not read: %s", e))  # fmt: skip

    def show_link(self, view: LinkView) -> None:
        self.link = view
        self._show_link()

    def _show_link(self) -> None:
        view = self.link
        if view is None or not view.shows:
            self.link_label.hide()
            return
        self.link_label.setText(link_text(view, self._now or datetime.now(UTC)))
        self.link_label.setToolTip(link_tip(view))
        self.link_label.setStyleSheet(STYLES[view.state])
        self.link_label.show()

    def show_journal(self, view: JournalView, replayed: Replayed | None = None) -> None:
        """The banner of the seat's outage journal: the database away and how many orders the
        seat holds, or the held ones being written, or those not written and why; hidden when
        there is nothing to say. ``replayed``: what a replay just wrote, said on the left."""
        parts: list[str] = []
        if view.offline:
            parts.append(self.tr("Database connection lost · {count} orders held on this seat")
                         .format(count=view.held))  # fmt: skip
        elif view.held:
            parts.append(self.tr("Writing {count} held orders…").format(count=view.held))
        if view.aside:
            parts.append(self.tr("{count} held entries not written: see the tooltip")
                         .format(count=len(view.aside)))  # fmt: skip
        if view.others:
            parts.append(self.tr("{count} held by other agents at this seat")
                         .format(count=view.others))  # fmt: skip
        self.journal_label.setText("⚠ " + " · ".join(parts) if parts else "")
        self.journal_label.setToolTip("\n".join(self._aside_line(a) for a in view.aside))
        self.journal_label.setVisible(bool(parts))
        if replayed is not None and replayed.written:
            self.showMessage(self.tr("Held orders written: {orders}").format(
                orders=", ".join(f"{label} → {number}" for label, number in replayed.written)
            ))  # fmt: skip

    def _aside_line(self, aside: SetAside) -> str:
        when = aside.at.astimezone(CHINA).strftime("%H:%M:%S")
        if aside.reason == "stale":
            why = self.tr(
                "the order was changed by another seat meanwhile: redo it if still needed"
            )
        else:
            said = say(REFUSALS[aside.reason]) if aside.reason in REFUSALS else aside.reason
            why = self.tr("not written ({reason}): enter it again").format(reason=said)
        return f"{aside.label} {aside.number} {when}: {why}".replace("  ", " ")
