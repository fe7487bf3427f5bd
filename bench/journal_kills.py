"""The issue's full kill -9 run of the seat's outage journal (issue 18):
``python bench/journal_kills.py [--kills 200] [--db sqlite|postgres] [--seed N]``.

A seat process holds orders in its journal and is killed with SIGKILL at a random moment, then
a seat process writes the journal back and is killed at a random moment, ``--kills`` SIGKILLs
in all; one last replay runs to the end and the database is checked
(tests/services/journal_kill.py). Prints one JSON line: kills, kills that cut a replay short (and of those, after it
had written some of the journal),
orders the agent saw held, orders written, lost, duplicates, out of order, left in the journal,
seconds; exits 1 if anything was lost, doubled or out of order. Not a figure of bench/run.py:
a robustness run, minutes long.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from console.store.setup import init_db  # noqa: E402
from tests.services.journal_kill import kill_run  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(prog="bench/journal_kills.py")
    p.add_argument("--kills", type=int, default=200, help="SIGKILLs in all (200)")
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--seed", type=int, default=18)
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="journal-kill-"))
    cluster = None
    try:
        if args.db == "postgres":
            from tests.pg import Cluster

            cluster = Cluster()
            cluster.start()
            url = cluster.url()
        else:
            url = f"sqlite:///{folder / 'db.sqlite3'}"
        db, _ = init_db(url)
        start = time.perf_counter()
        try:
            t = kill_run(db, folder, args.kills, args.seed)
        finally:
            db.dispose()
        print(json.dumps({
            "db": args.db, "kills": t.kills, "kills_in_replay": t.kills_in_replay,
            "cut_mid_way": t.cut_mid_way,
            "held": len(t.held), "orders": t.orders, "lost": t.lost,
            "duplicates": t.duplicates, "out_of_order": t.out_of_order,
            "left_in_journal": t.left_in_journal,
            "seconds": round(time.perf_counter() - start, 1),
        }))  # fmt: skip
        bad = t.lost or t.duplicates or t.out_of_order or t.left_in_journal
        return 1 if bad else 0
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
