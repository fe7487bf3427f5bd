"""report_year_ms: the reports tab's year (the 365 China days before the demo's end, both
platforms, every district) built by ``ReportService.report`` on the benchmark database: the
daily roll-up summed three ways (by figure, by district, by day), the alarms raised in the year
(by level, by deadline, acknowledgement times), hot spots, incidents and the catalogues' names.
Median of five, after one warm-up.

Floor: the bare ``GROUP BY`` over the roll-up rows the year needs (figure, value, platform
summed over ``report_month``'s whole months and ``report_day``'s edge days) through plain
``sqlite3``, rows fetched, same run: one of the report's three sums, with nothing else. Said on stderr for scale: the
same year recounted from the raw timeline (``order_event`` ⋈ ``work_order``), which is what the
roll-up saves, and how long migration 0017's backfill took if it ran here.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta

from common import UNTIL, Context, Figure, time_figure, timed_ms

from console.services.report_views import Period
from console.services.reports import ReportService
from console.store.setup import init_db

RUNS = 5
YEAR = Period(UNTIL - timedelta(days=365), UNTIL - timedelta(days=1))
FLOOR_SQL = (
    "SELECT figure, value, platform, sum(n) FROM (SELECT figure, value, platform, n "
    "FROM report_month WHERE day >= :ms AND day <= :me UNION ALL "
    "SELECT figure, value, platform, n FROM report_day WHERE (day >= :start AND day < :ms) "
    "OR (day > :mend AND day <= :end)) GROUP BY 1, 2, 3"
)
RAW_SQL = (
    "SELECT e.action, e.platform, o.district, count(*) FROM order_event e "
    "JOIN work_order o ON o.id = e.order_id WHERE e.at >= ? AND e.at < ? GROUP BY 1, 2, 3"
)


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    started = time.perf_counter()
    db, _ = init_db(f"sqlite:///{path}")  # migrates an older benchmark database (backfill)
    migrated_s = time.perf_counter() - started
    service = ReportService(db, lambda: datetime.now(UTC))
    report = service.report(YEAR)
    ours = [timed_ms(lambda: service.report(YEAR)) for _ in range(RUNS)]
    db.dispose()
    conn = sqlite3.connect(path)
    ms, me = date(YEAR.start.year, YEAR.start.month + 1, 1), date(UNTIL.year, UNTIL.month - 1, 1)
    args = {"start": YEAR.start.isoformat(), "end": YEAR.end.isoformat(), "ms": ms.isoformat(),
            "me": me.isoformat(), "mend": (date(UNTIL.year, UNTIL.month, 1) - timedelta(days=1)).isoformat()}  # fmt: skip
    conn.execute(FLOOR_SQL, args).fetchall()
    floor = [timed_ms(lambda: conn.execute(FLOOR_SQL, args).fetchall()) for _ in range(RUNS)]
    since = datetime(YEAR.start.year, YEAR.start.month, YEAR.start.day) - timedelta(hours=8)
    until = datetime(UNTIL.year, UNTIL.month, UNTIL.day) - timedelta(hours=8)
    stamps = (f"{since:%Y-%m-%d %H:%M:%S}.000000", f"{until:%Y-%m-%d %H:%M:%S}.000000")
    raw = timed_ms(lambda: conn.execute(RAW_SQL, stamps).fetchall())
    rollup_rows = conn.execute("SELECT count(*) FROM report_day").fetchone()[0]
    month_rows = conn.execute("SELECT count(*) FROM report_month").fetchone()[0]
    conn.close()
    print(
        f"report_year: {report.created:,} orders created, {report.alarms.raised:,} alarms in the "
        f"year; roll-up {rollup_rows:,} day rows, {month_rows:,} month rows; the raw timeline's GROUP BY alone takes {raw:,.0f} "
        f"ms; init-db (migration, backfill if it ran) {migrated_s:.1f} s",
        file=sys.stderr,
    )
    return [time_figure("report_year_ms", "ms", statistics.median(ours), statistics.median(floor))]
