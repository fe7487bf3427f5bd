"""Kill -9 during transfers, many times: no half-made transfer, none lost, none doubled."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.orders import Status, replay
from console.store import orders as repo
from console.store.engine import Database

WORKER = Path(__file__).with_name("transfer_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def run_worker(url: str, journal: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(journal), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.slow
def test_kill_9_at_random_points_never_half_transfers(sqlite_db: Database, tmp_path: Path) -> None:
    url = str(sqlite_db.engine.url)
    journal = tmp_path / "journal.txt"
    rng = random.Random(12345)
    kills = 0
    while kills < 25 or journal.read_text().count("want ") < 200:
        worker = run_worker(url, journal)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()  # type: ignore[union-attr]
        time.sleep(rng.uniform(0.02, 0.4))  # somewhere in the middle of a transfer, or between
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        kills += 1
        assert kills < 200, "the worker made no progress"
    recover = run_worker(url, journal, "--recover")
    assert recover.wait(timeout=60) == 0, recover.stderr.read()  # type: ignore[union-attr]

    wanted = [line.split() for line in journal.read_text().splitlines() if line.startswith("want")]
    assert len(wanted) >= 200
    with sqlite_db.read() as s:
        keys = dict(s.execute(text("SELECT key, order_id FROM transfer_request")).all())
        states = dict(s.execute(text("SELECT key, state FROM transfer_request")).all())
        events = s.execute(
            text("SELECT order_id, count(*) FROM order_event WHERE action = 'transfer' GROUP BY 1")
        ).all()
        numbers = [r[0] for r in s.execute(text("SELECT number FROM work_order"))]
        for number in numbers:  # every order's state is explained by its timeline
            order = repo.get(s, number).order
            assert replay(order.timeline) == (order.status, order.owner)
    # Every journaled request was carried out exactly once (the retry after the kill included).
    assert {k for _, k, _ in wanted} <= set(keys)
    assert all(count == 1 for _, count in events)
    assert len(events) == len(keys)
    # Nothing is left half-way: every request done, each done one is exactly one transfer.
    assert set(states.values()) == {"done"}
    assert {keys[k] for k in keys} == {order_id for order_id, _ in events}
    transferred = {order_id for order_id, _ in events}
    with sqlite_db.read() as s:
        statuses = dict(s.execute(text("SELECT id, status FROM work_order")).all())
    for order_id in transferred:
        assert statuses[order_id] == Status.TRANSFERRED.value
