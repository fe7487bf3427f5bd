"""exchange_db_throughput_msgs_s: 2,000 transfer messages from 12345 to 110 through the
intermediate database (``DatabaseLink`` → the shared schema → ``DatabasePoller``) to a receiver
that answers at once, delivered as the sender does (one delivery of up to 200 at a time, each
waiting for its answers). Measured: first post → last answer back at the sender.
Floor: the same bodies in the same batches through a bare table with plain psycopg: insert
(``executemany``), read back, insert the answers (``executemany``), read them back.

exchange_db_roundtrip_p95_ms: one message delivered alone, the poller idle (woken by NOTIFY),
post → answer at the sender. Floor: a bare insert + ``pg_notify``, the taker blocked on LISTEN
reads it and inserts its answer + ``pg_notify``, the sender blocked on LISTEN reads the answer.

Both in a throwaway PostgreSQL cluster started as the tests start theirs (tests/pg.py).
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
import uuid
from collections.abc import Sequence

import psycopg
from common import Context, Figure, p95, rate_figure, time_figure

from console.paths import bundle_path
from console.services.exchange_dblink import DatabaseLink, DatabasePoller
from console.store import exchange_db

MESSAGES = 2_000
BATCH = 200  # the exchange sender's default batch
ROUNDTRIPS = 200
EXAMPLE = bundle_path("resources", "exchange", "v1", "examples", "message-transfer.json")
ACK = bundle_path("resources", "exchange", "v1", "examples", "ack-applied.json").read_bytes()


def _bodies(n: int) -> list[bytes]:
    """Distinct transfer messages (~2 KB each): the example with a fresh message id."""
    text = EXAMPLE.read_text(encoding="utf-8")
    old = text.split('"messageId": "', 1)[1].split('"', 1)[0]
    return [text.replace(old, str(uuid.uuid4())).encode() for _ in range(n)]


class AtOnce:
    """A receiver that answers every message at once with the applied example's bytes."""

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        return [ACK for _ in bodies]


def _batches(bodies: list[bytes]) -> list[list[bytes]]:
    return [bodies[i : i + BATCH] for i in range(0, len(bodies), BATCH)]


async def _ours(url: str, bodies: list[bytes], alone: list[bytes]) -> tuple[float, list[float]]:
    poller = DatabasePoller(url, "LN-110", AtOnce())
    link = DatabaseLink(url, "LN-12345", "LN-110", answer_wait_s=30)
    poller.start()
    await link.deliver(_bodies(1))  # connected and listening at both ends
    start = time.perf_counter()
    for batch in _batches(bodies):
        answers = await link.deliver(batch)
        if any(a is None for a in answers):
            raise RuntimeError("a delivery came back without all its answers")
    rate = len(bodies) / (time.perf_counter() - start)
    samples = []
    for one in alone:
        start = time.perf_counter()
        if (await link.deliver([one])) != [ACK]:
            raise RuntimeError("a single delivery came back without its answer")
        samples.append((time.perf_counter() - start) * 1000)
    await link.close()
    await poller.stop()
    return rate, samples


def _floor_rate(url: str, bodies: list[bytes]) -> float:
    with psycopg.connect(exchange_db.conninfo(url), autocommit=True) as conn:
        conn.execute("CREATE TABLE floor_message (id bigserial PRIMARY KEY, body bytea NOT NULL)")
        conn.execute("CREATE TABLE floor_answer (id bigint PRIMARY KEY, body bytea)")
        start = time.perf_counter()
        for batch in _batches(bodies):
            with conn.cursor() as cur:
                with conn.transaction():
                    cur.executemany(
                        "INSERT INTO floor_message (body) VALUES (%s) RETURNING id",
                        [(b,) for b in batch],
                        returning=True,
                    )
                    ids = []
                    while True:
                        row = cur.fetchone()
                        assert row is not None
                        ids.append(row[0])
                        if not cur.nextset():
                            break
                taken = cur.execute(
                    "SELECT id, body FROM floor_message WHERE id = ANY(%s) ORDER BY id", (ids,)
                ).fetchall()
                with conn.transaction():
                    cur.executemany(
                        "INSERT INTO floor_answer (id, body) VALUES (%s, %s)",
                        [(i, ACK) for i, _ in taken],
                    )
                got = cur.execute(
                    "SELECT id, body FROM floor_answer WHERE id = ANY(%s)", (ids,)
                ).fetchall()
                assert len(got) == len(batch)
        return len(bodies) / (time.perf_counter() - start)


def _floor_roundtrips(url: str, alone: list[bytes]) -> list[float]:
    info = exchange_db.conninfo(url)
    sender, sender_ear = (
        psycopg.connect(info, autocommit=True),
        psycopg.connect(info, autocommit=True),
    )
    taker = psycopg.connect(info, autocommit=True)
    sender_ear.execute("LISTEN floor_answered")
    taker.execute("LISTEN floor_to")
    ready = threading.Event()

    def take() -> None:
        ready.set()
        for _ in range(len(alone)):
            for _n in taker.notifies(stop_after=1):
                pass
            rows = taker.execute("SELECT id FROM floor_message ORDER BY id DESC LIMIT 1").fetchall()
            with taker.transaction():
                taker.execute("INSERT INTO floor_answer (id, body) VALUES (%s, %s)",
                              (rows[0][0], ACK))  # fmt: skip
                taker.execute("SELECT pg_notify('floor_answered', '')")

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    ready.wait()
    samples = []
    for one in alone:
        start = time.perf_counter()
        with sender.transaction():
            mid = sender.execute(
                "INSERT INTO floor_message (body) VALUES (%s) RETURNING id", (one,)
            ).fetchall()[0][0]
            sender.execute("SELECT pg_notify('floor_to', '')")
        for _n in sender_ear.notifies(stop_after=1):
            pass
        got = sender.execute("SELECT body FROM floor_answer WHERE id = %s", (mid,)).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
        assert got
    thread.join()
    for conn in (sender, sender_ear, taker):
        conn.close()
    return samples


def run(ctx: Context) -> list[Figure]:
    from tests.pg import Cluster, PgUnavailable  # bench/run.py puts the repository on the path

    try:
        cluster = Cluster()
        cluster.start()
    except PgUnavailable as exc:
        print(f"# exchange_database skipped: {exc}", file=sys.stderr)
        return []
    try:
        url = cluster.url()
        exchange_db.create_exchange_schema(url)
        bodies, alone = _bodies(MESSAGES), _bodies(ROUNDTRIPS)
        rate, samples = asyncio.run(_ours(url, bodies, alone))
        floor_rate = _floor_rate(url, bodies)
        floor_samples = _floor_roundtrips(url, alone)
    finally:
        cluster.stop()
    return [
        rate_figure("exchange_db_throughput_msgs_s", "msgs/s", rate, floor_rate),
        time_figure("exchange_db_roundtrip_p95_ms", "ms", p95(samples), p95(floor_samples)),
    ]
