"""offer_to_ring_ms: the switch offers a call to a ready seat → the ring sound started and the
window alerted (target ≤ 200 ms), p95 over 200 offers.

The seat is the console's own: the simulated switch (ring-no-answer timer armed, as configured
on a site), the seat controller (built as the seat tests build it, on a fresh migrated SQLite
database), the :class:`~console.ui.seat.ringer.Ringer` with the real player
(``play_sound``: paplay/aplay started detached, else a beep) and the real window alert on a
shown window. Measured: ``place_call`` → the later of the player's return and the alert's.
Each caller then hangs up while it rings, so the seat is offered the next one.
Floor: the bare event path, one ``Subscribers.publish`` to a callback that takes the time.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import Context, Figure, p95, time_figure

from console.store.setup import init_db
from console.telephony.port import Call, CallEvent, Line, Subscribers

SAMPLES = 200


def _ours(workdir: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication, QTabWidget

    from console.telephony.simulated import SimulatedSwitch
    from console.ui.alarms.notifier import play_sound
    from console.ui.seat.ringer import Ringer, tab_badge
    from tests.ui import test_seat  # the seat as its tests build it (bench/run.py: repo on path)

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    db, _ = init_db(f"sqlite:///{workdir / 'offer-bench.sqlite3'}")
    test_seat.SimulatedSwitch = lambda **kw: SimulatedSwitch(ring_timeout_s=15, **kw)  # type: ignore[attr-defined]
    _holder, panel, controller, switch, _orders, worker = test_seat.build(
        db, workdir / "offer-bench", loop
    )
    tabs = QTabWidget()
    tabs.addTab(panel, "坐席(&S)")
    tabs.resize(1200, 760)
    tabs.show()
    marks: dict[str, float] = {}

    def player(path: Path, volume: int) -> None:
        play_sound(path, volume)
        marks["sound"] = time.perf_counter()

    def alert(window: object, ms: int) -> None:
        QApplication.alert(window, ms)  # type: ignore[arg-type]
        marks["alert"] = time.perf_counter()

    ringer = Ringer(volume=80, window=lambda: tabs, badge=tab_badge(tabs, panel), player=player,
                    alert=alert, parent=tabs)  # fmt: skip
    controller.offer_ringing.connect(ringer.ring)
    controller.offer_stopped.connect(ringer.stop)

    async def offers() -> list[float]:
        controller.log_in()
        samples = []
        for i in range(SAMPLES):
            marks.clear()
            start = time.perf_counter()
            call = switch.place_call(Line.HOTLINE, f"1380013{i:04d}")
            while len(marks) < 2:  # the chain is synchronous today; wait if it ever is not
                await asyncio.sleep(0)
            samples.append((max(marks.values()) - start) * 1000)
            switch.caller_hangs_up(call.call_id)
            await asyncio.sleep(0.005)  # the loop turns between calls, as on a floor
        return samples

    try:
        return loop.run_until_complete(offers())
    finally:
        loop.run_until_complete(switch.stop())
        controller.close()
        worker.shutdown()
        tabs.close()
        db.dispose()
        loop.close()
        asyncio.set_event_loop(None)


def _floor() -> list[float]:
    subs = Subscribers()
    got: list[float] = []
    subs.subscribe(lambda _event: got.append(time.perf_counter()))
    call = Call("c1", "13800138000", Line.HOTLINE, datetime.now(UTC), seat="A-01")
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        subs.publish(CallEvent(call, "ringing", datetime.now(UTC), "rings A-01"))
        samples.append((got[-1] - start) * 1000)
    return samples


def run(ctx: Context) -> list[Figure]:
    with tempfile.TemporaryDirectory(dir=ctx.workdir) as tmp:
        ours = _ours(Path(tmp))
    return [time_figure("offer_to_ring_ms", "ms", p95(ours), p95(_floor()))]
