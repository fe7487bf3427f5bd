"""Run the real console on a real X server and save screenshots (driven by test_real_screen).

Usage: python tests/ui/screens_script.py DB_URL OUT_DIR [pair]  (DISPLAY: an X server)

Run it on the screen size to look at (``xvfb-run -a -s "-screen 0 1366x768x24" …``): each shot is
the whole screen, as the agent sees it, and the script exits 4 if what a shot is for is not
wholly in view: the intake form's right column or its Save button, the call bar on another tab,
the ringing offer's badge, the transfer countdown's strip and its F4 button, the inbox's
feedback row, the alarm table, the reports' tiles and charts, the hot spot's evidence, the
wallboard. With ``pair`` it opens ``make run``'s two seats instead and
checks that they sit side by side, neither cut off (exit 4 if not).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from console.app import run_gui
from console.app_seat import SeatParts
from console.config import load_settings
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.store.queues import QueueKind
from console.telephony.port import CallState, Line, TransferResult
from console.ui.main_window import MainWindow
from console.ui.seat.call_bar import CallBar
from console.ui.seat.screen_pop import ScreenPopView

if __package__ in (None, ""):  # run as a script (by test_real_screen): find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.principals import at_seat
from tests.ui.screens_emergency import DESK, emergency_shots
from tests.ui.screens_floor import floor_shots
from tests.waiting import until

# Only the calls the script places ring: no simulated colleague takes one, and no random arrival
# (2 a minute by default) rings first. One often did while a busy machine started the window:
# the script's call then queued behind it and the Seat tab's badge it waits for was already on.
ONLY_PLACED_CALLS = {"sim_colleagues": 0, "sim_calls_per_min": 0}


def cjk_gaps(window: QWidget) -> list[str]:
    """CJK characters on screen that the fonts in use cannot draw."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QAbstractButton, QLabel

    missing = set()
    for widget in window.findChildren(QWidget):
        text = ""
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        metrics = QFontMetrics(widget.font())
        for ch in text:
            if "\u4e00" <= ch <= "\u9fff" and not metrics.inFontUcs4(ord(ch)):
                missing.add(ch)
    return sorted(missing)


async def painted() -> None:
    """Let every pending paint and layout happen before a shot. The events are processed from a
    plain callback of the loop, not inside the script's task: processed there, they would step
    other tasks (the scheduler's jobs, the incident work) inside it, which asyncio refuses —
    and a task refused so never runs again."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def process() -> None:
        QApplication.processEvents()
        done.set_result(None)

    loop.call_soon(process)
    await done


def waited_s(text: str) -> int:
    """The seconds a ringing call's line says it has waited ("… 00:07")."""
    minutes, _, seconds = text.rpartition(" ")[2].partition(":")
    return int(minutes) * 60 + int(seconds) if minutes.isdigit() and seconds.isdigit() else -1


def off_screen(window: MainWindow, seat: SeatParts) -> list[str]:
    """The intake form's parts that are not wholly on the screen's available area."""
    area = window.screen().availableGeometry()
    fields = seat.panel.intake.fields
    parts = {"save": seat.panel.intake.save_button, "name": fields.caller_name,
             "field": fields.field, "description": fields.description}  # fmt: skip
    missing = []
    for name, widget in parts.items():
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
        clipped = widget.visibleRegion().boundingRect() != widget.rect()  # by a parent
        on_screen = area.contains(top_left) and area.contains(bottom_right)
        if not widget.isVisible() or clipped or not on_screen:
            missing.append(name)
    return missing


def cut_off(widgets: dict[str, QWidget]) -> list[str]:
    """The names of ``widgets`` not shown whole: hidden, cut by a parent, or off the screen."""
    missing = []
    for name, widget in widgets.items():
        area = widget.screen().availableGeometry()
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
        clipped = widget.visibleRegion().boundingRect() != widget.rect()
        on_screen = area.contains(top_left) and area.contains(bottom_right)
        if not widget.isVisible() or clipped or not on_screen:
            missing.append(name)
    return missing


def checked(what: str, widgets: dict[str, QWidget]) -> bool:
    """Print what of ``widgets`` is cut off on the shot ``what``; True if all is in view."""
    off = cut_off(widgets)
    if off:
        print(f"off screen on {what}: {off}", flush=True)
    return not off


