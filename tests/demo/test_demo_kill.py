"""``demo-data`` killed while it writes never leaves open orders without their alarms: the load
is one transaction, so the next start's ``demo-data --if-empty`` finds nothing and loads it all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from console.store.engine import Database

KILLED = Path(__file__).with_name("killed_load.py")
ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--orders", "3000", "--seed", "4", "--until", "2026-11-26"]


def open_orders_and_alarmed(db: Database) -> tuple[int, int]:
    with db.read() as s:
        open_orders = s.execute(
            text("SELECT count(*) FROM work_order WHERE status NOT IN ('completed', 'cancelled')")
        ).scalar_one()
        alarmed = s.execute(text("SELECT count(DISTINCT order_id) FROM alarm")).scalar_one()
    return int(open_orders), int(alarmed)


def test_kill_9_between_orders_and_alarms_leaves_a_database_the_next_start_loads(
    db: Database,
) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    killed = subprocess.run(
        [sys.executable, str(KILLED), url, *ARGS[1::2]],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert killed.returncode == -9, killed.stderr
    assert open_orders_and_alarmed(db) == (0, 0)  # all or nothing: nothing
    start = subprocess.run(
        [sys.executable, "-m", "console", "demo-data", "--db", url, *ARGS, "--if-empty"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert start.returncode == 0, start.stderr
    assert "3,000 orders" in start.stdout
    open_orders, alarmed = open_orders_and_alarmed(db)
    assert alarmed == open_orders > 0
