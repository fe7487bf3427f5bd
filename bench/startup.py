"""start_source_ms / start_frozen_ms: process start to the main window's first paint.

Both run ``--smoke`` (offscreen) on a fresh, migrated database, 5 times each; the value is
the median. Floor: a bare PySide6 QMainWindow timed the same way (first Paint event after
``time.perf_counter()`` at the top of the script), in the same run. The frozen figure needs
``make dist`` first and is skipped (not reported) without it.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from common import Context, Figure, time_figure

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "linkage-console" / "linkage-console"
RUNS = 5
BARE = """
import time; t = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"first_paint_ms={(time.perf_counter() - t) * 1000:.1f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def _first_paint(cmd: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    match = re.search(r"first_paint_ms=([\d.]+)", done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"{cmd[0]} failed: {done.stderr[-2000:]}")
    return float(match.group(1))


def _median(
    label: str, cmd_for_run: list[str], env: dict[str, str], ctx: Context, fresh: bool
) -> float:
    samples = []
    for i in range(RUNS):
        cmd = list(cmd_for_run)
        if fresh:
            db = ctx.workdir / f"start-{label}-{i}.sqlite3"
            _first_paint([*cmd, "--db", f"sqlite:///{db}", "--smoke"], env)  # create + migrate
            cmd += ["--db", f"sqlite:///{db}", "--smoke"]
        samples.append(_first_paint(cmd, env))
    return statistics.median(samples)


def run(ctx: Context) -> list[Figure]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    floor = _median("bare", [sys.executable, "-c", BARE], env, ctx, fresh=False)
    source = _median("source", [sys.executable, "-m", "console"], env, ctx, fresh=True)
    figures = [time_figure("start_source_ms", "ms", source, floor)]
    if FROZEN.exists():
        frozen = _median("frozen", [str(FROZEN)], env, ctx, fresh=True)
        figures.append(time_figure("start_frozen_ms", "ms", frozen, floor))
    return figures