def pair_main(url: str, out: Path) -> int:
    """``make run``'s two seats: side by side on a wide screen, each usable."""

    async def script(window: MainWindow, seat: SeatParts) -> int:
        from PySide6.QtCore import Qt

        def mains() -> list[MainWindow]:
            return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

        await until(
            lambda: len(mains()) == 2 and all(w.isVisible() for w in mains()),
            timeout=30, what="both seats' windows shown",
        )  # fmt: skip
        windows = mains()
        for w in windows:
            assert w.seat_panel is not None
            w.tabs.setCurrentWidget(w.seat_panel)
        caller = seat.switch.place_call(Line.HOTLINE).caller
        await until(lambda: seat.panel.call_bar.ringing.count())
        seat.controller.answer_next()
        await until(lambda: seat.controller.current is not None)
        await until(lambda: caller in seat.pop.header.text())
        await painted()
        window.screen().grabWindow(0).save(str(out / "pair.png"))
        left, right = sorted(windows, key=lambda w: w.x())
        if left.frameGeometry().intersects(right.frameGeometry()) or left.y() != right.y():
            print("the pair is not side by side", flush=True)
            return 4
        ok = True
        for w in windows:
            panel = w.seat_panel
            assert panel is not None
            split = panel.findChild(QWidget, "seatSplit")
            intake = panel.intake  # type: ignore[attr-defined]
            ok &= checked(f"pair {w.windowTitle()}", {
                "save": intake.save_button, "description": intake.fields.description,
                "kind": intake.fields.kind, "split": split,
            })  # fmt: skip
            if split.orientation() is not Qt.Orientation.Vertical:  # type: ignore[attr-defined]
                print("a half-screen seat keeps the pop beside the form", flush=True)
                ok = False
        return 0 if ok else 4

    lang = {k: v for k, v in os.environ.items() if k == "CONSOLE_LANG"}
    settings = load_settings({"db": url, **ONLY_PLACED_CALLS}, lang)
    return run_gui(settings, script=script, pair=True)


