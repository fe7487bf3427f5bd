"""The unacknowledged-message alarm on the shift lead's panel and banner: one strip, in words
(not colour alone), the count and age live, acknowledged once; the banner says it and sounds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.config import Settings
from console.domain.orders import Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService
from console.services.exchange_alarms import ExchangeAlarms
from console.store import exchange as box
from console.store.engine import Database
from console.ui.alarms.notifier import AlarmNotifier
from console.ui.alarms.panel import AlarmPanel
from tests.exchange.test_link_alarm import drain, stale
from tests.principals import lead, nobody
from tests.ui.ops_doubles import InlineOperations

T0 = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
LEAD = lead("刘强", "A-09", Platform.HOTLINE)


def scene(db: Database, qtbot: QtBot, by=LEAD):  # type: ignore[no-untyped-def]
    clock = FakeClock(T0)
    link = ExchangeAlarms(db, clock.now, "A-09", timedelta(seconds=120))
    panel = AlarmPanel(AlarmService(db, clock.now, "A-09"), kind_names={}, by=by,
                       ops=InlineOperations(), seat="A-09", link=link)  # fmt: skip
    qtbot.addWidget(panel)
    assert panel.link is not None
    return clock, link, panel, panel.link


def test_the_strip_shows_the_open_link_alarm_live_and_takes_an_acknowledgement(
    sqlite_db: Database, qtbot: QtBot, chinese: None
) -> None:
    clock, link, panel, strip = scene(sqlite_db, qtbot)
    panel.refresh()
    assert strip.isHidden()  # no alarm: nothing shown
    stale(sqlite_db, T0, 37)
    with sqlite_db.write() as session:
        box.set_peer_state(session, "LN-110", box.DOWN, T0, "connection refused")
    clock.advance(12 * 60)
    assert link.sweep() is not None
    panel.refresh()
    panel.set_now(clock.now())
    assert not strip.isHidden()
    assert strip.text.text() == "● 链路告警：对方平台 LN-110 未确认报文 37 条，最久 12 分钟"
    clock.advance(60 * 60)
    panel.set_now(clock.now())  # the age moves with the clock, no re-read
    assert strip.text.text().endswith("最久 1 小时 12 分钟")
    strip.acknowledge()  # no note: refused, said on the strip, nothing saved
    assert strip.text.text().endswith(" — 请填写确认说明。")
    assert link.open_alarm().acknowledged_by is None  # type: ignore[union-attr]
    strip.note.setText("已通知110机房抢修")
    strip.ack_button.click()
    assert strip.text.text().endswith("（刘强 已确认：已通知110机房抢修）")
    assert strip.ack_button.isHidden() and strip.note.isHidden()
    drain(sqlite_db, clock.now())
    link.sweep()
    panel.refresh()
    assert strip.isHidden()


def test_a_seat_without_the_right_sees_it_but_cannot_acknowledge(
    sqlite_db: Database, qtbot: QtBot
) -> None:
    clock, link, panel, strip = scene(sqlite_db, qtbot, nobody("A-03"))
    stale(sqlite_db, T0, 2)
    clock.advance(180)
    link.sweep()
    panel.refresh()
    panel.set_now(clock.now())
    assert not strip.isHidden() and not strip.ack_button.isEnabled()
    assert "Peer platform (not named yet): 2 message(s) unacknowledged, the oldest 3 min" in (
        strip.text.text()
    )


def test_the_banner_says_it_and_sounds_like_an_overdue_alarm(
    sqlite_db: Database, qtbot: QtBot, chinese: None
) -> None:
    played: list[tuple[Path, int]] = []
    said: list[tuple[str, str]] = []
    notifier = AlarmNotifier(
        Settings(db_url="sqlite://"), player=lambda p, v: played.append((p, v))
    )
    notifier.message.connect(lambda text, level: said.append((text, level)))
    clock = FakeClock(T0)
    link = ExchangeAlarms(sqlite_db, clock.now, "A-09", timedelta(seconds=120))
    stale(sqlite_db, T0, 5)
    clock.advance(125)
    alarm = link.sweep()
    assert alarm is not None
    notifier.notify_link(alarm, clock.now())
    assert said == [("对方平台 （尚未登记） 未确认报文 5 条，最久 2 分钟", "overdue")]
    assert len(played) == 1
