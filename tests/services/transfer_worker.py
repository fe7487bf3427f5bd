"""Subprocess for the kill -9 test: records orders and transfers them, forever, with a journal.

Each transfer goes as F8 does it: ``begin`` (the request written pending), the call moving (a
pause), then ``complete``. Before each it journals ``want KEY NUMBER`` (fsynced); after, ``done
KEY``. On start it first finishes the seat's pending requests (``resume``, as the console does
on start) and then retries every journaled key that is not done — which must never make a second
transfer. ``--recover`` only does that and exits.
Usage: python transfer_worker.py DB_URL JOURNAL [--recover]
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.orders import OrderService
from console.store.engine import Database

# A subprocess: it cannot import tests/, so it makes its 12345 agent itself.
ACTOR = Seated(Principal("王丽", "王丽", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")
DRAFT = Draft(
    caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
    description="有人在小区门口持械斗殴", consent=True,
)  # fmt: skip


def journal(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())


def pending(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    wanted: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "want":
            wanted[parts[1]] = parts[2]
        elif len(parts) == 2 and parts[0] == "done":
            wanted.pop(parts[1], None)
    return list(wanted.items())


def main() -> int:
    url, path = sys.argv[1], Path(sys.argv[2])
    orders = OrderService(Database.open(url), lambda: datetime.now(UTC))
    orders.transfers.resume(ACTOR)
    for key, number in pending(path):
        orders.transfers.transfer(number, ACTOR, "重试", key=key)
        journal(path, f"done {key}")
    if "--recover" in sys.argv:
        return 0
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        number = orders.create(DRAFT, ACTOR).order.number
        key = f"{os.getpid()}-{n}"
        journal(path, f"want {key} {number}")
        orders.transfers.begin(number, ACTOR, key)
        time.sleep(0.002)  # the call moves to the peer line
        orders.transfers.complete(key, ACTOR, "涉嫌违法犯罪，转110")
        journal(path, f"done {key}")


if __name__ == "__main__":
    sys.exit(main())
