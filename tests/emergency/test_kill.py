"""kill -9 during a start (issue 15): no partner notified twice, none forgotten, a start that
did not commit left nothing.

Each loop a child (forked warm by :mod:`tests.emergency.kill_start`) starts an incident with 30
partners, pumps its notifications into a durable recording channel, raises its level and pumps
again; it is killed with SIGKILL at a random moment of that work (uniform over one unkilled
run's length, so some loops finish). The test then pumps in-process until nothing is queued and
checks the loop's incident against what the channel received (:mod:`kill_checks`). One database
for all loops (numbers keep counting across kills), a fresh channel file each loop.

``CONSOLE_KILLS`` loops (default: 200 on SQLite, 30 on PostgreSQL, whose loops cost more)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select

from console.store.engine import Database
from console.store.incident_tables import IncidentRow
from tests.emergency.kill_checks import check
from tests.emergency.kill_desk import Received
from tests.emergency.kill_start import drain, seed_partners, services

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked warm"),
]
KILLS = {"sqlite": 200, "postgres": 30}
WARM = 3
ROOT = Path(__file__).resolve().parents[2]


class Forker:
    """The fork server of :mod:`tests.emergency.kill_start`."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.emergency.kill_start"], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def ask(self, **command: object) -> int:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(command) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        assert line, f"the fork server died (exit {process.wait(10)})"
        answer: dict[str, int] = json.loads(line)
        return answer.get("pid", answer.get("status", -1))

    def close(self) -> None:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.close()
        self._process.wait(timeout=30)
        self._process.stdout.close()


@pytest.fixture(scope="module")
def forker() -> Iterator[Forker]:
    server = Forker()
    yield server
    server.close()


def _ids(db: Database) -> set[int]:
    with db.read() as session:
        return set(session.exec(select(col(IncidentRow.id))).all())  # type: ignore[arg-type]


def test_kill_9_during_a_start_forgets_no_partner_and_notifies_none_twice(
    db: Database, forker: Forker, tmp_path: Path
) -> None:
    kind = "sqlite" if db.is_sqlite else "postgres"
    loops = int(os.environ.get("CONSOLE_KILLS") or KILLS[kind])
    url = db.engine.url.render_as_string(hide_password=False)
    seed_partners(db)
    log = tmp_path / "children.log"
    rng = random.Random(15)
    tally: Counter[str] = Counter()
    last: tuple[set[int], list[Received]] | None = None
    length = float("inf")
    for i in range(-WARM, loops):  # the first ones are not killed: they measure a run's length
        before, channel = _ids(db), tmp_path / f"channel-{i}.sqlite3"
        began = time.perf_counter()
        pid = forker.ask(op="run", url=url, channel=str(channel), log=str(log))
        if i < 0:
            status = forker.ask(op="wait", pid=pid)
            length = min(length, time.perf_counter() - began)
        else:
            time.sleep(rng.uniform(0, 1.2 * length))  # the scenario: a random moment
            status = forker.ask(op="kill", pid=pid)
        died = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        assert died or os.waitstatus_to_exitcode(status) == 0, log.read_text()[-3000:]
        _service, pump, desk = services(db, channel)
        recovered = drain(pump)
        found = check(db, desk.received(), before)
        tally["killed" if died else "finished"] += 1
        tally[f"revision {found.revision}"] += 1
        tally["recovered loops"] += recovered > 0
        tally["recovered"] += recovered
        tally["duplicates"] += desk.duplicates()
        if found.revision:
            last = (_ids(db) - before, desk.received())
        desk.close()
    print(f"\n{kind}: {loops} loops, run length {length * 1000:.0f} ms, {dict(tally)}")
    assert tally["killed"] + tally["finished"] == loops + WARM
    if loops >= 50:  # the kills landed before the commit, during the pumps, and after
        assert tally["revision 0"] and tally["recovered loops"] and tally["finished"] > 1
    assert last is not None
    if kind == "sqlite":
        assert_checks_see_harm(db, *last)


def assert_checks_see_harm(db: Database, new: set[int], received: list[Received]) -> None:
    """The checks are not vacuous: a forgotten key and a partner notified twice show."""
    before = _ids(db) - new
    with pytest.raises(AssertionError, match="forgotten"):
        check(db, received[1:], before)
    one = received[0]
    again = Received(
        one.key + "-again", one.incident, one.partner, "ask", one.revision, one.attempt
    )
    with pytest.raises(AssertionError, match="notified 2 times"):
        check(db, [*received, again], before)
