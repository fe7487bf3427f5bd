"""The console in a real X server (Xvfb): it starts, takes a call, and the Chinese UI renders.

Screenshots of a call ringing over the Queues tab (the Seat tab's badge), the seat, the screen
pop, the intake form, the transfer countdown, the linkage offers, a queue, the inbox with the
peer's feedback, the alarm panel, the shift lead's emergency board (an active Ⅱ-level incident
started through its form, partners answering and overdue) and its wall mode, the reports tab
with its charts, a hot spot with its evidence (planted here) and the wallboard go to
``artifacts/screens/<size>/`` (not committed), and
``make run``'s pair side by side at 1920×1080 to ``artifacts/screens/1920x1080-pair/`` — look at
them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from console.demo.load import load_demo_data
from console.domain.calendar import BusinessCalendar, load_calendar
from console.domain.deadlines import Policy
from console.services.alarms import load_site_policy
from console.services.hotspots import HotspotService
from console.services.order_writer import OrderWriter
from console.store.engine import Database
from console.store.setup import init_db
from tests.hotspot_data import order_rows, plant

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screens"
FLOOR = ("reports", "reports_charts", "hotspot_evidence", "wallboard")  # screens_floor.py


def plant_hot_spots(db: Database, policy: Policy, calendar: BusinessCalendar) -> None:
    """A spike of complaints in 和平区 and four orders at one address in the last
    complete four-hour window, found by one scan (stored, as the scheduler's would be)."""
    service = HotspotService(db, lambda: datetime.now(UTC), OrderWriter(policy, calendar))
    end = service.window().end
    plant(db, order_rows(end - timedelta(hours=2), "210102", "C-TS", "F-GF", 24))
    for minute in range(4):
        at = end - timedelta(hours=1, minutes=minute)
        plant(db, order_rows(at, "210103", "C-TS", "F-SH", 1, "沈河区青年大街100号"))
    assert service.scan().hotspots, "the planted spike is not a hot spot"


@pytest.mark.slow
def test_console_on_a_real_x_server(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Xvfb for the real-screen test (make test installs it)")
        pytest.skip("xvfb-run is not installed")
    url = f"sqlite:///{tmp_path / 'screens.sqlite3'}"
    db, _ = init_db(url)
    policy, calendar = load_site_policy(db), load_calendar()
    load_demo_data(db, 20_000, seed=3, until=date.today(), policy=policy, calendar=calendar)
    plant_hot_spots(db, policy, calendar)
    db.dispose()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    runs = (("1366x768", ""), ("1920x1080", ""), ("1920x1080", "pair"))  # laptop, floor monitors
    for size, pair in runs:
        out = ARTIFACTS / (f"{size}-{pair}" if pair else size)
        done = subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable,
             str(ROOT / "tests" / "ui" / "screens_script.py"), url, str(out),
             *([pair] if pair else [])],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        # Exit 3: a CJK character on screen has no glyph in the fonts in use; exit 4: what a
        # shot is for is cut off or not in view, or the pair is not side by side (the script).
        assert done.returncode == 0, size + done.stdout + done.stderr
    for name in ("ringing_offer", "seat_ringing", "screen_pop", "intake_form",
                 "transfer_countdown", "transfer_failed", "three_way_call", "three_way_outcome",
                 "dispatch_step", "queue", "inbox_feedback", "alarms", "emergency_board",
                 "emergency_wall", *FLOOR):  # fmt: skip
        shot = ARTIFACTS / "1366x768" / f"{name}.png"
        assert shot.exists() and shot.stat().st_size > 10_000, name
    # the board with an active Ⅱ-level incident; the floor's pictures on a floor monitor
    for name in ("emergency_board", "emergency_wall", *FLOOR):
        shot = ARTIFACTS / "1920x1080" / f"{name}.png"
        assert shot.exists() and shot.stat().st_size > 10_000, name
    assert (ARTIFACTS / "1920x1080-pair" / "pair.png").stat().st_size > 10_000