def main() -> int:
    url, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    if sys.argv[3:] == ["pair"]:
        return pair_main(url, out)

    async def script(window: MainWindow, seat: SeatParts) -> int:
        async def shot(name: str) -> None:
            await painted()
            screen = window.screen()
            screen.grabWindow(0).save(str(out / f"{name}.png"))  # what the agent sees

        # A call offered while the agent is on the Queues tab: the ring, the Seat tab's badge,
        # the call bar over the queues.
        queues = window.queues
        assert queues is not None
        window.tabs.setCurrentWidget(queues)
        queues.show_queue(QueueKind.PLATFORM_OPEN)  # demo orders are other seats'
        await until(lambda: queues.model(QueueKind.PLATFORM_OPEN).rowCount() > 0)
        seat_tab = window.tabs.indexOf(seat.panel)
        quiet = window.tabs.tabText(seat_tab)
        caller = seat.switch.place_call(Line.HOTLINE).caller
        ringing = seat.panel.call_bar.ringing
        await until(lambda: ringing.count() and waited_s(ringing.item(0).text()) >= 1)
        await until(lambda: window.tabs.tabText(seat_tab) != quiet)  # the badge
        await shot("ringing_offer")
        print(f"seat tab while ringing: {window.tabs.tabText(seat_tab)!r}", flush=True)
        if not checked("ringing_offer", {"ringing": ringing, "call bar": seat.panel.call_bar,
                                         "answer": seat.panel.call_bar.answer_button}):  # fmt: skip
            return 4
        window.tabs.setCurrentWidget(seat.panel)
        await until(lambda: seat.panel.isVisible())
        await shot("seat_ringing")  # the waiting time counts up
        seat.controller.answer_next()
        pop = seat.panel.findChild(ScreenPopView)
        assert pop is not None
        await until(lambda: seat.controller.current is not None)
        await until(lambda: caller in pop.header.text())
        on_call = seat.panel.tr("On a call")
        await until(lambda: on_call in seat.panel.state_label.text())  # at the clock's next tick
        await shot("screen_pop")
        seat.panel.intake.save()  # nothing chosen yet: the inline problems show
        await until(lambda: seat.panel.intake.problems_shown())
        await shot("intake_form")
        off = off_screen(window, seat)
        if off:
            print(f"off screen: {off}", flush=True)
            return 4
        # The linkage paths: a saved order, a transfer nobody takes, the offers, a three-way call.
        saved: list[str] = []
        seat.panel.intake.saved.connect(saved.append)
        seat.panel.intake.set_draft(
            Draft(caller_phone=caller, kind="C-TS", field="F-SH", district="210102",
                  address="中山路88号", description="楼下商铺深夜施工噪音，物业协调无果", consent=True)
        )  # fmt: skip
        seat.panel.intake.save()
        await until(lambda: saved)
        # F8: the peer line rings, the strip counts its answer window down; F4 calls it off.
        linkage = seat.panel.linkage
        seat.flow.transfer()
        await until(lambda: linkage.isVisible() and linkage.cancel.isVisible())
        await shot("transfer_countdown")
        if not checked("transfer_countdown", {"linkageBar": linkage, "cancelTransfer":
                                              linkage.cancel, "text": linkage.text}):  # fmt: skip
            return 4
        seat.flow.cancel()
        await until(lambda: linkage.isHidden() and seat.flow.ringing is None)
        seat.switch.fail_next_transfer(TransferResult.BUSY)
        seat.flow.transfer()
        await until(lambda: linkage.isVisible() and linkage.three_way.isVisible())
        await shot("transfer_failed")
        seat.flow.conference()
        await until(lambda: linkage.outcome.isVisible(), 10)
        current = seat.panel.call_bar.current
        await until(
            lambda: (
                seat.controller.current is not None
                and seat.controller.current.state is CallState.CONFERENCED
                and CallBar.tr("three-way call") in current.text()
            )
        )
        await shot("three_way_call")
        linkage.outcome.click()
        detail = window.detail
        assert detail is not None and detail.steps is not None
        steps = detail.steps
        await until(lambda: steps.form.isVisible())
        steps.outcome.setCurrentIndex(2)  # neither: first contact
        steps.note.setPlainText("非警务亦非政务服务事项，协商后由12345先行受理")
        await until(lambda: steps.mode.isVisibleTo(steps))
        await shot("three_way_outcome")
        steps.outcome.setCurrentIndex(0)
        steps.note.setPlainText("属市场监管职责，12345受理")
        steps.submit()
        await until(lambda: not steps.form.isVisible())
        await until(lambda: steps.buttons[Action.DISPATCH].isVisible())
        steps.buttons[Action.DISPATCH].click()
        await until(lambda: steps.department.count() > 0)  # the directory is read off-thread
        steps.department.setEditText("和平")
        steps.note.setPlainText("请属地核实处理，3个工作日内反馈")
        await shot("dispatch_step")
        if window.queues is not None:
            queues = window.queues
            window.tabs.setCurrentWidget(queues)
            queues.show_queue(QueueKind.PLATFORM_OPEN)  # demo orders are other seats'
            await until(lambda: queues.model(QueueKind.PLATFORM_OPEN).rowCount() > 0)
            await shot("queue")  # the call is still in view over the queues
            if not seat.panel.call_bar.current.isVisible():
                print("off screen: the call bar over the queues", flush=True)
                return 4
        # What the peer did with this seat's order: 110 signed for it and fed back.
        if window.inbox is not None:
            inbox = window.inbox
            orders = window._service._orders  # the script plays the 110 seat (OrderReads wraps it)
            police = at_seat("李强", "J-01", Platform.POLICE)
            me = at_seat("坐席", seat.controller.seat, Platform.HOTLINE)
            sent = orders.create(
                Draft(caller_phone=caller, kind="C-QZ", field="F-SH", district="210102",
                      description="老人走失，家属请求协助寻找", consent=True),
                me,
            ).order.number  # fmt: skip
            for action, note in ((Action.TRANSFER, "一键转接"), (Action.SIGN_FOR, ""),
                                 (Action.START_HANDLING, ""),
                                 (Action.FEED_BACK, "已找到老人，送回家中")):  # fmt: skip
                who = police if action is not Action.TRANSFER else me
                seen = len(orders.get(sent).order.timeline)
                orders.act(sent, action, who, note, seen=seen)
            window.tabs.setCurrentWidget(inbox)
            inbox.refresh()
            await until(lambda: any(sent in str(inbox.model.index(r, c).data())
                                    for r in range(inbox.model.rowCount())
                                    for c in range(inbox.model.columnCount())))  # fmt: skip
            await shot("inbox_feedback")
            if not checked("inbox_feedback", {"inbox": inbox.table}):
                return 4
        if window.alarm_panel is not None:
            loaded: list[object] = []
            window.alarm_panel.counts_changed.connect(lambda *counts: loaded.append(counts))
            window.tabs.setCurrentWidget(window.alarm_panel)
            window.alarm_panel.refresh()
            await until(lambda: loaded)
            await shot("alarms")
            if not checked("alarms", {"alarms": window.alarm_panel}):
                return 4
        # The shift lead's emergency board (tests/ui/screens_emergency.py).
        if await emergency_shots(window, shot, checked):
            return 4
        # The reports tab, a hot spot with its evidence, the wallboard (screens_floor.py).
        if await floor_shots(window, shot, checked):
            return 4
        gaps = cjk_gaps(window)
        print(f"caller={caller} cjk_missing={''.join(gaps)}", flush=True)
        return 0 if not gaps else 3

    # CONSOLE_LANG=en takes the English screenshots (Chinese by default).
    lang = {k: v for k, v in os.environ.items() if k == "CONSOLE_LANG"}
    settings = load_settings({"db": url, **ONLY_PLACED_CALLS, **DESK}, lang)  # calls ring here
    return run_gui(settings, script=script)


if __name__ == "__main__":
    sys.exit(main())
