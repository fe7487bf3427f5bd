"""``python -m console exchange split`` as an installer runs it: a dry run counts and changes
nothing, the split says what it did and where the new audit key is, a second run and every
fault are one line and exit 2, never a traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from console.config import audit_key_path, load_settings
from tests.test_cli import console


def shared(tmp_path: Path) -> str:
    """A shared database with 300 demo orders on both platforms, and the demo accounts."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    made = console("demo-data", "--db", url, "--orders", "300", "--until", "2026-11-26")
    assert made.returncode == 0, made.stderr
    return url


def split(source: str, target: str, *more: str) -> subprocess.CompletedProcess[str]:
    return console("exchange", "split", "--from", source, "--platform", "110", "--to", target,
                   *more)  # fmt: skip


def one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exchange split: "), done.stderr
    assert "Traceback" not in done.stderr and all(w in lines[0] for w in words), lines[0]


def test_a_dry_run_counts_and_the_split_splits_once(tmp_path: Path) -> None:
    source, new = shared(tmp_path), tmp_path / "110.sqlite3"
    target = f"sqlite:///{new}"
    dry = split(source, target, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "(dry run): 110 would get" in dry.stdout and "nothing changed" in dry.stdout
    assert not new.exists()

    done = split(source, target)
    assert done.returncode == 0, done.stderr
    counted = dry.stdout.split("would get ")[1].split(";")[0]
    assert f"110 has its own database now: {counted} copied" in done.stdout
    assert "300/300 orders read" in done.stderr  # the progress line
    key = audit_key_path(load_settings({}, os.environ)).with_name("audit-110.key")
    assert f"audit key is {key}" in done.stdout and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert "no administrator account yet" in done.stdout  # the demo has none at 110

    verified = console("audit", "verify", "--db", source)
    assert verified.returncode == 0 and "OK, " in verified.stdout, verified.stderr
    shown = console("audit", "show", "--db", source, "--action", "platform_split").stdout
    assert "110 split off to its own database" in shown
    env = {**os.environ, "CONSOLE_AUDIT_KEY": str(key), "CONSOLE_DB": target}
    there = subprocess.run([sys.executable, "-m", "console", "audit", "verify"], env=env,
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert there.returncode == 0 and "OK, 1 rows intact" in there.stdout, there.stderr

    one_line(split(source, f"sqlite:///{tmp_path / 'again.sqlite3'}"), "split already")
    one_line(split(target, target), "shared database itself")


def test_a_target_in_use_is_refused_and_left_alone(tmp_path: Path) -> None:
    source = shared(tmp_path)
    (tmp_path / "in-use").mkdir()
    other = shared(tmp_path / "in-use")
    one_line(split(source, other, "--dry-run"), "not empty", "orders")
    one_line(split(source, other), "not empty")
    assert console("audit", "show", "--db", source).stdout.count("platform_split") == 0


def test_faults_are_one_line(tmp_path: Path) -> None:
    source = shared(tmp_path)
    one_line(split(source, f"sqlite:///{tmp_path / 'no' / 'such.sqlite3'}"), "does not exist")
    blank = f"sqlite:///{tmp_path / 'blank.sqlite3'}"
    one_line(split(blank, f"sqlite:///{tmp_path / 'n.sqlite3'}"), "not a console database")
    one_line(split("postgresql+psycopg://app:secret@127.0.0.1:1/none", "sqlite:///x"),
             "cannot use the database", "***")  # fmt: skip
    missing = console("exchange", "split", "--from", source, "--to", blank)
    assert missing.returncode == 2 and "--platform" in missing.stderr
