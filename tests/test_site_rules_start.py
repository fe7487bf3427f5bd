"""A mistake in the site's 会商 files stops the console at start-up with one clear line naming
the file and line (exit code 2, no traceback), as a linkage plan or the calendar does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = """\
[[rule]]
id = "R-900"
keywords = ["堵路"]
kinds = ["C-XX"]
platform = "110"
norm = "x"
valid_from = 2026-07-01
"""


@pytest.mark.slow
def test_the_console_refuses_to_start_on_a_bad_rule_file(tmp_path: Path) -> None:
    folder = tmp_path / "consultation"
    folder.mkdir()
    (folder / "rules.toml").write_text(BAD, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code = (
        "import sys, pathlib\n"
        "import console.services.suggestions as suggestions\n"
        f"suggestions.site_rules_dir = lambda: pathlib.Path({str(folder)!r})\n"
        "from console.app import run_gui\n"
        "from console.config import load_settings\n"
        f"sys.exit(run_gui(load_settings({{'db': {url!r}}}, {{}}), smoke=True))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if str(folder) in x]
    assert f"{folder / 'rules.toml'}:4: unknown kind 'C-XX'" in line
    assert "会商规则文件有误" in line and "first_paint_ms" not in result.stdout
