"""Hundreds of seats on one PostgreSQL (issue 18): ``seats_write_p95_ms`` (target ≤ 100 at 50
seats), reads p95, orders lost / duplicated, deadlocks and serialization failures reaching a
seat, and the change fan-out: re-reads a second per seat, before and after NOTIFY payloads
name what changed.

The floor: N simulated seats (bench/seats_seat.py) against a throwaway PostgreSQL 15 cluster on
loopback (tests/pg.py, ``max_connections`` raised to hold 2 connections a seat), every seat a
thread holding what a console holds — its own engine (one pool connection in use at a time) and
its own LISTEN connection — spread over a few processes (``SEATS_PROCESSES``, default 4: the
GIL, and two cores). Every third seat is a 110 seat, the others 12345 seats.

The mix, at 10× a big city's day: 300,000 orders a day ≈ 3.5 orders/s across the floor
(``ORDERS_PER_S``), whatever the number of seats (more seats: each takes fewer calls). A call:
agent state 通话中, the screen pop (caller history, 20,000 callers), the order saved, 话后整理,
the seat's queue re-read, 就绪 — the agent-state records are ``notify=False`` writes. A fifth of
12345 orders are transferred at once (一键转接); the 110 seat they fall to (crc32 of the number)
sees it in its 待签收 queue on its next change poll, signs for it, handles it 5-20 s later and
feeds back 5-20 s after; the 12345 seat completes it (办结) once fed back (tried every 20 s).
The other orders are handled, fed back and completed by their own seat, each step 5-20 s after
the one before, every step opening the order first (a read) and re-reading the seat's queue
after. Each seat also sweeps alarms every 15 s and beats its heartbeat every 30 s (writes), and
polls its change watch every 200 ms: on a change it re-reads what the change concerns, as
``app_window.on_topics`` does (``change_topics.concerns``): its queue's first page and its inbox
(its platform's orders changed), the order the linkage strip follows (any order), the alarm
panel (alarms; at most once a second), the order in its detail (that order). "Before" (payloads
ignored) re-reads all of them on every change.

Figures: writes = every service write a seat waits for (orders, steps, transfers, agent state,
sweeps, heartbeats); reads = screen pop, queue page, inbox, order, alarm panel; write CPU = each
write's CPU time on its seat's own thread (a console's work on its own desktop: the rest of a
write's wall time is the server, the network and waiting for one of this machine's 2 cores). Lost: an order
a seat was told was saved that is not there, or whose events are fewer than the steps seats
were told were saved; duplicates: an order number twice. Floor: the same count of each write
as bare SQL on one psycopg connection (INSERT an order row and its event + NOTIFY; UPDATE with
a version check + an event + NOTIFY), one transaction each, p95.

``python bench/seats.py --seats 10,50 --seconds 30`` runs it alone (``--before`` adds the run
with payloads ignored); bench/run.py runs ``SEATS`` (default 10,50) for 30 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import psycopg  # noqa: E402
from common import Context, Figure, p95, time_figure  # noqa: E402
from seats_seat import Plan, merge, platform_of, run_slice  # noqa: E402

ORDERS_PER_S = 300_000 / 86_400
SECONDS = float(os.environ.get("SEATS_SECONDS", "30"))
SIZES = [int(n) for n in os.environ.get("SEATS", "10,50").split(",")]
PROCESSES = int(os.environ.get("SEATS_PROCESSES", "4"))
MAX_CONNECTIONS = 700


class CpuClock:
    """The machine's busy share and this cluster's server processes' CPU seconds (/proc): the
    postmaster, its children, and its ended children (backends that closed meanwhile)."""

    def __init__(self, data: Path) -> None:
        self.postmaster = int((data / "postmaster.pid").read_text().split()[0])
        self.busy0, self.total0 = self._machine()
        self.server0 = self._server()

    @staticmethod
    def _machine() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)

    def _server(self) -> float:
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            parts = text[text.rindex(")") + 2 :].split()
            pid, ppid = int(stat.parent.name), int(parts[1])
            if pid == self.postmaster:  # its own, and its ended children's
                ticks += sum(int(x) for x in parts[11:15])
            elif ppid == self.postmaster:
                ticks += int(parts[11]) + int(parts[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def read(self, seconds: float) -> tuple[float, float]:
        """(machine busy %, server CPU % of one core) since made."""
        busy, total = self._machine()
        share = 100 * (busy - self.busy0) / max(1, total - self.total0)
        return share, 100 * (self._server() - self.server0) / seconds


def start_cluster() -> Any:
    from tests.pg import Cluster

    cluster = Cluster()
    cluster.start()
    cluster._run(str(cluster.bindir / "psql"), "-h", str(cluster.root), "-p", str(cluster.port),
                 "-U", "app", "-d", "postgres", "-c",
                 f"ALTER SYSTEM SET max_connections = {MAX_CONNECTIONS}")  # fmt: skip
    cluster._run(str(cluster.bindir / "pg_ctl"), "-D", str(cluster.root / "data"), "-w",
                 "-l", str(cluster.root / "log"), "-m", "fast", "restart")  # fmt: skip
    return cluster


def template(cluster: Any) -> str:
    from console.store.setup import init_db

    with psycopg.connect(cluster.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE DATABASE seats_template")
    db, _ = init_db(cluster.url("seats_template"))
    db.dispose()
    return "seats_template"


def fresh_database(cluster: Any, name: str) -> str:
    with psycopg.connect(cluster.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE seats_template")
    return cluster.url(name)


def run_floor(
    url: str, seats: int, seconds: float, topics: bool, data: Path | None = None
) -> dict[str, Any]:
    """``data``: the cluster's data folder, to count its CPU (else not counted: -1)."""
    processes = min(PROCESSES, seats)
    police = len([i for i in range(seats) if platform_of(i).value == "110"])
    start_at = time.time() + 4 + 0.04 * seats  # every process connected and ready by then
    plans = [
        Plan(url, list(range(p, seats, processes)), police, ORDERS_PER_S / seats, topics,
             start_at, seconds)
        for p in range(processes)
    ]  # fmt: skip
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = [pool.submit(run_slice, plan) for plan in plans]
        while time.time() < start_at:
            time.sleep(0.05)
        clock = CpuClock(data) if data is not None else None
        parts = [f.result() for f in futures]
        machine, server = clock.read(seconds) if clock is not None else (-1.0, -1.0)
    out = merge(parts)
    out["machine_busy_pct"], out["server_cpu_pct"] = machine, server
    out["late_start"] = max(0.0, time.time() - start_at - seconds)
    return out


