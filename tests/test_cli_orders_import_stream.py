"""``orders import`` of a file larger than a batch (issue 18): memory flat in the file's rows,
the numbers checked across batches, progress on stderr, and still all or nothing."""

from __future__ import annotations

import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.__main__ import main
from console.cli import import_file
from console.store.engine import Database
from console.store.tables import AuditRow, EventRow, OrderRow

HEADER = ("number,received_at,platform,kind,field,district,address,description,caller_phone,"
          "caller_name,status,completed_at\n")  # fmt: skip
_ROWS = (
    "{n},2025-03-{d:02d} 08:30,12345,C-TS,F-SH,210102,中山路{d}号,夜间施工噪音扰民，持续到23点以后,"
    "13912345678,张先生,completed,2025-03-{d:02d} 10:00:00",
    "{n},2025-03-{d:02d} 09:15:30,110,治安,,210103,,有人酒后滋事,024-12345678,,handling,",
)


def _history(path: Path, numbers: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i, n in enumerate(numbers):
            out.write(_ROWS[i % 2].format(n=n, d=1 + i % 28) + "\n")
    return path


def _run(db: Database, path: Path, *extra: str, lang: str = "zh_CN") -> int:
    url = db.engine.url.render_as_string(hide_password=False)
    return main(["--db", url, "--lang", lang, "orders", "import", str(path), *extra])


def _count(db: Database, table: type) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def test_memory_does_not_grow_with_the_rows(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's peak allocations importing 10,000 rows are those of 2,000 (batches of 500):
    holding the file, or every record, makes them three times as large (one batch of all)."""
    monkeypatch.setattr(import_file, "BATCH", 500)
    assert _run(sqlite_db, _history(tmp_path / "warm.csv", ["W-1"])) == 0  # the modules loaded
    peaks = []
    for rows in (2_000, 10_000):
        path = _history(tmp_path / f"h{rows}.csv", [f"M{rows}-{i}" for i in range(rows)])
        tracemalloc.start()
        try:
            assert _run(sqlite_db, path) == 0
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert _count(sqlite_db, OrderRow) == 12_001
    assert peaks[1] < 1.5 * peaks[0], [f"{p / 1e6:.1f} MB" for p in peaks]


def test_numbers_repeated_across_batches_are_found_with_their_lines(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(import_file, "BATCH", 3)
    assert _run(db, _history(tmp_path / "first.csv", ["OLD-1"])) == 0
    numbers = [f"R-{i}" for i in range(20)]
    numbers[12] = "R-2"  # line 14 repeats line 4, four batches before
    numbers[17] = "OLD-1"  # line 19: the database holds it
    numbers[18] = "R-2"  # line 20 repeats line 4 again
    assert _run(db, _history(tmp_path / "again.csv", numbers), lang="en") == 2
    err = capsys.readouterr().err
    said = [line.strip() for line in err.splitlines()[1:]]
    assert said == [
        "line 14, column 1 (number): the same number as line 4: R-2",
        "line 19, column 1 (number): the database already holds number OLD-1",
        "line 20, column 1 (number): the same number as line 4: R-2",
    ], err
    assert "3 problems, nothing was imported" in err and _count(db, OrderRow) == 1


def test_row_and_number_problems_are_listed_in_line_order_and_counted(
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(import_file, "BATCH", 7)
    rows = [
        _ROWS[1].format(n=f"X-{i}", d=1).replace("2025-03-01", "2025-02-30")  # lines 3, 5, … 81
        if i % 2
        else _ROWS[1].format(n="D-1", d=1)  # lines 4, 6, … 80 repeat line 2
        for i in range(80)
    ]
    path = tmp_path / "h.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    assert _run(sqlite_db, path, lang="en") == 2
    err = capsys.readouterr().err
    assert "79 problems" in err and "… and 29 more" in err
    listed = [int(line.split()[1].rstrip(",:")) for line in err.splitlines()[1:51]]
    assert listed == sorted(listed) and listed[0] == 3 and len(listed) == 50


def test_progress_goes_to_stderr_and_everything_is_written_at_once(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(import_file, "BATCH", 100)
    monkeypatch.setattr(import_file, "EVERY", 200)
    path = _history(tmp_path / "h.csv", [f"P-{i}" for i in range(1_000)])
    assert _run(db, path) == 0
    out, err = capsys.readouterr()
    assert err.count("orders import：已检查") == 5 and "已检查 1,000 条工单（文件的 100%）" in err
    assert err.count("orders import：已写入") == 5 and "已写入 600 / 1,000 条工单" in err
    assert err.rstrip().endswith("orders import：正在重建索引和报表日统计，随后提交")
    assert "orders import：正在检查整个文件中重复的工单编号" in err
    assert "导入 1,000 条工单（已办结或撤销 500 条）" in out
    assert _count(db, OrderRow) == 1_000 and _count(db, EventRow) == 1_500
    with db.read() as session:
        audit = session.execute(select(AuditRow.detail).order_by(AuditRow.seq.desc())).first()
    assert audit is not None and audit[0] == "import: 1000 orders (500 closed), utf-8"


def test_a_file_changed_between_the_check_and_the_writing_writes_nothing(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(import_file, "BATCH", 10)
    path = _history(tmp_path / "h.csv", [f"C-{i}" for i in range(50)])
    checked = import_file.check

    def check_then_edit(*args: object, **kwargs: object) -> import_file.Checked:
        result = checked(*args, **kwargs)  # type: ignore[arg-type]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("中山路5号", "中山路6号"), encoding="utf-8")  # same rows
        return result

    monkeypatch.setattr(import_file, "check", check_then_edit)
    audited = _count(db, AuditRow)
    assert _run(db, path, lang="en") == 2
    err = capsys.readouterr().err
    assert "the file changed while it was being imported; nothing was imported" in err
    assert "Traceback" not in err
    assert _count(db, OrderRow) == 0 and _count(db, EventRow) == 0
    assert _count(db, AuditRow) == audited


def test_an_interrupted_writing_leaves_nothing_imported(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(import_file, "BATCH", 10)
    path = _history(tmp_path / "h.csv", [f"I-{i}" for i in range(50)])
    read_again = import_file.again

    def ctrl_c_after_two_batches(*args: object, **kwargs: object) -> Iterator[object]:
        batches = read_again(*args, **kwargs)  # type: ignore[arg-type]
        yield next(batches)
        yield next(batches)  # both sent to the database when the next one is asked for
        raise KeyboardInterrupt

    monkeypatch.setattr(import_file, "again", ctrl_c_after_two_batches)
    assert _run(db, path) == 2
    err = capsys.readouterr().err
    assert err.startswith("orders: ") and "已中断；未导入任何工单" in err and "Traceback" not in err
    assert _count(db, OrderRow) == 0 and _count(db, EventRow) == 0


def test_a_temporary_folder_it_cannot_use_is_said_as_such(
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))  # as TMPDIR=…/gone
    assert _run(sqlite_db, _history(tmp_path / "h.csv", ["T-1"]), lang="en") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"orders: the temporary folder {tmp_path / 'gone'}: ") and "TMPDIR" in err
    assert "cannot use the database" not in err and _count(sqlite_db, OrderRow) == 0
