"""reports_tab_slice_ms: the longest the GUI thread is held while the reports tab is shown the
first time — the charts library loaded, the month's report read (off the GUI thread), then its
tiles, 12 cards, 5 charts and their tables built and painted — offscreen, 1366×700, Chinese.
Target: no slice over 50 ms. Median of ``RUNS`` runs, each in a fresh process (the first show
is what is measured: a second one finds QtCharts imported and the cards built).

A 5 ms PreciseTimer on the GUI thread records the gaps between its ticks from just before the
tab is shown until 400 ms after its ``loaded`` (the last card on the page); the figure is the
longest gap; shown → ``loaded`` is printed beside it (stderr).

The report is the bench database's November before ``UNTIL`` (``ReportService.report``), read
once in the process before the probe starts; the tab's service hands it back (its read thread
still makes the report's tables). Floor: the same probe, for as long, while the same window
shows the same page with its 12 cards empty (a title each, no table, no chart) — what showing
a page of that size costs on this machine at this load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import UNTIL, Context, Figure, time_figure

RUNS = 5
PROBE_MS = 5
SETTLE_MS = 400
SIZE = (1366, 700)


def _child(db_path: str, mode: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

    from console.domain.orders import Platform
    from console.domain.roles import Principal, Role
    from console.services.report_views import Period
    from console.services.reports import ReportService
    from console.store.engine import Database
    from console.store.seed import catalogue
    from console.ui.operations import Operations
    from console.ui.qt_app import install_translators
    from console.ui.reports import reports_tab

    app = QApplication([])
    root = Path(__file__).resolve().parents[1]
    keep = install_translators(app, "zh_CN", folder=root / "resources" / "i18n")
    db = Database.open(f"sqlite:///{db_path}")
    last = UNTIL.replace(day=1) - timedelta(days=1)  # the last whole month before UNTIL
    month = Period(last.replace(day=1), last)
    report = ReportService(db, lambda: datetime.now(UTC)).report(month)
    with db.read() as session:
        districts = catalogue(session)[2]

    class Ready:
        def report(self, period: Any, platform: Any = None, district: Any = None) -> Any:
            return report

    ops = Operations("bench-reports-tab")
    loop = QEventLoop()
    lead = Principal("lead", "值班长", Platform.HOTLINE, frozenset({Role.SHIFT_LEAD}))
    if mode == "ours":
        widget: QWidget = reports_tab(Ready(), principal=lead, ops=ops,  # type: ignore[arg-type,assignment]
                                      today=lambda: month.end, districts=districts, chinese=True)  # fmt: skip
        widget.filters.set_period("month", month.start)  # type: ignore[attr-defined]
        done: list[float] = []
        widget.loaded.connect(  # type: ignore[attr-defined]
            lambda _r: (done.append(time.perf_counter()), QTimer.singleShot(SETTLE_MS, loop.quit))
        )
    else:
        widget = QScrollArea(widgetResizable=True)
        page = QWidget()
        column = QVBoxLayout(page)
        for n in range(12):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            QVBoxLayout(card).addWidget(QLabel(f"表 {n + 1}"))
            column.addWidget(card)
        widget.setWidget(page)
        done = []
        QTimer.singleShot(20 + int(float(os.environ.get("BENCH_FLOOR_MS", "600"))), loop.quit)
    widget.resize(*SIZE)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        tick = time.perf_counter()
        gaps.append((tick - last[0]) * 1000)
        last[0] = tick

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(PROBE_MS)
    timer.timeout.connect(probe)
    shown = [0.0]

    def show() -> None:
        shown[0] = time.perf_counter()
        widget.show()

    timer.start()
    last[0] = time.perf_counter()
    QTimer.singleShot(20, show)
    loop.exec()
    timer.stop()
    ops.shutdown()
    db.dispose()
    del keep
    took = (done[0] - shown[0]) * 1000 if done else 0.0
    return {"longest": max(gaps), "over_50": sum(1 for g in gaps if g > 50), "shown_ms": took}


def _run(db_path: Path, mode: str, floor_ms: float = 600) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BENCH_FLOOR_MS": str(floor_ms)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(db_path), mode],
        capture_output=True, text=True, env=env, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    ours = [_run(path, "ours") for _ in range(RUNS)]
    took = statistics.median(r["shown_ms"] for r in ours)
    floor = [_run(path, "floor", took + SETTLE_MS) for _ in range(RUNS)]
    print(f"reports_tab: ours {ours}; floor {floor}", file=sys.stderr)
    print(f"reports_tab_first_show_ms (shown → loaded, median): {took:.0f}", file=sys.stderr)
    longest = statistics.median(r["longest"] for r in ours)
    floor_longest = statistics.median(r["longest"] for r in floor)
    return [time_figure("reports_tab_slice_ms", "ms", longest, floor_longest)]


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
    print(json.dumps(_child(sys.argv[2], sys.argv[3])))