def verify(url: str, steps: dict[str, int]) -> tuple[int, int, int]:
    """(orders lost, duplicated, with fewer events than the seats saved)."""
    numbers = list(steps)
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        rows = conn.execute(
            "SELECT o.number, count(DISTINCT o.id), count(e.id) FROM work_order o"
            " LEFT JOIN order_event e ON e.order_id = o.id WHERE o.number = ANY(%s)"
            " GROUP BY o.number", (numbers,),
        ).fetchall()  # fmt: skip
    found = {n: (int(c), int(e)) for n, c, e in rows}
    lost = len(set(numbers) - set(found))
    duplicated = sum(1 for c, _e in found.values() if c > 1)
    short = sum(1 for n, (_c, e) in found.items() if e < steps[n])
    return lost, duplicated, short


def floor_p95(url: str, counts: dict[str, int]) -> float:
    """The mix's writes as bare SQL on one connection, one transaction each: p95 ms."""
    samples: list[float] = []
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        conn.execute("CREATE TABLE bare_order (id bigserial PRIMARY KEY, number text UNIQUE,"
                     " owner text, status text, version int)")  # fmt: skip
        conn.execute("CREATE TABLE bare_event (id bigserial PRIMARY KEY, order_id bigint,"
                     " action text, at timestamptz)")  # fmt: skip
        conn.commit()
        made: list[int] = []
        creates = counts.get("create", 0)
        for n in range(sum(counts.values())):
            start = time.perf_counter()
            if n < creates or not made:
                (oid,) = conn.execute(
                    "INSERT INTO bare_order (number, owner, status, version)"
                    " VALUES (%s, '12345', 'received', 1) RETURNING id", (f"bare-{n}",),
                ).fetchone()  # type: ignore[misc]  # fmt: skip
                made.append(oid)
            else:
                oid = made[n % len(made)]
                conn.execute("UPDATE bare_order SET status = 'handling', version = version + 1"
                             " WHERE id = %s AND version = version", (oid,))  # fmt: skip
            conn.execute("INSERT INTO bare_event (order_id, action, at) VALUES (%s, 'x', now())",
                         (oid,))  # fmt: skip
            conn.execute("SELECT pg_notify('console_changes', 'p:12345')")
            conn.commit()
            samples.append((time.perf_counter() - start) * 1000)
    return p95(samples)


