"""``python -m console hotspots``: the window's hot spots with their evidence, as text and JSON;
hostile options end in one line and exit 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from console.domain.calendar import load_calendar
from console.domain.consultation import Direction, TransferItem
from console.domain.consultation_file import RuleBook
from console.domain.order_types import Platform
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.hotspots import HotspotService
from console.services.order_writer import OrderWriter
from console.store.consultation import import_book
from console.store.engine import Database
from console.store.setup import init_db
from tests.hotspot_data import background, china, order_rows, plant
from tests.principals import lead

END = china(2026, 11, 20, 16)
FOREIGN = ("Traceback", "sqlalchemy", "psycopg.", "sqlite3.")


def console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A site with twelve quiet days and a spike in 210102's heating complaints at 12–16."""
    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    db, _ = init_db(url)
    plant(db, background(china(2026, 11, 8), 13, [("210102", "C-QZ", "F-GF")], 3.0))
    plant(db, order_rows(END - timedelta(hours=2), "210102", "C-QZ", "F-GF", 20))
    db.dispose()
    return url


def test_text_and_json_give_the_evidence_and_the_state(url: str) -> None:
    text = console("hotspots", "--db", url, "--at", "2026-11-20 17:59")
    assert text.returncode == 0, text.stderr
    assert "2026-11-20 12:00 – 2026-11-20 16:00 (China time): 2" in text.stdout
    assert "210102 诉求类型 kind C-QZ:" in text.stdout and "baseline (newest first)" in text.stdout
    db = Database.open(url)
    service = HotspotService(
        db, FakeClock(END).now, OrderWriter(load_site_policy(db), load_calendar())
    )
    spot = service.scan().hotspots[0]
    service.take_up(lead("赵班长", "A-09", Platform.HOTLINE), spot.id, "210100-GOV")
    db.dispose()
    done = console("hotspots", "--db", url, "--at", "2026-11-20 16:00", "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["window"] == {"start": "2026-11-20 12:00", "end": "2026-11-20 16:00"}
    taken = next(h for h in body["hotspots"] if h["id"] == spot.id)
    assert taken["state"] == "taken_up" and taken["verification_order"]
    assert len(taken["baseline"]) == 7 and taken["count"] == len(taken["orders"]) >= 20
    assert taken["count"] > taken["threshold"] and taken["fired"] == "bound"


def test_keyword_groups_and_a_baseline_of_zeros_in_json(tmp_path: Path) -> None:
    """A keyword-group spike (the transfer list's heating item) and a cell whose baseline is all
    zeros: its threshold is null, not 0.0, and the rule that fired is said."""
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    db, _ = init_db(url)
    item = TransferItem(Direction.TO_12345, "1.3", "水电气热", "供暖不热、停暖", ("供暖", "停暖"))
    with db.write() as session:
        import_book(session, RuleBook(items=(item,)), "tester", "test", END)
    texts = ("供暖不热", "路灯不亮", "噪音扰民")
    plant(db, background(china(2026, 11, 8), 13, [("210102", "C-QZ", "F-GF")], 3.0,
                         descriptions=texts))  # fmt: skip
    for n, kind in enumerate(("C-ZX", "C-QZ", "C-TS")):
        plant(db, order_rows(END - timedelta(hours=2, minutes=n), "210103", kind, None, 4,
                             description="小区停暖三天"))  # fmt: skip
    db.dispose()
    done = console("hotspots", "--db", url, "--at", "2026-11-20 16:00", "--json")
    assert done.returncode == 0, done.stderr
    spots = json.loads(done.stdout)["hotspots"]
    group = next(h for h in spots if h["dimension"] == "keywords")
    assert group["subject"] == "110→12345 1.3 供暖不热、停暖" and group["count"] == 12
    assert group["baseline"] == [0] * 7 and group["threshold"] is None
    assert group["fired"] == "min_count" and len(group["orders"]) == 12
    text = console("hotspots", "--db", url, "--at", "2026-11-20 16:00")
    assert "210103 关键词组 keyword group 110→12345 1.3 供暖不热、停暖: 12" in text.stdout
    assert "no baseline (all zeros): the minimum count fired it" in text.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--at", "2026-11-20"], "--at must be"),
        (["--at", "tomorrow 16:00"], "--at must be"),
        (["--at", "0001-01-01 00:00"], "--at must be after"),
        (["--at", "9999-12-31 23:59"], "--at must be after"),
        (["--at", "2026-02-30 10:00"], "--at must be"),
        (["--db", "postgresql+psycopg://u@127.0.0.1:1/x"], "cannot use the database"),
        (["--db", "mysql://u@h/x"], "mysql"),
    ],
)
def test_hostile_options_end_in_one_line(args: list[str], says: str) -> None:
    done = console("hotspots", *args)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr
    assert not any(word in done.stderr for word in FOREIGN)
