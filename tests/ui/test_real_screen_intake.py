"""The intake form with its assist in a real X server (Xvfb): a 会商 rule's suggestion with its
citation and the likely duplicates, the history where no rule matches, and a caller joined to
a duplicate. Screenshots go to ``artifacts/screens/<size>/intake_*.png`` (not committed): look
at them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from console.demo.knowledge import add_demo_knowledge
from console.demo.load import load_demo_data
from console.domain.calendar import load_calendar
from console.services.alarms import load_site_policy
from console.store.setup import init_db

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screens"
SHOTS = ("intake_suggestion", "intake_history", "intake_joined")


@pytest.mark.slow
def test_the_intake_assist_on_a_real_x_server(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Xvfb for the real-screen test (make test installs it)")
        pytest.skip("xvfb-run is not installed")
    url = f"sqlite:///{tmp_path / 'screens.sqlite3'}"
    db, _ = init_db(url)
    policy, calendar = load_site_policy(db), load_calendar()
    load_demo_data(db, 5_000, seed=3, until=date.today(), policy=policy, calendar=calendar)
    add_demo_knowledge(db, datetime.now(UTC))  # as `demo-data` does: the pane has articles
    db.dispose()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    for size in ("1366x768", "1920x1080"):  # laptop, floor monitors
        out = ARTIFACTS / size
        fresh = tmp_path / f"{size}.sqlite3"  # each size starts from the same orders
        shutil.copy(tmp_path / "screens.sqlite3", fresh)
        done = subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable,
             str(ROOT / "tests" / "ui" / "intake_screens_script.py"), f"sqlite:///{fresh}", str(out)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        # Exit 3: a CJK character on screen has no glyph; exit 4: what a shot is for is cut off.
        assert done.returncode == 0, size + done.stdout + done.stderr
        for name in SHOTS:
            shot = out / f"{name}.png"
            assert shot.exists() and shot.stat().st_size > 10_000, (size, name)
