"""The emergency board's real-window shots (part of screens_script.py, driven by test_real_screen).

The console's seat is a shift lead's (值班长). A colleague at another console started a Ⅲ-level
natural-disaster plan in Dalian forty minutes ago (the script plays that console: the real
service with its clock set back), so its deadlines have passed; one of its partners has no
address in the directory (the channel refuses every notification to it), so it stays overdue
whatever the simulated desk does with the others. Then the lead, with keys only, opens the Emergency tab (Alt+Z), starts a Ⅱ-level
accident plan through the start form (Alt+N, the fields by their Alt letters, Chinese typed as an
input method commits it, Ctrl+Enter once the form shows whom the plan notifies) and waits — on
the board's own reads, never a fixed sleep — until the simulated partner desk has answered some.
Shots: ``emergency_board`` (the board, the Ⅱ-level incident selected) and ``emergency_wall``
(Shift+F11, the wall mode, on the whole screen).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from console.domain.emergency import (
    Channel,
    EventType,
    IncidentStatus,
    Level,
    Partner,
    PartnerKind,
)
from console.domain.orders import Platform
from console.services.incident_views import IncidentDraft, IncidentLine
from console.services.incidents import IncidentService
from console.store.partners import Entry, import_partners
from console.ui.emergency.board import EmergencyBoard
from console.ui.emergency.start_dialog import StartDialog
from console.ui.lazy_page import built
from console.ui.main_window import MainWindow
from tests.principals import lead
from tests.waiting import until

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
STARTED_AGO = timedelta(minutes=40)  # the colleague's incident: every deadline has passed
UNREACHABLE = Partner(
    "210200-POWER-2",
    "大连市供电抢修二队（演示）",
    PartnerKind.POWER,
    "210200",
    "000-2102-0099",
    Channel.SIMULATED,
    "",
)  # no address: never reached
WAIT_S = 60  # the desk answers within sim_max_delay_s (screens_script sets it small)

# The settings the emergency shots need (screens_script passes them to load_settings): the
# simulated partner desk answers within seconds, and a quarter of the asks never.
DESK = {"emergency_sim_min_delay_s": 1, "emergency_sim_max_delay_s": 12,
        "emergency_sim_never_percent": 25, "emergency_sim_seed": 7}  # fmt: skip


def commit_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Chinese input method does: one commit into the focused field."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


async def choose(form: QWidget, key: Qt.Key, box: QComboBox, value: object) -> None:
    """Alt+``key`` to ``box``, then Up/Down until it shows ``value``."""
    QTest.keyClick(form, key, ALT)
    await until(box.hasFocus)
    target = box.findData(value)
    assert target >= 0, value
    while box.currentIndex() != target:
        down = box.currentIndex() < target
        QTest.keyClick(box, Qt.Key.Key_Down if down else Qt.Key.Key_Up)


async def start_by_keys(board: EmergencyBoard) -> None:
    """The lead starts a Ⅱ-level accident plan with the keyboard alone."""
    QTest.keyClick(board, Qt.Key.Key_N, ALT)
    await until(lambda: isinstance(board.form, StartDialog) and board.form.isVisible())
    form = board.form
    assert isinstance(form, StartDialog)
    form.activateWindow()
    await until(form.isActiveWindow)
    await choose(form, Qt.Key.Key_E, form.event_type, EventType.ACCIDENT)
    await choose(form, Qt.Key.Key_V, form.level, Level.II)
    QTest.keyClick(form, Qt.Key.Key_I, ALT)
    await until(form.district.hasFocus)
    QTest.keyClicks(form.district, "210103")  # 沈河区 by its code
    QTest.keyClick(form.district, Qt.Key.Key_Return)  # the completer's first match
    await until(lambda: form.district.value() == "210103")
    QTest.keyClick(form, Qt.Key.Key_P, ALT)
    await until(form.place.hasFocus)
    commit_text(form.place, "青年大街与十一纬路交叉口")
    QTest.keyClick(form, Qt.Key.Key_U, ALT)
    await until(form.summary.hasFocus)
    commit_text(form.summary, "燃气管道破裂起火，周边居民楼疏散约200人，3人受伤送医")
    await until(form.ready, WAIT_S)  # the preview of whom the plan notifies is shown
    QTest.keyClick(form, Qt.Key.Key_Return, CTRL)
    await until(lambda: board.form is None, WAIT_S)


def line_of(board: EmergencyBoard, level: Level) -> IncidentLine | None:
    lines = (board.model.line_at(row) for row in range(board.model.rowCount()))
    return next((x for x in lines if x.level is level and x.status is IncidentStatus.ACTIVE),
                None)  # fmt: skip


async def emergency_shots(
    window: MainWindow,
    shot: Callable[[str], Awaitable[None]],
    checked: Callable[[str, dict[str, QWidget]], bool],
) -> int:
    """Take the two shots; 4 if what they are for is not in view (``checked`` says what)."""
    assert window.emergency is not None, "the script's seat is a shift lead's"
    board = built(window.emergency)  # the tab is built when first shown: the key below shows it
    assert isinstance(board, EmergencyBoard)
    service = board._service  # the real IncidentService (the script plays another console too)
    assert isinstance(service, IncidentService)
    earlier = IncidentService(service._db, lambda: service._clock() - STARTED_AGO,
                              service._plans)  # fmt: skip
    with service._db.write() as session:
        import_partners(session, [Entry(UNREACHABLE)])
    earlier.start(lead("李建国", "A-02", Platform.HOTLINE), IncidentDraft(
        EventType.NATURAL, Level.III, "210211", "华北路下穿桥", "暴雨致下穿桥积水，多车被困",
    ))  # fmt: skip
    window.activateWindow()
    await until(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Z, ALT)  # the Emergency tab
    await until(board.isVisible)
    await start_by_keys(board)

    # The desk answers some of the Ⅱ-level asks; the colleague's incident has partners overdue.
    def answered() -> bool:
        second, third = line_of(board, Level.II), line_of(board, Level.III)
        return (second is not None and second.acknowledged >= 4
                and third is not None and third.overdue >= 1)  # fmt: skip

    try:
        await until(answered, WAIT_S)
    except AssertionError:
        for row in range(board.model.rowCount()):
            print(f"incident line: {board.model.line_at(row)}", flush=True)
        raise
    second = line_of(board, Level.II)
    assert second is not None
    await until(lambda: board._detail is not None and board._detail.line.number == second.number)
    window.activateWindow()  # the closed form left no window active (no window manager)
    await until(window.isActiveWindow)
    board.table.setFocus()
    await shot("emergency_board")
    print(f"emergency board: {board.summary.text()}", flush=True)
    if not checked(
        "emergency_board",
        {
            "incidents": board.table,
            "partners": board.pane.partners,
            "heading": board.pane.heading,
            "summary": board.summary,
            **{f"button {k}": b for k, b in board.buttons.items()},
        },
    ):
        return 4
    QTest.keyClick(board, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    wall = board.wall

    def overdue_named() -> list[QLabel]:
        return [x for x in wall.findChildren(QLabel, "wallOverdue") if x.isVisible()]

    try:
        await until(lambda: wall.isVisible() and overdue_named(), WAIT_S)
    except AssertionError:
        print("wall", wall.isVisible(), [x.text() for x in wall.findChildren(QLabel)], flush=True)
        raise
    await shot("emergency_wall")
    shown = [c for c in wall.findChildren(QWidget, "wallCard") if c.isVisible()]  # not the
    cards = {f"card {i}": c for i, c in enumerate(shown)}  # replaced ones, deleted later
    ok = checked(
        "emergency_wall",
        {
            "title": wall.title,
            "clock": wall.clock,
            **cards,
            **{f"overdue {i}": x for i, x in enumerate(overdue_named())},
        },
    )
    QTest.keyClick(wall, Qt.Key.Key_Escape)
    await until(wall.isHidden)
    return 0 if ok else 4
