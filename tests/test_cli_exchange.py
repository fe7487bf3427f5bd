"""``python -m console exchange status`` as a monitor runs it: per peer, the link, the last
acknowledgement, the backlog and its oldest's age, refusals and the open alarm, in the user's
language; exit 1 while the unacknowledged-message alarm is open (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.config import ConfigError, load_settings
from console.domain.orders import Platform
from console.services.exchange_alarms import ExchangeAlarms
from console.store import exchange as box
from console.store.engine import Database
from tests.exchange.test_link_alarm import drain, stale
from tests.principals import lead
from tests.test_cli import console


def url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def status(db: Database, *more: str) -> tuple[int, str, str]:
    done = console("exchange", "status", "--db", url(db), *more)
    return done.returncode, done.stdout, done.stderr


def test_a_database_that_never_exchanged_says_so(db: Database) -> None:
    code, out, err = status(db)
    assert (code, err) == (0, "")
    assert out == "本库没有交换记录：尚未与对方平台交换过报文（单库站点即如此）。\n"
    code, out, _ = status(db, "--json")
    assert code == 0 and json.loads(out)["peers"] == [] and json.loads(out)["alarm"] is None


def test_an_outage_is_reported_with_its_alarm_and_exit_1(db: Database) -> None:
    now = datetime.now(UTC)
    stale(db, now - timedelta(minutes=13), 3)
    with db.write() as session:
        box.set_peer_state(session, "LN-110", box.DOWN, now - timedelta(minutes=12), "refused")
        first = box.due(session, now, 1)[0].id
        box.refused(session, first, 422, "closed", {}, now)  # one of three came back refused
    alarms = ExchangeAlarms(db, lambda: datetime.now(UTC), "A-01")
    raised = alarms.sweep()
    assert raised is not None

    code, out, err = status(db)
    assert code == 1 and err == "", err
    lines = out.splitlines()
    assert lines[0] == "对方平台 LN-110"
    assert re.fullmatch(r"  链路：中断，自 \S+ \S+ 起（最后检测 \S+ \S+）", lines[1])
    assert lines[2] == "  最近错误：refused" and lines[3] == "  最后确认：无"
    assert re.fullmatch(r"  待确认报文：2 条，最久 13 分钟( \d+ 秒)?（\S+ \S+ 起）", lines[4])
    assert lines[5] == "  被拒报文：1 条"
    assert re.fullmatch(r"  告警：未确认报文超过 2 分钟，\S+ \S+ 起（未确认）", lines[6])

    alarms.acknowledge(raised.id, lead("刘强", "A-09", Platform.HOTLINE), "已通知机房")
    english = console("--lang", "en", "exchange", "status", "--db", url(db))
    code, out = english.returncode, english.stdout
    assert code == 1
    assert out.splitlines()[0] == "Peer platform LN-110"
    assert "  ALARM: a message unacknowledged past 2 min, since " in out
    assert "(acknowledged by 刘强: 已通知机房)" in out

    code, out, _ = status(db, "--json")
    data = json.loads(out)
    assert code == 1 and data["queued"] == 2 and data["refused"] == 1
    assert data["oldest_age_s"] >= 13 * 60 and data["unacked_alarm_s"] == 120
    assert data["peers"][0]["state"] == "down" and data["alarm"]["acknowledged_by"] == "刘强"

    drain(db, datetime.now(UTC))
    assert alarms.sweep() is None and alarms.open_alarm() is None
    code, out, _ = status(db)
    assert code == 0 and "  告警：无（限值 2 分钟）" in out and "  待确认报文：0 条" in out


def test_without_exchange_tables_it_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = console("exchange", "status", "--db", f"sqlite:///{tmp_path / 'old.sqlite3'}")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "exchange: the database has no exchange tables: run init-db\n"


def test_the_site_limit_is_checked(tmp_path: Path) -> None:
    assert load_settings({}, {}, None).unacked_alarm_s == 120
    path = tmp_path / "console.toml"
    path.write_text("[exchange]\nunacked_alarm_s = 300\n", encoding="utf-8")
    assert load_settings({}, {}, path).unacked_alarm_s == 300
    path.write_text("[exchange]\nunacked_alarm_s = 10\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({}, {}, path)
    assert "exchange.unacked_alarm_s = 10: must be a whole number of seconds from 30 to 3600" in (
        str(caught.value)
    )
