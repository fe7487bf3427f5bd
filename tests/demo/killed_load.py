"""Subprocess for the kill -9 test of ``demo-data``: runs the command and is killed (SIGKILL, no
clean-up of any kind) the moment it starts planning the alarms of the orders it wrote.
Usage: python killed_load.py DB_URL ORDERS SEED UNTIL
"""

from __future__ import annotations

import os
import signal
import sys

import console.demo.alarms
from console.__main__ import main


def die(*_args: object, **_kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    url, orders, seed, until = sys.argv[1:5]
    console.demo.alarms.thresholds = die  # type: ignore[attr-defined]
    sys.exit(main(["demo-data", "--db", url, "--orders", orders, "--seed", seed, "--until", until]))
