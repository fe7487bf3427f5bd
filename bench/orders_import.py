"""orders_import_1m_s: ``python -m console orders import`` of a 1 M-row history file.

The benchmark makes its own CSV (``--orders`` rows, default 1 M: a year of a site's history,
60 % completed, 5 % cancelled, the rest open; UTF-8, English header) and its own fresh SQLite
database in the bench's folder, so the other benchmarks' database is not touched. Timed: the
command's work as it runs it (``console.cli.orders_import.import_orders``: read and decode the
file, check every row against the catalogue, look the numbers up in the database, write orders,
events and the audit row in one transaction), on a database just made by ``init-db``.

Floor: the same rows on another fresh database by the bare minimum: ``csv.reader`` over the same
file, each row made into the order and event tuples with no checking at all (times as given,
codes as given), and plain ``sqlite3.executemany`` of them in one transaction with the indexes
dropped and rebuilt. So the ratio is what checking, normalising, deadlines and the timeline cost
on top of reading and writing the rows. The name says 1m whatever ``--orders`` is.

``orders_import_peak_rss_mb``: the import runs in a child process of its own (the timed figure
is taken inside it, as above), so its peak resident set is the command's alone
(``os.wait4``'s ``ru_maxrss``). Floor: the same child importing a :data:`SMALL`-row file into
another fresh database: the interpreter, the modules and the fixed buffers. A ratio near 1 says
the import's memory does not grow with the file (issue 18: 10 M rows on a seat-class machine).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from common import Context, Figure, drop_order_indexes, insert_sql, time_figure

from console.demo.generate import EVENT_COLUMNS, ORDER_COLUMNS
from console.store.setup import init_db

SMALL = 20_000  # rows of the memory figure's floor
HEADER = ("number,received_at,platform,kind,field,district,address,description,caller_phone,"
          "caller_name,status,completed_at")  # fmt: skip
_HOTLINE = [("C-ZX", "F-GF"), ("C-QZ", "F-GF"), ("C-TS", "F-SC"), ("C-TS", "F-SH"),
            ("C-JB", "F-SC"), ("C-YJ", "F-ST"), ("C-ZX", "F-JJ")]  # fmt: skip
_POLICE = ["P-ZA", "P-JT", "P-XS", "P-JQ", "P-FJW"]
_DISTRICTS = ["210102", "210103", "210104", "210105", "210106", "210112", "210114", "210202"]
_TEXTS = ["小区停水两天，物业未给说法，请尽快恢复供水。", "夜间施工噪音扰民，持续到23点以后。",
          "冬季供暖温度不达标，室温只有14度。", "咨询社保卡补办需要哪些材料，在哪里办理。",
          "超市出售过期食品，商家拒绝退换。", "路口两车剐蹭，无人受伤，需交警处理。"]  # fmt: skip


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    """``rows`` orders over the 365 days of 2025 (China time), deterministic for ``seed``."""
    rng = random.Random(seed)
    rand = rng.random
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\n")
        for i in range(rows):
            day = i * 365 // rows
            month_day = time.strftime("%Y-%m-%d", time.gmtime(1_735_689_600 + day * 86_400))
            hour, minute = 7 + int(rand() * 14), int(rand() * 60)
            received = f"{month_day} {hour:02d}:{minute:02d}:00"
            if rand() < 0.7:
                kind, area = _HOTLINE[int(rand() * len(_HOTLINE))]
                platform = "12345"
            else:
                kind, area, platform = _POLICE[int(rand() * len(_POLICE))], "", "110"
            r = rand()
            status = ("completed" if r < 0.6 else "cancelled" if r < 0.65 else "received"
                      if r < 0.8 else "handling" if r < 0.93 else "fed_back")  # fmt: skip
            done = f"{month_day} {hour + 2:02d}:{minute:02d}:00" if r < 0.65 else ""
            phone = f"13{int(rand() * 1e9):09d}"
            out.write(
                f"H{i:08d},{received},{platform},{kind},{area},"
                f"{_DISTRICTS[int(rand() * len(_DISTRICTS))]},中山路{1 + int(rand() * 299)}号,"
                f"{_TEXTS[int(rand() * len(_TEXTS))]},{phone},,{status},{done}\n"
            )


def _fresh(ctx: Context, name: str) -> Path:
    path = ctx.workdir / name
    for old in ctx.workdir.glob(name + "*"):
        old.unlink()
    db, _ = init_db(f"sqlite:///{path}")
    db.dispose()
    return path


def _ours(ctx: Context, source: Path, name: str = "orders-import.sqlite3") -> tuple[float, float]:
    """(seconds of ``import_orders``, peak RSS in MB of the child process that ran it)."""
    path = _fresh(ctx, name)
    key = ctx.workdir / "orders-import-audit.key"
    key.unlink(missing_ok=True)
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    child = subprocess.Popen(
        [sys.executable, __file__, f"sqlite:///{path}", str(source), str(key)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()  # small: the figure and the progress
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(
            f"orders import refused the benchmark's own file (exit {child.returncode}): "
            f"{err.decode(errors='replace')[-2000:]}"
        )
    for old in ctx.workdir.glob(name + "*"):
        old.unlink()
    return float(out.split()[-1]), usage.ru_maxrss / 1024  # Linux: kilobytes


def _child(url: str, source: Path, key: Path) -> None:
    """The child's work: the command's function, timed inside the process."""
    from console.cli.orders_import import import_orders

    args = argparse.Namespace(file=source, encoding=None, dry_run=False)
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = import_orders(url, args, key, "en")
    elapsed = time.perf_counter() - start
    if code != 0:
        sys.exit(code)
    print(f"{elapsed:.3f}")


FLOOR_CHUNK = 100_000  # rows the floor holds before writing them


def _floor(ctx: Context, source: Path) -> float:
    path = _fresh(ctx, "orders-import-floor.sqlite3")
    conn = sqlite3.connect(path, isolation_level=None)
    order_sql = insert_sql("work_order", ORDER_COLUMNS)
    event_sql = insert_sql("order_event", EVENT_COLUMNS)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    indexes = drop_order_indexes(conn)
    # A chunk of rows at a time (the whole file's tuples at 10 M rows would not fit in memory).
    with source.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        orders: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        for i, (number, at, platform, kind, area, district, address, text, phone, name,
                status, done) in enumerate(rows, start=1):  # fmt: skip
            orders.append((i, number, platform, platform, phone, name or None, kind, area or None,
                           district, address, text, 0, 0, 0, status, None, None, at, at, at,
                           done or at, 1, "import", None, None))  # fmt: skip
            if done:
                events.append((i, at, "import", "import", platform, "create", None, "received",
                               "", ""))  # fmt: skip
                events.append((i, done, "import", "import", platform, "complete", "received",
                               status, "", ""))  # fmt: skip
            else:
                events.append((i, at, "import", "import", platform, "create", None, status, "",
                               ""))  # fmt: skip
            if len(orders) == FLOOR_CHUNK:
                conn.executemany(order_sql, orders)
                conn.executemany(event_sql, events)
                orders, events = [], []
    conn.executemany(order_sql, orders)
    conn.executemany(event_sql, events)
    for sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def run(ctx: Context) -> list[Figure]:
    source = ctx.workdir / f"orders-import-{ctx.orders}.csv"
    if not source.exists():
        make_csv(source, ctx.orders)
    small = ctx.workdir / f"orders-import-{SMALL}.csv"
    if not small.exists():
        make_csv(small, SMALL)
    ours, peak = _ours(ctx, source)
    _, small_peak = _ours(ctx, small, "orders-import-small.sqlite3")
    floor = _floor(ctx, source)
    for name in ("orders-import.sqlite3", "orders-import-floor.sqlite3"):
        for old in ctx.workdir.glob(name + "*"):
            old.unlink()
    return [
        time_figure("orders_import_1m_s", "s", ours, floor),
        time_figure("orders_import_peak_rss_mb", "MB", peak, small_peak),
    ]


if __name__ == "__main__":
    _child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
