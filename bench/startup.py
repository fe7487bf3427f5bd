"""start_source_ms / start_frozen_ms / start_data_ms: process start to the first paint, and to
the seat's data on screen.

``start_source_ms`` and ``start_frozen_ms`` run ``--smoke`` (offscreen) on a fresh, migrated
SQLite database, ``RUNS`` fresh processes each; the value is the median of their
``first_paint_ms``: process start to the start screen's first paint (console/ui/start_screen.py,
painted before the persistence stack is imported). Floor: a bare PySide6 ``QMainWindow`` timed
the same way (first Paint event after ``time.perf_counter()`` at the top of the script), in the
same run, interleaved with ours. Target (issue 18): ≤ 3× the floor. The frozen figure needs
``make dist`` first and is skipped (not reported) without it.

``start_data_ms`` runs ``--smoke`` on the benchmark database (``--orders``, built by the
``demo_data`` benchmark): process start to the seat window showing every queue's first page
and the alarm counts, repainted (the smoke run's ``data_ms``). Floor: a bare script doing the
same reads with plain ``sqlite3`` (the four queues' first pages, the open alarm counts) into a
bare PySide6 window with four tables, painted. Target: ≤ 1,000 ms at 1 M orders. With the
frozen bundle built, ``start_data_frozen_ms`` is the same for it (what a seat's .deb runs).
Each run's ``data_cpu_ms`` (the process's CPU time by then) goes to stderr with the runs: on a
shared machine it is steadier than the wall time.

Every figure runs with the console's modules compiled to bytecode, as an installed console has
them (pip compiles on install, the frozen bundle holds bytecode): the bench compiles them first and
clears ``PYTHONDONTWRITEBYTECODE`` for its runs — with it set, each start compiled ~600 modules
from source (~0.4 s of CPU measured 2026-12-05), a cost no seat pays.
"""

from __future__ import annotations

import compileall
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from common import Context, Figure, time_figure
from queues import COLUMNS, FLOOR_SQL, PAGE

from console.store.queues import QueueKind

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "linkage-console" / "linkage-console"
RUNS = 5
SEAT = "A-01"  # the smoke run's seat (the config default), and the floor's
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
BARE_DATA = """
import sys, time; t = time.perf_counter()
import sqlite3
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem, QTabWidget
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
tabs = QTabWidget(); w.setCentralWidget(tabs)
conn = sqlite3.connect(sys.argv[1])
for title, sql, args in QUERIES:
    rows = conn.execute(sql, args).fetchall()
    table = QTableWidget(len(rows), len(rows[0]) if rows else 0)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))
    tabs.addTab(table, title)
counts = conn.execute(
    "SELECT level, count(*) FROM alarm WHERE raised_at IS NOT NULL AND resolved_at IS NULL "
    "AND acknowledged_at IS NULL GROUP BY level"
).fetchall()
tabs.addTab(QTableWidget(), f"Alarms ({sum(n for _l, n in counts)})")
w.show(); w.repaint()
print(f"data_ms={(time.perf_counter() - t) * 1000:.1f}", flush=True)
"""


def _bare_data_script() -> str:
    queries = []
    args = {QueueKind.MINE: (SEAT,), QueueKind.PLATFORM_OPEN: ("12345",),
            QueueKind.AWAITING_SIGN_FOR: ("12345",), QueueKind.ALL: ()}  # fmt: skip
    for kind, where in FLOOR_SQL.items():
        due = "sign_for_due" if kind is QueueKind.AWAITING_SIGN_FOR else "feedback_due"
        sql = f"SELECT {COLUMNS.format(due=due)} FROM work_order {where} LIMIT ?"
        queries.append((kind.value, sql, (*args[kind], PAGE + 1)))
    return BARE_DATA.replace(
        "for title, sql, args in QUERIES:", f"for title, sql, args in {queries!r}:"
    )


def _measure(
    cmd: list[str], env: dict[str, str], key: str, cpu: list[float] | None = None
) -> float:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    match = re.search(rf"\b{key}=([\d.]+)", done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"{cmd[0]} failed: {done.stderr[-2000:]}")
    spent = re.search(r"\bdata_cpu_ms=([\d.]+)", done.stdout)
    if cpu is not None and spent is not None:
        cpu.append(float(spent.group(1)))
    return float(match.group(1))


def _paired(
    ctx: Context, label: str, ours: list[str], env: dict[str, str]
) -> tuple[list[float], list[float]]:
    """Ours and the bare window, one after the other, ``RUNS`` times: the same load for both."""
    mine, bare = [], []
    for i in range(RUNS):
        db = f"sqlite:///{ctx.workdir / f'start-{label}-{i}.sqlite3'}"
        _measure([*ours, "--db", db, "--smoke"], env, "first_paint_ms")  # create + migrate
        bare.append(_measure([sys.executable, "-c", BARE], env, "first_paint_ms"))
        mine.append(_measure([*ours, "--db", db, "--smoke"], env, "first_paint_ms"))
    return mine, bare


def _report(name: str, ours: list[float], floor: list[float]) -> Figure:
    """Medians; the runs (in order, each ours after its floor) and each pair's ratio on stderr:
    on a shared machine the pairs' ratios are steadier than either series."""
    pairs = [round(o / f, 2) for o, f in zip(ours, floor, strict=True)]
    print(f"#   {name}: ours {ours}; floor {floor}; pairs' ratios {pairs} "
          f"(median {statistics.median(pairs):.2f})", file=sys.stderr)  # fmt: skip
    return time_figure(name, "ms", statistics.median(ours), statistics.median(floor))


def run(ctx: Context) -> list[Figure]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode (see the module)
    compileall.compile_dir(ROOT / "console", quiet=1)
    source, floor = _paired(ctx, "source", [sys.executable, "-m", "console"], env)
    figures = [_report("start_source_ms", source, floor)]
    if FROZEN.exists():
        frozen, floor = _paired(ctx, "frozen", [str(FROZEN)], env)
        figures.append(_report("start_frozen_ms", frozen, floor))
    path = ctx.bench_db_path()
    if not path.exists():
        print(f"# start_data_ms skipped: {path} is missing (run demo_data first)", file=sys.stderr)
        return figures
    seat = ["--db", f"sqlite:///{path}", "--seat", SEAT, "--smoke"]
    bare_data = [sys.executable, "-c", _bare_data_script(), str(path)]
    figures.append(_data(env, "start_data_ms", [sys.executable, "-m", "console", *seat], bare_data))
    if FROZEN.exists():  # what a seat's .deb runs
        figures.append(_data(env, "start_data_frozen_ms", [str(FROZEN), *seat], bare_data))
    return figures


def _data(env: dict[str, str], name: str, ours: list[str], bare: list[str]) -> Figure:
    """``ours`` to its data on screen and the bare reads into a bare window, ``RUNS`` pairs."""
    _measure(ours, env, "data_ms")  # migrates the database if it must; warm
    data: list[float] = []
    data_floor: list[float] = []
    cpu: list[float] = []
    for _ in range(RUNS):
        data_floor.append(_measure(bare, env, "data_ms"))
        data.append(_measure(ours, env, "data_ms", cpu))
    print(f"#   {name}: CPU by then (data_cpu_ms) {cpu}", file=sys.stderr)
    return _report(name, data, data_floor)
