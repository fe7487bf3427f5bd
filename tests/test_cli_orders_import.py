"""``python -m console orders import``: a site's history in, all or nothing, on both databases."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.__main__ import main
from console.domain.order_types import Platform, Status
from console.store import orders, report_rollup
from console.store.engine import Database
from console.store.order_import import IMPORT_ACTOR
from console.store.queues import QueueKind, QueueQuery, count_queue
from console.store.reports import linkage_report
from console.store.tables import AuditRow, EventRow, OrderRow

SAMPLE = Path(__file__).resolve().parents[1] / "db" / "seed" / "orders-sample.csv"
HEADER = ("number,received_at,platform,kind,field,district,address,description,caller_phone,"
          "caller_name,status,completed_at\n")  # fmt: skip
GOOD = [
    "H-1,2025-03-01 08:30,12345,C-TS,F-SH,210102,中山路1号,夜间施工噪音扰民,13912345678,张先生,"
    "completed,2025-03-03 10:00:00",
    "H-2,2025-03-02 09:15:30,110,治安,,210103,,有人酒后滋事,024-12345678,,handling,",
    "H-3,2025/03/04 17:05,12345,咨询,公共服务,210104,,咨询社保卡补办,13912345678,,已受理,",
]


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _run(db: Database, path: Path, *extra: str, lang: str = "zh_CN") -> int:
    return main(["--db", _url(db), "--lang", lang, "orders", "import", str(path), *extra])


def _file(tmp_path: Path, rows: list[str], head: str = HEADER, encoding: str = "utf-8") -> Path:
    path = tmp_path / "history.csv"
    path.write_bytes((head + "\n".join(rows) + "\n").encode(encoding))
    return path


def _orders(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(OrderRow)).scalar_one())


def test_the_sample_imports_and_looks_like_real_orders(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db, SAMPLE) == 0, capsys.readouterr().err
    assert "36 条工单" in capsys.readouterr().out
    with db.read() as session:
        first = orders.get(session, "LS2025-00001").order  # opens as any order does
        assert first.status is Status.HANDLING and first.timeline[0].actor == IMPORT_ACTOR
        assert first.deadlines.feedback is not None and first.deadlines.completion is not None
        history = orders.caller_history(session, "13800000049")
        assert "LS2025-00001" in [h.number for h in history]
        report = linkage_report(session, date(2025, 1, 1), date(2025, 12, 31))
        assert sum(report.created.values()) == 36
        closed = session.execute(
            select(func.count()).select_from(OrderRow).where(OrderRow.status == "completed")
        ).scalar_one()
        assert sum(report.completed.values()) == closed
        open_12345 = QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.HOTLINE)
        assert count_queue(session, open_12345) > 0
        audit = session.execute(select(AuditRow.detail).order_by(AuditRow.seq.desc())).first()
        assert audit is not None and "36 orders" in audit[0]


def test_the_reports_roll_up_counts_an_import_as_a_recount_would(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import counts the reports' daily figures as it writes (no recount): a second file
    onto days, districts and kinds the first filled, a cancelled order, a day closed by a
    completion 16 minutes before China's midnight and one 44 minutes after it — the roll-up
    then holds exactly what a recount of the timeline finds, cell by cell."""
    assert _run(db, SAMPLE) == 0, capsys.readouterr().err
    more = [
        "M-1,2025-06-08 09:00,12345,C-ZX,F-GF,210103,,咨询医保报销比例,13911110001,,completed,"
        "2025-06-08 23:44:00",
        "M-2,2025-06-08 20:10,12345,C-ZX,F-GF,210103,,咨询公积金提取,13911110002,,cancelled,"
        "2025-06-09 00:44:00",
        "M-3,2025-05-01 18:00,110,P-FJW,,210102,,误拨110,13911110003,,completed,"
        "2025-05-01 19:00:00",
        "M-4,2025-07-15 07:59,12345,C-ZX,F-GF,210203,,咨询办事时间,13911110004,,handling,",
    ]
    assert _run(db, _file(tmp_path, more)) == 0, capsys.readouterr().err
    with db.read() as session:
        kept, recounted = report_rollup.held(session), report_rollup.recount(session)
        months = report_rollup.held(session, table="report_month")
    assert kept == recounted
    assert sum(n for k, n in kept.items() if k[3] == "create") == 36 + len(more)
    assert sum(n for k, n in kept.items() if k[3] == "cancel") >= 1
    by_month: dict[tuple[object, ...], int] = {}
    for (day, *rest), n in kept.items():
        key = (day.replace(day=1), *rest)
        by_month[key] = by_month.get(key, 0) + n
    assert months == by_month  # the months are the days summed


