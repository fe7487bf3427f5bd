"""The status bar after a database outage (a restart, a fail-over to the standby) says when it
was lost and when it came back (docs/postgresql.md "What the operator sees")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.ui.status_bar import StatusBar

T0 = datetime(2026, 11, 23, 2, 31, 40, tzinfo=UTC)  # 10:31:40 China time


def test_back_after_an_outage_the_status_bar_says_since_when(qtbot: QtBot) -> None:
    status = StatusBar(
        seat="A-01", platform=Platform.HOTLINE, agent="王丽",
        db_url="postgresql+psycopg://app@db1:5432,db2:5432/console",
    )  # fmt: skip
    qtbot.addWidget(status)
    assert status.database_label.text() == "Database: db1:5432,db2:5432"
    status.tick(T0)
    status.set_connected(False)
    status.tick(T0 + timedelta(seconds=15))
    status.set_connected(False)  # still out: the time it was lost stays the first one
    assert status.connection_label.text() == "Database unreachable"
    assert "since 10:31:40" in status.connection_label.toolTip()
    status.tick(T0 + timedelta(seconds=25))
    status.set_connected(True)
    said = "Database reachable again at 10:32:05 (unreachable since 10:31:40)"
    assert status.connection_label.text() == "Connected"
    assert status.currentMessage() == said
    assert status.connection_label.toolTip() == said
    status.set_connected(True)  # the next sweeps: no new message
    assert status.currentMessage() == said
