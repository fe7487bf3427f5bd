"""Kill -9 the seat while it holds a journal or writes it back: nothing lost, nothing doubled
(issue 18). CI runs 20 kills; bench/journal_kills.py runs 200 (BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.store.engine import Database
from tests.services.journal_kill import kill_run


@pytest.mark.slow
def test_kill_9_while_holding_or_replaying_loses_and_doubles_nothing(
    db: Database, tmp_path: Path
) -> None:
    tally = kill_run(db, tmp_path, kills=20)
    assert tally.kills >= 20
    assert tally.cut_mid_way >= 1, "no replay was killed half-way through the journal"
    assert len(tally.held) >= 10, "the workers held almost nothing before they were killed"
    assert tally.lost == 0
    assert tally.duplicates == 0
    assert tally.out_of_order == 0
    assert tally.left_in_journal == 0
    assert tally.orders >= len(tally.held)  # some held after the last "held" line was printed
