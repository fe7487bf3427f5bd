"""hotspot_scan_ms: one hot-spot scan (console/services/hotspots.py) of a 4-hour window on the
benchmark database — the counts of the window and its seven baseline windows per district ×
kind × field in one statement, the test, the orders behind each hot spot, the address repeats,
and storing what is new. Median over the twelve windows of the demo's last two days.

Floor: the bare aggregate statement (the same ``UNION ALL`` over the same eight windows) through
plain ``sqlite3``, rows fetched, no Python work on them, same windows, same run.

Also said on stderr: how many hot spots the demo's last 30 days give a day at the defaults (no
spike is planted in the demo: every one is a false alarm, or a shape of the generator's), by
dimension.

The demo transfer list (db/consultation/transfer-list.toml) is imported into the benchmark
database first, as the console does at start-up, so the scan counts its keyword groups too (the
second statement reads the eight windows' descriptions); the floor is left as it was — the
bare count statement — so the ratio shows what the keyword groups add.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import UNTIL, Context, Figure, time_figure, timed_ms

from console.domain.consultation_file import RuleBook, parse_rule_file
from console.domain.hotspots import CHINA, Dimension, Method, Window, baseline_windows
from console.services.hotspots import VERIFY_KIND, HotspotService
from console.services.order_writer import OrderWriter
from console.store import consultation
from console.store.engine import Database
from console.store.hotspots import WINDOW_SQL

DAYS_COUNTED = 30
ROOT = Path(__file__).resolve().parents[1]


def _ends(days: int) -> list[datetime]:
    last = datetime(UNTIL.year, UNTIL.month, UNTIL.day, tzinfo=CHINA)  # the day after the demo
    return [last - timedelta(hours=4 * k) for k in range(days * 6, 0, -1)]


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _floor(conn: sqlite3.Connection, end: datetime, method: Method) -> None:
    window = Window(end - timedelta(hours=method.every_hours), end)
    windows = [window, *baseline_windows(window, method)]
    sql = " UNION ALL ".join(WINDOW_SQL.format(i=i) for i in range(len(windows)))
    params = {"platform": "12345", "skip": VERIFY_KIND}
    for i, w in enumerate(windows):
        params[f"s{i}"], params[f"e{i}"] = _stamp(w.start), _stamp(w.end)
    conn.execute(sql, params).fetchall()


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    method = Method()
    ends = _ends(2)
    db = Database.open(f"sqlite:///{path}")
    with db.read() as session:
        known = consultation.known(session)
    listed = ROOT / "db" / "consultation" / "transfer-list.toml"
    book = parse_rule_file(listed.read_text(encoding="utf-8"), str(listed), known)
    with db.write() as session:
        consultation.import_book(
            session, RuleBook(items=book.items), "bench", "bench", datetime.now(UTC)
        )
    service = HotspotService(db, lambda: datetime.now(UTC), OrderWriter(None, None), method)
    service.scan(ends[0])  # warm the pool and the page cache alike for both
    ours = [timed_ms(lambda e=e: service.scan(e)) for e in ends]  # type: ignore[misc]
    found = [service.find(service.window(e)) for e in _ends(DAYS_COUNTED)]
    db.dispose()
    conn = sqlite3.connect(path)
    _floor(conn, ends[0], method)
    floor = [timed_ms(lambda e=e: _floor(conn, e, method)) for e in ends]  # type: ignore[misc]
    conn.close()
    counts = [h for spots in found for h in spots]
    per = {d: sum(h.dimension is d for h in counts) / DAYS_COUNTED for d in Dimension}
    print(
        f"hotspot_scan: the demo's last {DAYS_COUNTED} days give {len(counts) / DAYS_COUNTED:.1f} "
        f"hot spots a day at the defaults ("
        + ", ".join(f"{d.value} {n:.1f}" for d, n in per.items())
        + f"; {len(book.items)} keyword groups); scans {min(ours):.0f}–{max(ours):.0f} ms",
        file=sys.stderr,
    )
    return [time_figure("hotspot_scan_ms", "ms", statistics.median(ours), statistics.median(floor))]