def test_every_bad_row_is_named_and_nothing_is_written(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [
        *GOOD,
        "B-1,2025-02-30 08:00,12345,C-TS,F-SH,210102,,x,13912345678,,received,",  # no such day
        "B-2,2025-03-01 08:00,12345,C-NOPE,F-SH,210102,,x,13912345678,,received,",
        "B-3,2025-03-01 08:00,12345,C-TS,F-SH,999999,,x,13912345678,,received,",
        "B-4,2025-03-01 08:00,12345,C-TS,F-SH,210102,,x,13912345678,,dispatched,",
        "B-5,2025-03-01 08:00,12345,C-TS,F-SH,210102,,x,13912345678,,completed,",
        "H-1,2025-03-01 08:00,12345,C-TS,F-SH,210102,,x,13912345678,,received,",
        "B-6,2025-03-01 08:00,12345,C-TS,F-SH,210102,,x\x00y,13912345678,,received,",
    ]
    assert _run(db, _file(tmp_path, bad)) == 2
    err = capsys.readouterr().err
    assert "共 7 个问题，未导入任何工单" in err
    assert "第 11 行第 8 列（诉求内容 description）：含有无法保存的字符" in err
    for said in ("第 5 行第 2 列（受理时间 received_at）", "第 6 行第 4 列（类别 kind）",
                 "第 7 行第 6 列（区划代码 district）", "第 8 行第 11 列（状态 status）",
                 "第 9 行第 12 列（办结时间 completed_at）",
                 "第 10 行第 1 列（工单编号 number）：工单编号与第 2 行重复"):  # fmt: skip
        assert said in err, err
    assert "Traceback" not in err and _orders(db) == 0


def test_a_number_already_stored_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db, _file(tmp_path, GOOD[:1])) == 0
    assert _run(db, _file(tmp_path, GOOD), lang="en") == 2
    err = capsys.readouterr().err
    assert "line 2, column 1 (number): the database already holds number H-1" in err
    assert _orders(db) == 1


def test_gbk_and_bom_and_chinese_headers(tmp_path: Path, sqlite_db: Database) -> None:
    head = "工单编号,受理时间,平台,类别,领域,区划代码,地址,诉求内容,来电号码,来电人,状态,办结时间\n"
    assert _run(sqlite_db, _file(tmp_path, GOOD[:1], head, "gbk")) == 0
    path = _file(tmp_path, GOOD[1:], head, "utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _run(sqlite_db, path) == 0
    with sqlite_db.read() as session:
        assert orders.get(session, "H-1").order.caller.name == "张先生"  # GBK read right
    assert _orders(sqlite_db) == 3


def test_dry_run_writes_nothing(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(sqlite_db, _file(tmp_path, GOOD), "--dry-run") == 0
    assert "3 条工单检查无误" in capsys.readouterr().out
    assert _orders(sqlite_db) == 0
    with sqlite_db.read() as session:
        assert session.execute(select(func.count()).select_from(EventRow)).scalar_one() == 0


def test_problems_are_capped_with_the_total(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"N-{i},not a time,12345,C-TS,F-SH,210102,,x,13912345678,,received," for i in range(80)]
    assert _run(sqlite_db, _file(tmp_path, rows)) == 2
    err = capsys.readouterr().err
    assert "共 80 个问题" in err and "另有 30 个问题" in err
    assert err.count("受理时间 received_at") == 50


def test_own_form_numbers_move_the_sequence(sqlite_db: Database, tmp_path: Path) -> None:
    row = "12345-20250301-000042,2025-03-01 08:00,12345,C-TS,F-SH,210102,,x,13912345678,,received,"
    assert _run(sqlite_db, _file(tmp_path, [row])) == 0
    with sqlite_db.write() as session:
        at = datetime(2025, 3, 1, 2, tzinfo=UTC)
        assert orders.next_number(session, Platform.HOTLINE, at) == "12345-20250301-000043"


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"number,received_at\n", b"", b'number,"unclosed\n1,2\n'],
    ids=["not text", "header only", "empty", "broken quote"],
)
def test_hostile_files_end_in_one_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "console", "--lang", "en", "orders", "import", str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("orders") and "Traceback" not in done.stderr


def test_a_missing_optional_column_is_named_where_a_row_needs_it(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = "number,received_at,platform,kind,district,description,caller_phone,status\n"
    rows = ["A-1,2025-03-01 08:00,110,P-ZA,210102,x,13912345678,received",
            "A-2,2025-03-01 08:00,12345,C-TS,210102,x,13912345678,completed"]  # fmt: skip
    assert _run(sqlite_db, _file(tmp_path, rows, head), lang="en") == 2
    err = capsys.readouterr().err
    assert "line 3 (field, not in the header): a 12345 order needs a field" in err
    assert "line 3 (completed_at, not in the header): a completed or cancelled" in err
    assert "line 2" not in err and _orders(sqlite_db) == 0


def test_a_forced_encoding_that_does_not_fit_is_one_line(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, GOOD, encoding="gbk")
    assert _run(sqlite_db, path, "--encoding", "utf-8", lang="en") == 2
    err = capsys.readouterr().err
    assert err.startswith("orders: ") and "not utf-8 text" in err and err.count("\n") == 1
    assert _run(sqlite_db, path, "--encoding", "gbk") == 0 and _orders(sqlite_db) == 3
