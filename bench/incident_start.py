"""incident_start_ms: a shift lead starts a plan with 30 partners → every notification handed to
the port (target ≤ 1,000 ms). ``IncidentService.start`` (with the audit trail, as the console
runs it) then ``IncidentPump.pump`` with an in-process recording ``PartnerNotifier``, measured
from the call to the last hand-over recorded; 50 starts, median and p95.

Its own fresh SQLite database: a directory of 3 partners of each of 10 kinds in 沈阳 (30 in
all: the demo directory ``init_db`` seeds is taken out of the city) and a plan book whose
自然灾害 Ⅰ级 plan names those 10 kinds.

Floor: the same rows (the incident, its 30 partners, 30 notifications, 30 alarms, its timeline
and audit rows, copied from one of our starts) inserted by plain ``sqlite3.executemany`` in one
transaction, then 30 plain tuples handed to a function and the notifications and partners
marked handed by one UPDATE each in a second transaction.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from common import Context, Figure, p95, time_figure
from sqlalchemy import text

from console.domain.emergency import (
    Channel,
    EventType,
    Level,
    PartnerKind,
    Plan,
    PlanBook,
    PlanStep,
)
from console.domain.orders import Platform
from console.services.audit import AuditTrail
from console.services.incident_pump import IncidentPump
from console.services.incident_views import IncidentDraft
from console.services.incidents import IncidentService
from console.services.partner_notifier import Answer, Handover, Notification
from console.store.engine import Database
from console.store.incident_tables import PartnerRow
from console.store.setup import init_db
from tests.principals import lead

SAMPLES = 50
CITY, DISTRICT = "210100", "210102"  # 沈阳市, 和平区
KINDS = tuple(PartnerKind)[:10]
PER_KIND = 3
LEAD = lead("王班长", "L-01", Platform.HOTLINE)
DRAFT = IncidentDraft(EventType.NATURAL, Level.I, DISTRICT, "和平区南京北街", "暴雨内涝，多处被困")
CHILDREN = ("incident_partner", "incident_notification", "incident_alarm", "incident_event")


def plan_book() -> PlanBook:
    """自然灾害 at every level: the ten kinds, 15 minutes each to acknowledge."""
    steps = tuple(PlanStep(k, f"{k.term}：到场处置", 15) for k in KINDS)
    return PlanBook(
        {
            (EventType.NATURAL, lv): Plan(EventType.NATURAL, lv, steps, "bench", "bench")
            for lv in Level
        }
    )


def seed_partners(db: Database) -> int:
    """3 partners of each of the ten kinds in the city (30)."""
    with db.write() as session:
        for k in KINDS:
            for n in range(PER_KIND):
                code = f"B-{k.value}-{n}"
                session.add(PartnerRow(
                    code=code, name=f"沈阳{k.term}{n + 1}", kind=k.value, city=CITY,
                    duty_phone="024-0000000", channel=Channel.SIMULATED.value, address=code,
                ))  # fmt: skip
    return len(KINDS) * PER_KIND


@dataclass
class Recorder:
    """The port's in-process recording double: keeps what it is handed, DUPLICATE on a key held."""

    handed: list[Notification] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def send(self, notification: Notification) -> Handover:
        if notification.key in self.keys:
            return Handover.DUPLICATE
        self.keys.add(notification.key)
        self.handed.append(notification)
        return Handover.ACCEPTED

    def answers(self) -> list[Answer]:
        return []


def now() -> datetime:
    return datetime.now(UTC)


def build(path: Path) -> Database:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    db, _ = init_db(f"sqlite:///{path}")
    with db.write() as session:  # init_db's demo directory has one of each kind in the city too
        session.execute(text("DELETE FROM partner WHERE city = :c"), {"c": CITY})
    seed_partners(db)
    return db


def _ours(db: Database) -> list[float]:
    desk = Recorder()
    service = IncidentService(db, now, plan_book(), audit=AuditTrail(os.urandom(32), now))
    pump = IncidentPump(db, now, desk, service, "L-01")
    samples = []
    for _ in range(SAMPLES):
        before = len(desk.handed)
        start = time.perf_counter()
        line = service.start(LEAD, DRAFT)
        pump.pump()
        samples.append((time.perf_counter() - start) * 1000)
        assert line.partners == 30 and len(desk.handed) - before == 30, "not 30 handed"
    return samples


def _rows(conn: sqlite3.Connection, table: str, where: str, arg: object) -> tuple[list[str], list]:
    cur = conn.execute(f"SELECT * FROM {table} WHERE {where} = ?", (arg,))
    return [d[0] for d in cur.description], cur.fetchall()


def _floor(path: Path) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    (first,) = conn.execute("SELECT min(id) FROM incident").fetchone()
    head = _rows(conn, "incident", "id", first)
    (number,) = conn.execute("SELECT number FROM incident WHERE id = ?", (first,)).fetchone()
    children = {t: _rows(conn, t, "incident_id", first) for t in CHILDREN}
    audit = _rows(conn, "audit", "target", number)
    got: list[tuple[object, ...]] = []

    def hand(item: tuple[object, ...]) -> None:
        got.append(item)

    def insert(table: str, cols: list[str], rows: list, change: dict[str, object]) -> int:
        keep = [c for c in cols if c not in ("id", "seq")]
        at = {c: cols.index(c) for c in keep}
        values = [
            tuple(
                change.get(c, r[at[c]]) if c != "key" else f"{r[at[c]]}#{change['n']}" for c in keep
            )
            for r in rows
        ]
        marks = ", ".join("?" for _ in keep)
        sql = f"INSERT INTO {table} ({', '.join(keep)}) VALUES ({marks})"
        if len(values) == 1:
            return conn.execute(sql, values[0]).lastrowid or 0
        conn.executemany(sql, values)
        return 0

    samples = []
    for n in range(SAMPLES):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        cols, rows = head
        incident_id = insert("incident", cols, rows, {"number": f"FLOOR-{n}", "n": n})
        for table, (cols, rows) in children.items():
            insert(table, cols, rows, {"incident_id": incident_id, "n": n})
        if audit[1]:
            cols, rows = audit
            insert("audit", cols, rows, {"n": n})
        conn.execute("COMMIT")
        notices = conn.execute(
            "SELECT key, partner_code, kind FROM incident_notification WHERE incident_id = ?",
            (incident_id,),
        ).fetchall()
        for item in notices:
            hand(item)
        stamp = now().isoformat()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE incident_notification SET state = 'handed', handed_at = ?, tries = tries + 1 "
            "WHERE incident_id = ?",
            (stamp, incident_id),
        )
        conn.execute(
            "UPDATE incident_partner SET handed_at = ? WHERE incident_id = ?", (stamp, incident_id)
        )
        conn.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
        assert len(notices) == 30, f"floor copied {len(notices)} notifications"
    conn.close()
    assert len(got) == 30 * SAMPLES
    return samples


def run(ctx: Context) -> list[Figure]:
    path = ctx.workdir / "incident-start.sqlite3"
    db = build(path)
    try:
        ours = _ours(db)
    finally:
        db.dispose()
    floor = _floor(path)
    print(f"# incident_start p95 {p95(ours):.1f} ms (floor p95 {p95(floor):.1f} ms), "
          f"{SAMPLES} starts of 30 partners", flush=True)  # fmt: skip
    return [
        time_figure("incident_start_ms", "ms", statistics.median(ours), statistics.median(floor)),
        time_figure("incident_start_p95_ms", "ms", p95(ours), p95(floor)),
    ]
