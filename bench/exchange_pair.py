"""Two platforms as two systems for the exchange benchmarks (not a benchmark itself): each its
own database (SQLite files, or two databases in a throwaway PostgreSQL cluster) and its own
``python -m console exchange serve`` process, linked over loopback HTTPS with mutual TLS, as
tests/exchange/serving.py sets them up.

Seats' steps written in bulk (:class:`BulkSeat`): the order built and stepped by the domain
(``new_order``, ``apply``, the site policy's deadlines, as ``OrderWriter`` does), its rows and
its message (``message_for`` + the codec: real, schema-valid messages, as ``Outbox.step``
writes them) written many to a transaction. What the bulk path leaves out, because neither
the sender nor the peer reads it: the sending side's alarm rows and audit rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from sqlalchemy import create_engine, insert, text
from sqlmodel import Session, col, func, select

from console.domain.calendar import load_calendar
from console.domain.exchange import Sender
from console.domain.exchange_steps import message_for
from console.domain.orders import (
    Action,
    Actor,
    Caller,
    Platform,
    WorkOrder,
    apply,
    new_order,
    order_number,
)
from console.services.alarms import load_site_policy
from console.services.exchange_codec import ExchangeCodec
from console.store import orders as repo
from console.store.engine import Database
from console.store.exchange_tables import InboxRow, OutboxRow
from console.store.setup import init_db
from tests.exchange.serving import two_systems

SYSTEM = {Platform.HOTLINE: "LN-12345", Platform.POLICE: "LN-110"}
HOTLINE_SEAT = Actor("王丽", "A-01", Platform.HOTLINE)
POLICE_SEAT = Actor("李强", "J-07", Platform.POLICE)


@contextmanager
def postgres() -> Iterator[object | None]:
    """A throwaway PostgreSQL cluster (tests/pg.py), or None where PostgreSQL is not installed."""
    from tests.pg import Cluster, PgUnavailable

    try:
        cluster = Cluster()
        cluster.start()
    except PgUnavailable as exc:
        print(f"# PostgreSQL unavailable: {exc}", file=sys.stderr)
        yield None
        return
    try:
        yield cluster
    finally:
        cluster.stop()


class Pair:
    """Both platforms' databases (migrated) and configs; endpoints started on demand."""

    def __init__(self, folder: Path, cluster: object | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        urls = {}
        for platform in ("12345", "110"):
            if cluster is None:
                path = folder / f"{platform}.sqlite3"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                urls[platform] = f"sqlite:///{path}"
            else:
                name = f"x{platform}_{uuid4().hex[:8]}"
                admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")  # type: ignore[attr-defined]
                with admin.connect() as conn:
                    conn.execute(text(f"CREATE DATABASE {name}"))
                admin.dispose()
                urls[platform] = cluster.url(name)  # type: ignore[attr-defined]
        self.systems = two_systems(folder, urls)
        self.dbs = {p: init_db(url)[0] for p, url in urls.items()}
        self._procs: dict[str, subprocess.Popen[str]] = {}

    def db(self, platform: Platform) -> Database:
        return self.dbs[platform.value]

    def start(self, platform: Platform, env: dict[str, str] | None = None) -> float:
        """Start the platform's endpoint; returns ``perf_counter()`` when it listens."""
        system = self.systems[platform.value]
        log = open(self.folder / f"serve-{platform.value}.log", "a", encoding="utf-8")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "console", "--config", str(system.config), "exchange", "serve"],
            stdout=subprocess.PIPE, stderr=log, text=True,
            env={**os.environ, "CONSOLE_DB": system.url, **(env or {})},
        )  # fmt: skip
        log.close()
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on" not in line:
            proc.kill()
            raise RuntimeError(f"exchange serve did not start: {line!r}; see {log.name}")
        self._procs[platform.value] = proc
        return time.perf_counter()

    def stop(self, platform: Platform) -> None:
        proc = self._procs.pop(platform.value, None)
        if proc is not None and proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)

    def close(self) -> None:
        for platform in list(self._procs):
            self.stop(Platform(platform))
        for db in self.dbs.values():
            db.dispose()


def inbox_count(db: Database) -> int:
    """Messages applied here (answered 200); a refused one never counts, so a benchmark whose
    messages the peer refuses times out instead of reporting a figure."""
    with db.read() as session:
        return int(
            session.exec(
                select(func.count()).where(col(InboxRow.status) == 200)  # type: ignore[arg-type]
            ).one()
        )


def queued_count(db: Database) -> int:
    with db.read() as session:
        return int(
            session.exec(
                select(func.count()).where(col(OutboxRow.state) == "queued")  # type: ignore[arg-type]
            ).one()
        )


@dataclass
class BulkSeat:
    """A platform's seats writing many steps at once (see the module's doc)."""

    db: Database
    platform: Platform
    day: str = "20991231"  # the numbers' day: none a seat gives today

    def __post_init__(self) -> None:
        self.codec = ExchangeCodec()
        self.sender = Sender(self.platform, SYSTEM[self.platform])
        self.policy, self.calendar = load_site_policy(self.db), load_calendar()
        self._n = 0

    def new_transferred(self, now: datetime) -> WorkOrder:
        """A 12345 order created and transferred to 110 at ``now`` (in memory)."""
        self._n += 1
        order = new_order(
            number=order_number(self.platform, self.day, self._n),
            actor=HOTLINE_SEAT, at=now, caller=Caller(f"138{self._n:08d}", None),
            kind="C-TS", field="F-SH", district="210102", address="沈阳路18号",
            description="小区门口有人持械斗殴，请110出警", consent=True,
        )  # fmt: skip
        started = self.policy.deadlines_for(
            order.kind, order.priority, order.owner, now, self.calendar, field=order.field
        )
        order = replace(order, deadlines=started.deadlines)
        fresh = self.policy.transfer_deadlines(
            order.kind, order.priority, order.owner.peer, now, self.calendar,
            field=order.field, completion=order.deadlines.completion,
        )  # fmt: skip
        return apply(order, Action.TRANSFER, HOTLINE_SEAT, now, "涉嫌违法，转110",
                     deadlines=fresh.deadlines)  # fmt: skip

    def message_row(self, order: WorkOrder, sequence: int, now: datetime) -> dict[str, object]:
        action = order.timeline[-1].action
        message = message_for(
            order, action, sender=self.sender, message_id=uuid4(), transaction_id=uuid4(),
            sent_at=now, sequence=sequence,
        )  # fmt: skip
        env = message.envelope
        return {
            "message_id": str(env.message_id), "transaction_id": str(env.transaction_id),
            "order_number": order.number, "sequence": sequence, "kind": env.kind.value,
            "seat": order.timeline[-1].seat, "body": self.codec.encode(message),
            "created_at": now, "state": "queued", "attempts": 0, "next_try_at": now,
            "last_error": "",
        }  # fmt: skip

    def add_orders(self, session: Session, orders: list[WorkOrder], now: datetime) -> None:
        """Rows of new orders (as ``repo.add`` writes them), many at a time."""
        repo.add_many(session, [(o, now) for o in orders])

    def queue(self, session: Session, rows: list[dict[str, object]]) -> None:
        if rows:
            session.execute(insert(OutboxRow), rows)


def now() -> datetime:
    return datetime.now(UTC)
