"""Run the real console on a real X server and save the intake form with its assist shown
(driven by test_real_screen_intake).

Usage: python tests/ui/intake_screens_script.py DB_URL OUT_DIR  (DISPLAY: an X server)

Shots, the whole screen as the agent sees it: ``intake_suggestion`` (a 会商 rule's suggestion
with its citation and two likely duplicates), ``intake_history`` (no rule: how past orders
ended), ``intake_joined`` (the caller joined a duplicate: the report line). Exits 4 if what a
shot is for is cut off or not in view, 3 if a CJK character has no glyph.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from console.app import run_gui
from console.app_seat import SeatParts
from console.config import load_settings
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.telephony.port import Line
from console.ui.main_window import MainWindow
from console.ui.seat.knowledge_pane import KnowledgePane

if __package__ in (None, ""):  # run as a script: find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.principals import at_seat
from tests.ui.screens_script import ONLY_PLACED_CALLS, checked, cjk_gaps, painted
from tests.waiting import until

ADDRESS = "和平区南京北街88号"
# The caller is named: the simulator draws 60 % of its callers from the database's, and a demo
# caller with an open order of their own makes a third duplicate (the wait for two never ends).
CALLER = "13700000042"  # no demo order's (seed 3)


def main() -> int:
    url, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)

    async def script(window: MainWindow, seat: SeatParts) -> int:
        async def shot(name: str) -> None:
            await painted()
            window.screen().grabWindow(0).save(str(out / f"{name}.png"))

        window.tabs.setCurrentWidget(seat.panel)
        caller = seat.switch.place_call(Line.HOTLINE, CALLER).caller
        await until(lambda: seat.panel.call_bar.ringing.count())
        seat.controller.answer_next()
        await until(lambda: seat.controller.current is not None)
        orders = window._service._orders  # the script plays two earlier callers
        me = at_seat("坐席", seat.controller.seat, Platform.HOTLINE)
        earlier = orders.create(
            Draft(caller_phone="13900001111", kind="C-TS", field="F-SH", district="210102",
                  address=ADDRESS, description="工地讨薪堵路，几十个工人堵在路口", consent=True), me,
        ).order.number  # fmt: skip
        orders.create(
            Draft(caller_phone=caller, kind="C-QZ", field="F-SH", district="210102",
                  description="咨询社保卡补办需要哪些材料", consent=True), me,
        )  # fmt: skip
        intake = seat.panel.intake
        assist = intake.assist
        assert assist is not None
        intake.set_draft(
            Draft(caller_phone=caller, caller_name="刘先生", kind="C-TS", field="F-SH",
                  district="210102", address=ADDRESS,
                  description="南京北街88号工地有人讨薪堵路，几十个人聚在路口，车过不去")
        )  # fmt: skip
        await until(lambda: assist.advice is not None and len(assist.candidates) == 2, timeout=20)
        pane = seat.panel.findChild(KnowledgePane)  # the 会商 result on 讨薪堵路, under the pop
        assert pane is not None
        await until(lambda: pane.articles.count() > 0, timeout=20)
        assist.list.setCurrentRow(0)
        await shot("intake_suggestion")
        ok = checked("intake_suggestion", {
            "headline": assist.headline, "accept": assist.accept_button, "detail": assist.detail,
            "duplicates": assist.list, "join": assist.join_button, "save": intake.save_button,
            "description": intake.fields.description,
        })  # fmt: skip
        intake.set_draft(Draft(caller_phone=caller, kind="C-TS", field="F-SH", district="210102",
                               description="小区路灯坏了好几天，晚上很黑"))  # fmt: skip
        await until(lambda: assist.advice is None and assist.history.isVisible(), timeout=20)
        await shot("intake_history")
        ok &= checked("intake_history", {"history": assist.history, "save": intake.save_button})
        intake.set_draft(
            Draft(caller_phone=caller, kind="C-TS", field="F-SH", district="210102",
                  address=ADDRESS, description="工地讨薪堵路还没散")
        )  # fmt: skip
        await until(lambda: any(c.order.number == earlier for c in assist.candidates), timeout=20)
        numbers = [c.order.number for c in assist.candidates]
        assist.list.setCurrentRow(numbers.index(earlier))
        assist.join()
        await until(lambda: earlier in intake.message.text(), timeout=20)
        await shot("intake_joined")
        ok &= checked("intake_joined", {"message": intake.message})
        gaps = cjk_gaps(window)
        print(f"caller={caller} cjk_missing={''.join(gaps)}", flush=True)
        if gaps:
            return 3
        return 0 if ok else 4

    lang = {k: v for k, v in os.environ.items() if k == "CONSOLE_LANG"}
    settings = load_settings({"db": url, **ONLY_PLACED_CALLS}, lang)
    return run_gui(settings, script=script)


if __name__ == "__main__":
    sys.exit(main())