def figures(seats: int, r: dict[str, Any], seconds: float, floor: float, url: str) -> list[Figure]:
    writes = [ms for name, s in r["writes"].items() for ms in s]
    reads = [ms for s in r["reads"].values() for ms in s]
    orders = [ms for name, s in r["writes"].items() if name != "agent_state"
              and name not in ("alarm_sweep", "heartbeat") for ms in s]  # fmt: skip
    lost, duplicated, short = verify(url, r["steps"])
    rereads = sum(r["rereads"].values()) / seconds / seats
    queue_rereads = r["rereads"].get("queues", 0) / seconds / seats
    without = sum(r["rereads_without_topics"].values()) / seconds / seats
    queue_without = r["rereads_without_topics"].get("queues", 0) / seconds / seats
    errors = sum(r["db_errors"].values())
    changes = r["polls_changed"] / seconds / seats
    unnarrowed = 100 * r["polls_everything"] / max(1, r["polls_changed"])
    at = f"_{seats}"
    return [
        time_figure(f"seats_write_p95_ms{at}", "ms", p95(writes), floor),
        time_figure(f"seats_order_write_p95_ms{at}", "ms", p95(orders), floor),
        # the seat's own CPU per write: what the wall time would be with a CPU of its own and
        # nothing to wait for but the server
        time_figure(f"seats_write_cpu_p95_ms{at}", "ms", p95(r["writes_cpu"]), floor),
        time_figure(f"seats_read_p95_ms{at}", "ms", p95(reads), floor),
        Figure(f"seats_writes_per_s{at}", len(writes) / seconds, "/s", 0, 0),
        Figure(f"seats_orders_saved{at}", len(r["writes"].get("create", [])), "orders", 0, 0),
        Figure(f"seats_lost{at}", lost + short, "orders", 0, 0),
        Figure(f"seats_duplicates{at}", duplicated, "orders", 0, 0),
        Figure(f"seats_db_errors{at}", errors, "errors", 0, 0),
        Figure(f"seats_rereads_per_s_per_seat{at}", rereads, "/s", 0, 0),
        Figure(f"seats_queue_rereads_per_s_per_seat{at}", queue_rereads, "/s", 0, 0),
        # the same changes, had every one re-read everything (the console before the topics)
        Figure(f"seats_rereads_without_topics_per_s_per_seat{at}", without, "/s", 0, 0),
        Figure(f"seats_queue_rereads_without_topics_per_s_per_seat{at}", queue_without, "/s", 0, 0),
        Figure(f"seats_changes_per_s_per_seat{at}", changes, "/s", 0, 0),
        Figure(f"seats_changes_unnarrowed_pct{at}", unnarrowed, "%", 0, 0),
        Figure(f"seats_machine_busy_pct{at}", r["machine_busy_pct"], "%", 0, 0),
        Figure(f"seats_server_cpu_pct{at}", r["server_cpu_pct"], "% core", 0, 0),
        Figure(f"seats_client_cpu_pct{at}", 100 * r["cpu_s"] / seconds, "% core", 0, 0),
        Figure(f"seats_late_s{at}", r["late_start"], "s", 0, 0),
    ]


def measure(sizes: list[int], seconds: float, before: bool) -> list[Figure]:
    cluster = start_cluster()
    out: list[Figure] = []
    try:
        template(cluster)
        for seats in sizes:
            for topics in [False, True] if before else [True]:
                url = fresh_database(cluster, f"seats_{seats}_{int(topics)}")
                r = run_floor(url, seats, seconds, topics, cluster.root / "data")
                counts = {k: len(v) for k, v in r["writes"].items()}
                floor = floor_p95(url, counts)
                found = figures(seats, r, seconds, floor, url)
                if not topics:
                    found = [Figure(f.name + "_before", f.value, f.unit, f.floor, f.ratio)
                             for f in found]  # fmt: skip
                out += found
                for f in found:
                    print(f"# {f.name:44} {f.value:10.2f} {f.unit:7} floor {f.floor:8.2f}",
                          file=sys.stderr, flush=True)  # fmt: skip
                kinds = {**r["writes"], **{f"read:{k}": v for k, v in r["reads"].items()}}
                print("# p95 ms by kind: " + ", ".join(
                    f"{k} {p95(v) if len(v) > 1 else v[0]:.0f} (n={len(v)})"
                    for k, v in sorted(kinds.items()) if v
                ), file=sys.stderr, flush=True)  # fmt: skip
                if r["refused"] or r["db_errors"]:
                    print(f"# refused {r['refused']} db errors {r['db_errors']}",
                          file=sys.stderr, flush=True)  # fmt: skip
    finally:
        cluster.stop()
    return out


def run(ctx: Context) -> list[Figure]:
    from tests.pg import PgUnavailable

    try:
        return measure(SIZES, SECONDS, before=False)
    except PgUnavailable as exc:
        print(f"# PostgreSQL unavailable: {exc}", file=sys.stderr)
        return []


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seats", default="10,50")
    p.add_argument("--seconds", type=float, default=SECONDS)
    p.add_argument("--before", action="store_true", help="also run with payloads ignored")
    args = p.parse_args()
    for f in measure([int(n) for n in args.seats.split(",")], args.seconds, args.before):
        print(f"{f.name:44} {f.value:12.3f} {f.unit:7} floor {f.floor:10.3f}", flush=True)


if __name__ == "__main__":
    main()
