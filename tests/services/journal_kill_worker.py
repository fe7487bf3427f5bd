"""Subprocess for the journal's kill -9 runs (tests/services/journal_kill.py): one console's
seat, killed with SIGKILL at a random moment by the parent.

``hold RUN``: the health check said the database is unreachable; saves drafts described
``kill RUN-I`` into the seat's journal one after another, printing ``held RUN-I`` after each
save returned (the agent saw it held). ``replay``: the database is back; writes the journal
(``replayed`` at the end). Usage: python journal_kill_worker.py DB_URL JOURNAL MODE [RUN]
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.journal import JournalService
from console.services.orders import OrderService
from console.store.engine import Database
from console.store.journal_file import JournalFile

# A subprocess: it cannot import tests/, so it makes its 12345 agent itself.
AGENT = Seated(Principal("王丽", "王丽", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")


def draft(description: str) -> Draft:
    return Draft(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description=description, consent=True,
    )  # fmt: skip


def main() -> int:
    url, path, mode = sys.argv[1:4]
    clock = lambda: datetime.now(UTC)  # noqa: E731
    db = Database.open(url)
    journal = JournalService(OrderService(db, clock), AGENT, JournalFile(Path(path)), clock)
    if mode != "hold":
        with db.read() as session:  # connected before "ready": the kill lands in the writes
            session.execute(text("SELECT 1"))
    print("ready", flush=True)
    if mode == "hold":
        run = sys.argv[4]
        journal.health(False)
        for i in range(10_000):
            journal.save(draft(f"kill {run}-{i}"))
            print(f"held {run}-{i}", flush=True)
        return 0
    journal.health(True)
    done = journal.replay()
    print("replayed" if not done.stopped and not done.aside else f"not replayed {done}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
