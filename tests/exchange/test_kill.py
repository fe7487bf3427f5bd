"""kill -9 the sender and the receiver at random moments during a stream of transfers and
feedbacks (issue 14): nothing lost, nothing applied twice, order kept, both audit trails whole.

Each side's ``exchange serve`` (its own database, loopback mutual TLS) is killed with SIGKILL
``CONSOLE_KILLS`` times (default: 10 on SQLite, 5 on PostgreSQL) while the seats keep working,
and started again. ``CONSOLE_KILLS=200`` is the issue's full run (``bench/exchange_kill.py``
prints its figures). ``CONSOLE_KILL_COLD=1`` starts every process cold (``python -m console``)
instead of forking it warm."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select

from console.store.engine import Database
from console.store.exchange_tables import InboxRow
from console.store.tables import EventRow
from tests.exchange.kill_checks import check
from tests.exchange.kill_run import kill_run
from tests.exchange.kill_stream import Stream, WarmServer
from tests.exchange.serving import System, two_systems

pytestmark = pytest.mark.slow
KILLS = {"sqlite": 10, "postgres": 5}


@pytest.fixture(scope="module")
def warm() -> Iterator[WarmServer | None]:
    if os.environ.get("CONSOLE_KILL_COLD") or not hasattr(os, "fork"):
        yield None
        return
    server = WarmServer()
    yield server
    server.close()


@pytest.fixture
def systems(tmp_path: Path, two_dbs: tuple[Database, Database]) -> dict[str, System]:
    urls = {
        "12345": two_dbs[0].engine.url.render_as_string(hide_password=False),
        "110": two_dbs[1].engine.url.render_as_string(hide_password=False),
    }
    made = two_systems(tmp_path, urls)
    for platform, db in zip(("12345", "110"), two_dbs, strict=True):
        made[platform].db = db
    return made


def test_kill_9_during_a_stream_loses_nothing_and_applies_nothing_twice(
    systems: dict[str, System], warm: WarmServer | None, tmp_path: Path
) -> None:
    kind = "postgres" if systems["12345"].url.startswith("postgresql") else "sqlite"
    kills = int(os.environ.get("CONSOLE_KILLS") or KILLS[kind])
    outcome = kill_run(systems, tmp_path, kills, seed=14, warm=warm)
    assert outcome.kills == {"12345": kills, "110": kills}
    assert outcome.tally.lost == 0 and outcome.tally.duplicates == 0
    assert outcome.tally.messages > 4 * kills  # the stream kept going through the kills
    if kind == "sqlite":  # the checks are not vacuous: a lost message and a doubled step show
        assert_checks_see_harm(systems, outcome.stream)


def assert_checks_see_harm(systems: dict[str, System], stream: Stream) -> None:
    police = systems["110"].db
    assert police is not None
    with police.write() as session:
        row = session.exec(select(InboxRow).limit(1)).one()
        session.delete(row)
        event = session.exec(select(EventRow).order_by(col(EventRow.id).desc()).limit(1)).one()
        session.add(EventRow(**{**event.model_dump(), "id": None}))
    with pytest.raises(AssertionError, match="not in 110's inbox") as failed:
        check(systems, stream)
    assert "holds a step twice" in str(failed.value)
