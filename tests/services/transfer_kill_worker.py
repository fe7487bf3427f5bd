"""Subprocess for the kill -9 tests: takes one transfer and is killed (SIGKILL, no clean-up of
any kind) right after the order's hand-over is written and before anything more is committed.
Usage: python transfer_kill_worker.py DB_URL NUMBER KEY
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, datetime
from typing import Any

from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.order_writer import OrderWriter
from console.services.orders import OrderService
from console.store.engine import Database

# A subprocess: it cannot import tests/, so it makes its 12345 agent itself.
ACTOR = Seated(Principal("王丽", "王丽", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")


def main() -> int:
    url, number, key = sys.argv[1:4]
    real = OrderWriter.act

    def act_then_die(self: OrderWriter, *args: Any, **kwargs: Any) -> Any:
        real(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)

    OrderWriter.act = act_then_die  # type: ignore[method-assign]
    orders = OrderService(Database.open(url), lambda: datetime.now(UTC))
    orders.transfers.transfer(number, ACTOR, "互派", key=key)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
