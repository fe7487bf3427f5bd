"""audit_overhead_ms: what recording an order step in the audit trail adds to the step (target
≤ 1 ms added, on SQLite).

The same step (处置, start handling) on fresh orders in one database, alternately through an
``OrderService`` with the audit trail and one without; the figure is the median step with its
audit row minus the median step without. Floor: the median step without (so the ratio is the
share of the step the audit row adds). Its own small database: the cost does not grow with the
number of orders (the chain head is the last row of the primary key).
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import UTC, datetime

from common import Context, Figure, time_figure

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.domain.roles import Principal, Role, Seated
from console.services.alarms import load_site_policy
from console.services.audit import AuditTrail
from console.services.orders import OrderService
from console.store.setup import init_db

SAMPLES = 300
SEAT = Seated(Principal("wangli", "王丽", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")
DRAFT = Draft(
    caller_phone="13812345678", kind="C-ZX", field="F-SH", district="210102",
    description="咨询社保卡补办流程", consent=True,
)  # fmt: skip


def run(ctx: Context) -> list[Figure]:
    path = ctx.workdir / "audit-overhead.sqlite3"
    path.unlink(missing_ok=True)
    db, _ = init_db(f"sqlite:///{path}")

    def now() -> datetime:
        return datetime.now(UTC)

    policy, calendar = load_site_policy(db), load_calendar()
    plain = OrderService(db, now, policy, calendar)
    audited = OrderService(db, now, policy, calendar, audit=AuditTrail(os.urandom(32), now))
    timings: dict[bool, list[float]] = {False: [], True: []}
    try:
        for i in range(2 * SAMPLES):
            with_audit = i % 2 == 1
            orders = audited if with_audit else plain
            number = orders.create(DRAFT, SEAT).order.number
            start = time.perf_counter()
            orders.act(number, Action.START_HANDLING, SEAT, seen=1)
            timings[with_audit].append((time.perf_counter() - start) * 1000)
    finally:
        db.dispose()
    without = statistics.median(timings[False])
    added = statistics.median(timings[True]) - without
    return [time_figure("audit_overhead_ms", "ms", added, without)]
