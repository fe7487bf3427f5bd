"""The alarm notifier: one message per window however many alarms, sound only when allowed."""

from __future__ import annotations

import wave
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from console.config import Settings
from console.domain.alarm_levels import AlarmLevel
from console.paths import bundle_path
from console.services.alarms import AlarmService
from console.store.alarms import RaisedAlarm
from console.store.engine import Database
from console.ui.alarms import notifier as module
from console.ui.alarms.notifier import AlarmNotifier
from tests.ui.alarm_panel_harness import build_scene

CHINA = ZoneInfo("Asia/Shanghai")
NOON = datetime(2026, 11, 27, 12, 0, tzinfo=CHINA)
WINDOW_S = 0.3


def alarms(overdue: int = 0, due: int = 0, warning: int = 0) -> list[RaisedAlarm]:
    levels = [AlarmLevel.OVERDUE] * overdue + [AlarmLevel.DUE] * due
    levels += [AlarmLevel.WARNING] * warning
    at = NOON.astimezone(UTC)
    return [RaisedAlarm(n, n, "feedback", lv, at, at) for n, lv in enumerate(levels, 1)]


class Seat:
    """A notifier with a fake player, and what it said and played."""

    def __init__(self, **settings: object) -> None:
        self.messages: list[tuple[str, str]] = []
        self.played: list[tuple[Path, int]] = []
        self.notifier = AlarmNotifier(
            Settings(db_url="sqlite://", **settings),  # type: ignore[arg-type]
            player=lambda path, volume: self.played.append((path, volume)),
            window_s=WINDOW_S,
        )
        self.notifier.message.connect(lambda text, level: self.messages.append((text, level)))


def test_a_burst_is_one_message_then_one_summary(qtbot: QtBot) -> None:
    seat = Seat()
    seat.notifier.notify(alarms(overdue=120, due=80, warning=300), NOON)
    assert seat.messages == [("500 new alarm(s): Overdue 120 · Due 80 · Warning 300", "overdue")]
    for n, batch in enumerate((alarms(warning=1), alarms(due=2), alarms(warning=3))):
        seat.notifier.notify(batch, NOON + timedelta(seconds=n))
    assert len(seat.messages) == 1  # gathered, not shown yet
    with qtbot.waitSignal(seat.notifier.message, timeout=5000) as summary:
        pass
    assert summary.args == ["6 new alarm(s): Due 2 · Warning 4", "due"]
    qtbot.waitUntil(lambda: not seat.notifier.window.isActive(), timeout=5000)
    assert len(seat.messages) == seat.notifier.shown == 2
    assert seat.notifier.sounded == len(seat.played) == 2
    assert seat.played[0] == (bundle_path("resources", "sounds", "alarm.wav"), 80)


def test_after_a_quiet_window_the_next_alarm_shows_at_once(qtbot: QtBot) -> None:
    seat = Seat()
    seat.notifier.notify(alarms(warning=1), NOON)
    qtbot.waitUntil(lambda: not seat.notifier.window.isActive(), timeout=5000)
    assert seat.messages == [("1 new alarm(s): Warning 1", "warning")]
    seat.notifier.notify([], NOON)  # an empty sweep says nothing
    seat.notifier.notify(alarms(overdue=1), NOON)
    assert seat.messages[-1] == ("1 new alarm(s): Overdue 1", "overdue")
    assert seat.notifier.shown == seat.notifier.sounded == 2


def test_silent_hours_hold_the_sound_not_the_message(qapp: object) -> None:
    seat = Seat(silent_hours=(time(22, 0), time(7, 0)))
    late = datetime(2026, 11, 27, 23, 30, tzinfo=CHINA).astimezone(UTC)  # 15:30 UTC
    seat.notifier.notify(alarms(overdue=2), late)
    assert seat.notifier.shown == 1 and seat.notifier.sounded == 0 and seat.played == []
    assert seat.messages == [("2 new alarm(s): Overdue 2", "overdue")]


@pytest.mark.parametrize("settings", [{"alarm_sound": False}, {"alarm_volume": 0}])
def test_sound_off_means_no_sound(qapp: object, settings: dict[str, object]) -> None:
    seat = Seat(**settings)
    seat.notifier.notify(alarms(overdue=1), NOON)
    assert seat.notifier.shown == 1 and seat.notifier.sounded == 0 and seat.played == []


def test_alarms_from_a_real_sweep(qtbot: QtBot, sqlite_db: Database) -> None:
    scene = build_scene(sqlite_db)
    seat = Seat()
    scene.clock.advance(60)  # 23:46: the DUE feedback turns OVERDUE
    raised = AlarmService(sqlite_db, scene.clock.now, "A-02").sweep()
    seat.notifier.notify(raised, scene.clock.now())
    assert seat.messages == [("1 new alarm(s): Overdue 1", "overdue")]


def test_the_chime_is_small_and_as_specified() -> None:
    path = bundle_path("resources", "sounds", "alarm.wav")
    assert path.stat().st_size < 60_000
    with wave.open(str(path)) as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (1, 2, 22050)
        assert chime.getnframes() / chime.getframerate() == pytest.approx(0.6, abs=0.01)


def test_default_player_uses_paplay_with_the_volume(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(module.sys, "platform", "linux")
    monkeypatch.setattr(module.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(
        QProcess, "startDetached", staticmethod(lambda p, a: started.append((p, a)) or True)
    )
    module.play_sound(Path("/x/alarm.wav"), 50)
    assert started == [("paplay", ["--volume=32768", "/x/alarm.wav"])]
