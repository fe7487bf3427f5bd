"""``make run``'s composition, driven: two platforms in one console process, each its own system
on its own database, their exchange endpoints joined over loopback HTTPS (driven by
test_two_systems_app).

Usage: python tests/ui/two_systems_script.py CONFIG_12345 CONFIG_110  (QT_QPA_PLATFORM=offscreen)

At the 12345 seat an order is created and transferred; it lands in the 110 system's database
and in its seat's 待签收 queue; 110 signs for it, handles it and feeds back; 12345 completes it;
both systems end with the same history. Prints ``number=…`` and each side's history; exits 0,
or 1 with what was awaited in vain.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from console.app import run_gui
from console.app_seat import SeatParts
from console.config import load_settings
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.services.orders import OrderService
from console.store.orders import UnknownOrder
from console.store.queues import QueueKind
from console.telephony.port import Line
from console.ui.main_window import MainWindow

if __package__ in (None, ""):  # run as a script: find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.principals import at_seat
from tests.waiting import until

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J01 = at_seat("李强", "J-01", Platform.POLICE)


def services(window: MainWindow) -> OrderService:
    """The window's system's order service (the script plays the seats; OrderReads wraps it)."""
    orders: OrderService = window._service._orders
    return orders


def status(orders: OrderService, number: str) -> Status | None:
    try:
        return orders.get(number).order.status
    except UnknownOrder:
        return None


def history(orders: OrderService, number: str) -> list[tuple[str, str, str, str]]:
    order = orders.get(number).order
    return [(e.action.value, e.platform.value, e.seat, e.note) for e in order.timeline]


async def by_phone(seat: SeatParts, police_window: MainWindow, police: OrderService) -> str:
    """The call first, then its order: a 12345 call answered, its order saved, F8. The 110
    seat takes the call with the order's number attached before the order's message has
    landed (the transfer is written once the peer has the caller): its detail says 工单传输中,
    then shows the order when the message lands."""
    caller = seat.switch.place_call(Line.HOTLINE).caller
    await until(lambda: seat.panel.call_bar.ringing.count() == 1, 10, "the 12345 call ringing")
    seat.controller.answer_next()
    await until(lambda: seat.controller.current is not None, 10, "the 12345 call answered")
    saved: list[str] = []
    seat.panel.intake.saved.connect(saved.append)
    seat.panel.intake.set_draft(
        Draft(caller_phone=caller, kind="C-TS", field="F-SH", district="210102",
              address="中山路88号", description="小区门口有人持械斗殴", consent=True)
    )  # fmt: skip
    seat.panel.intake.save()
    await until(lambda: saved, 10, "the order saved")
    number = saved[0]
    detail = police_window.detail
    assert detail is not None
    seen: list[str] = []  # what the 110 detail said while the call was there first
    seat.flow.transfer()  # F8
    police_seat = police_window.seat_panel
    assert police_seat is not None

    def shown() -> bool:
        seen.append(detail.message.text())
        return detail.order is not None and detail.order.number == number

    await until(lambda: police_seat.controller.current is not None, 15, "the call at 110")
    await until(shown, 15, "the transferred order in 110's detail")
    await until(lambda: status(police, number) is Status.TRANSFERRED, 10, "the order at 110")
    in_transit = QApplication.translate("OrderDetail", "Order on its way from the other platform…")
    print(f"phone={number} in_transit_seen={in_transit in seen}", flush=True)
    shoot("by_phone", police_window)
    return number


async def script(window: MainWindow, seat: SeatParts) -> int:
    # Side by side on a wide screen, tabs of one window on the offscreen one: not top-level.
    windows = [w for w in QApplication.allWidgets() if isinstance(w, MainWindow)]
    assert len(windows) == 2, windows
    police_window = next(w for w in windows if w is not window)
    hotline, police = services(window), services(police_window)
    assert hotline is not police  # two systems, not one
    await by_phone(seat, police_window, police)
    draft = Draft(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="有人在小区门口持械斗殴", consent=True,
    )  # fmt: skip
    number = hotline.create(draft, A01).order.number
    hotline.transfers.transfer(number, A01, "涉嫌违法，转110", key="two-systems")
    await until(lambda: status(police, number) is Status.TRANSFERRED, 10, "the order at 110")
    queues = police_window.queues
    assert queues is not None
    police_window.tabs.setCurrentWidget(queues)
    queues.show_queue(QueueKind.AWAITING_SIGN_FOR)
    model = queues.model(QueueKind.AWAITING_SIGN_FOR)

    def listed() -> bool:
        queues.refresh()
        rows = range(model.rowCount())
        return any(number in str(model.index(r, 0).data()) for r in rows)

    await until(listed, 10, "the order in 110's 待签收 queue")
    shoot("arrived", window, police_window)
    for action, note in ((Action.SIGN_FOR, ""), (Action.START_HANDLING, ""),
                         (Action.FEED_BACK, "民警已到场处置，双方已调解")):  # fmt: skip
        police.act(number, action, J01, note, seen=len(police.get(number).order.timeline))
    await until(lambda: status(hotline, number) is Status.FED_BACK, 10, "the feedback at 12345")
    hotline.act(number, Action.COMPLETE, A01, seen=len(hotline.get(number).order.timeline))
    await until(lambda: status(police, number) is Status.COMPLETED, 10, "the completion at 110")
    shoot("completed", window, police_window)
    mine, theirs = history(hotline, number), history(police, number)
    print(f"number={number}", flush=True)
    print(f"12345={[h[0] for h in mine]}", flush=True)
    print(f"110={[h[0] for h in theirs]}", flush=True)
    return 0 if mine == theirs else 5


def shoot(name: str, *windows: MainWindow) -> None:
    """Screenshots for a person to look at, when ``CONSOLE_SHOTS`` names a folder."""
    folder = os.environ.get("CONSOLE_SHOTS")
    if not folder:
        return
    for i, w in enumerate(windows):
        top = w.window()
        top.grab().save(str(Path(folder) / f"{name}-{i}.png"))


def main() -> int:
    first, second = Path(sys.argv[1]), Path(sys.argv[2])
    settings, peer = load_settings({}, {}, first), load_settings({}, {}, second)
    return run_gui(settings, script=script, peer=peer)


if __name__ == "__main__":
    sys.exit(main())
