"""``make run`` as the console composes it: two platforms in one process, each its own system on
its own SQLite database, the exchange between their endpoints over loopback HTTPS with the demo
certificates, one simulated switch. A call answered at 12345, its order saved and F8 pressed
reaches the 110 seat first (工单传输中) and its order follows. An order created and transferred at 12345 lands in 110's
database and 待签收 queue, comes back fed back, is completed, and both sides keep the same history
(tests/ui/two_systems_script.py drives it); and a pair config of the same platform is refused.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from console.demo.pki import make_demo_pki
from console.domain.orders import Platform, Status
from console.store import exchange as box
from console.store import orders as repo
from console.store.setup import init_db

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "resources" / "demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_configs(folder: Path) -> dict[Platform, Path]:
    """The shipped demo configs, written as ``make run`` writes them, on free loopback ports and
    without simulated calls."""
    make_demo_pki(folder / "pki")
    ports = {"8443": str(free_port()), "8444": str(free_port())}
    written = {}
    for platform in Platform:
        text = (TEMPLATES / f"{platform.value}.toml").read_text(encoding="utf-8")
        text = re.sub(r"(?<=:)(8443|8444)\b", lambda m: ports[m[1]], text)
        text = text.replace("@DATA@", folder.as_posix())
        text += "\n[telephony]\nsim_calls_per_min = 0\nsim_colleagues = 0\n"
        path = folder / f"{platform.value}.toml"
        path.write_text(text, encoding="utf-8")
        written[platform] = path
    return written


def run_console(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_an_order_travels_between_the_two_systems_of_make_run(tmp_path: Path) -> None:
    configs = demo_configs(tmp_path)
    done = run_console(
        str(ROOT / "tests" / "ui" / "two_systems_script.py"),
        str(configs[Platform.HOTLINE]), str(configs[Platform.POLICE]),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    # F8 across the two systems: the call reached the 110 seat before the order's message, its
    # detail said 工单传输中, then showed the order when the message landed.
    assert "in_transit_seen=True" in done.stdout, done.stdout
    number = re.search(r"number=(\S+)", done.stdout)
    assert number, done.stdout
    for platform in Platform:  # each system's own database holds the order, completed
        db, _ = init_db(f"sqlite:///{tmp_path / platform.value}.sqlite3")
        try:
            with db.read() as session:
                order = repo.get(session, number[1]).order
                assert order.status is Status.COMPLETED, platform
                assert box.backlog(session).queued == 0, platform  # everything acknowledged
        finally:
            db.dispose()
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_pair_config_of_the_same_platform_is_refused(tmp_path: Path) -> None:
    configs = demo_configs(tmp_path)
    hotline = str(configs[Platform.HOTLINE])
    done = run_console("-m", "console", "--config", hotline, "--pair-config", hotline, "--smoke")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "与本平台相同" in done.stderr and "Traceback" not in done.stderr  # zh_CN by default
