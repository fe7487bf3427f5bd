"""Run the real console on a real X server and save screenshots (driven by test_real_screen).

Usage: python tests/ui/screens_script.py DB_URL OUT_DIR  (DISPLAY must point at an X server)
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from console.app import run_gui
from console.app_seat import SeatParts
from console.config import load_settings
from console.domain.intake import Draft
from console.domain.orders import Action
from console.store.queues import QueueKind
from console.telephony.port import Line, TransferResult
from console.ui.main_window import MainWindow


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


async def until(check: Callable[[], object], timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the screen never got there")


def main() -> int:
    url, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)

    async def script(window: MainWindow, seat: SeatParts) -> int:
        def shot(name: str) -> None:
            QApplication.processEvents()
            window.grab().save(str(out / f"{name}.png"))

        window.tabs.setCurrentWidget(seat.panel)
        await asyncio.sleep(0.5)
        caller = seat.switch.place_call(Line.HOTLINE).caller
        await asyncio.sleep(2.5)  # the waiting time counts up
        shot("seat_ringing")
        seat.controller.answer_next()
        for _ in range(100):
            await asyncio.sleep(0.05)
            if seat.controller.current is not None:
                break
        await asyncio.sleep(0.8)
        shot("screen_pop")
        seat.panel.intake.save()  # nothing chosen yet: the inline problems show
        await asyncio.sleep(0.5)
        shot("intake_form")
        # The linkage paths: a saved order, a transfer nobody takes, the offers, a three-way call.
        saved: list[str] = []
        seat.panel.intake.saved.connect(saved.append)
        seat.panel.intake.set_draft(
            Draft(caller_phone=caller, kind="C-TS", field="F-SH", district="210102",
                  address="中山路88号", description="楼下商铺深夜施工噪音，物业协调无果", consent=True)
        )  # fmt: skip
        seat.panel.intake.save()
        await until(lambda: bool(saved))
        seat.switch.fail_next_transfer(TransferResult.BUSY)
        seat.flow.transfer()
        await until(lambda: seat.panel.linkage.isVisible())
        await asyncio.sleep(0.3)
        shot("transfer_failed")
        seat.flow.conference()
        await until(lambda: seat.panel.linkage.outcome.isVisible(), 10)
        await asyncio.sleep(1.2)
        shot("three_way_call")
        seat.panel.linkage.outcome.click()
        detail = window.detail
        assert detail is not None and detail.steps is not None
        steps = detail.steps
        await until(lambda: steps.form.isVisible())
        steps.outcome.setCurrentIndex(2)  # neither: first contact
        steps.note.setPlainText("非警务亦非政务服务事项，协商后由12345先行受理")
        await asyncio.sleep(0.3)
        shot("three_way_outcome")
        steps.outcome.setCurrentIndex(0)
        steps.note.setPlainText("属市场监管职责，12345受理")
        steps.submit()
        await until(lambda: not steps.form.isVisible())
        await until(lambda: steps.buttons[Action.DISPATCH].isVisible())
        steps.buttons[Action.DISPATCH].click()
        steps.department.setEditText("和平")
        steps.note.setPlainText("请属地核实处理，3个工作日内反馈")
        await asyncio.sleep(0.3)
        shot("dispatch_step")
        if window.queues is not None:
            window.tabs.setCurrentWidget(window.queues)
            window.queues.show_queue(QueueKind.PLATFORM_OPEN)  # demo orders are other seats'
            await asyncio.sleep(1.0)
            shot("queue")
        if window.alarm_panel is not None:
            window.tabs.setCurrentWidget(window.alarm_panel)
            await asyncio.sleep(0.5)
            shot("alarms")
        gaps = cjk_gaps(window)
        print(f"caller={caller} cjk_missing={''.join(gaps)}", flush=True)
        return 0 if not gaps else 3

    settings = load_settings({"db": url}, {})
    return run_gui(settings, script=script)


if __name__ == "__main__":
    sys.exit(main())
