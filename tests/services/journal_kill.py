"""The journal's kill -9 run, shared by the test (a few kills) and bench/journal_kills.py (200).

Over and over: a seat process holds orders in its journal (the database "unreachable") and is
killed at a random moment; then a seat process replays the journal into the database and is
killed at a random moment too — mid-transaction, between a commit and the journal's delete,
or not at all. At the end one replay runs to completion, and the database is checked: every
order the agent was told was held is there exactly once, nothing is there twice, the journal is
empty, and the orders were written in the order they were saved.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from console.store.engine import Database
from console.store.journal_file import JournalFile

WORKER = Path(__file__).with_name("journal_kill_worker.py")
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Tally:
    kills: int = 0
    kills_in_replay: int = 0  # replays killed before they finished
    cut_mid_way: int = 0  # … after writing some of the journal, not all
    held: set[str] = field(default_factory=set)  # acknowledged to the agent as held
    orders: int = 0
    lost: int = 0
    duplicates: int = 0
    out_of_order: int = 0
    left_in_journal: int = 0


def _start(url: str, journal: Path, *mode: str) -> subprocess.Popen[str]:
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), url, str(journal), *mode],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert worker.stdout is not None
    line = worker.stdout.readline().strip()
    if line != "ready":
        raise RuntimeError(f"the worker did not start: {line} {worker.stderr.read()}")  # type: ignore[union-attr]
    return worker


def _kill(worker: subprocess.Popen[str], after_s: float) -> list[str]:
    time.sleep(after_s)  # a random moment of the worker's work: what a kill -9 needs
    os.kill(worker.pid, signal.SIGKILL)
    out, _err = worker.communicate()
    return out.splitlines()


def _written(db: Database) -> int:
    with db.read() as s:
        found = s.execute(text("SELECT count(*) FROM work_order WHERE description LIKE 'kill %'"))
        return int(found.scalar_one())


def kill_run(db: Database, folder: Path, kills: int, seed: int = 18) -> Tally:
    url = db.engine.url.render_as_string(hide_password=False)
    journal = folder / "journal" / "A-01.sqlite3"
    rng = random.Random(seed)
    tally = Tally()
    run = 0
    window = 0.3  # s: a replay is killed within it; widened while the kills land before any write
    while tally.kills < kills:
        run += 1
        lines = _kill(_start(url, journal, "hold", str(run)), rng.uniform(0.0, 0.15))
        tally.held |= {line.split()[1] for line in lines if line.startswith("held ")}
        tally.kills += 1
        before = _written(db)
        replay = _start(url, journal, "replay")
        lines = _kill(replay, rng.uniform(0.0, window))
        tally.kills += 1
        if "replayed" in lines:
            window = max(0.1, window * 0.8)
            continue
        tally.kills_in_replay += 1
        if _written(db) > before:
            tally.cut_mid_way += 1
        else:
            window = min(5.0, window * 1.5)  # a slow machine: the writes had not begun
    final = _start(url, journal, "replay")
    out, err = final.communicate(timeout=300)
    if "replayed" not in out:
        raise RuntimeError(f"the last replay did not finish: {out} {err}")
    with db.read() as s:
        rows = s.execute(
            text("SELECT description, created_at FROM work_order WHERE description LIKE 'kill %'"
                 " ORDER BY id")
        ).all()  # fmt: skip
    written = [str(r[0]).removeprefix("kill ") for r in rows]
    tally.orders = len(written)
    tally.duplicates = len(written) - len(set(written))
    tally.lost = len(tally.held - set(written))
    saved = [(int(w.split("-")[0]), int(w.split("-")[1])) for w in written]
    tally.out_of_order = sum(1 for a, b in itertools.pairwise(saved) if a > b)
    left = JournalFile(journal)
    tally.left_in_journal = len(left.entries())
    left.close()
    return tally
