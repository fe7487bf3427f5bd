"""``departments import``: a site's directory file, all or nothing, every bad row by line and
column, a province's size whole (its speed: bench/departments_import.py)."""

from __future__ import annotations

import pytest

from console.store import departments as directory
from console.store.engine import Database

HEADER = "code,name_zh,name_en,district,kind"


def run_import(db: Database, text: str) -> tuple[int, int]:
    with db.write() as session:
        entries = directory.read_import(text, "site.csv", directory.district_codes(session))
        return directory.import_departments(session, entries)


def refused(db: Database, text: str) -> list[str]:
    before = listing(db)
    with pytest.raises(directory.BadImportFile) as caught:
        run_import(db, text)
    assert listing(db) == before, "a refused file changed the directory"
    return caught.value.problems


def listing(db: Database) -> list[directory.Department]:
    with db.read() as session:
        return directory.departments(session, include_retired=True)


def test_a_file_saved_by_excel_with_a_bom_is_read(db: Database) -> None:
    text = "\ufeff" + HEADER + "\nSY-GAS,沈阳燃气热线,Shenyang gas,210100,functional\n"
    assert run_import(db, text) == (1, 0)


def test_a_code_with_a_nul_or_of_100000_characters_is_refused_by_line_and_column(
    db: Database,
) -> None:
    text = (f"{HEADER}\n"
            "OK-1,甲,A,210100,functional\n"
            "BAD\x00,乙,B,210100,functional\n"
            f"{'X' * 100_000},丙,C,210100,functional\n")  # fmt: skip
    problems = refused(db, text)
    assert len(problems) == 2
    assert problems[0].startswith("site.csv:3: column 1 (code): 'BAD\\x00' is not a code")
    assert problems[1].startswith("site.csv:4: column 1 (code): ")
    assert "100,000 characters" in problems[1] and len(problems[1]) < 200


def test_active_false_retires_and_true_or_absent_keeps_active(db: Database) -> None:
    text = (f"{HEADER},active\n"
            "SY-GAS,沈阳燃气热线,Shenyang gas,210100,functional,false\n"
            "SY-WATER,沈阳水务热线,Shenyang water,210100,functional,true\n"
            "SY-HEAT,沈阳供暖热线,Shenyang heating,210100,functional,\n")  # fmt: skip
    assert run_import(db, text) == (3, 0)
    active = {d.code: d.active for d in listing(db) if d.code.startswith("SY-")}
    assert active == {"SY-GAS": False, "SY-WATER": True, "SY-HEAT": True}
    again = f"{HEADER},active\nSY-GAS,沈阳燃气热线,Shenyang gas,210100,functional,yes\n"
    assert run_import(db, again) == (0, 1)
    assert [d.active for d in listing(db) if d.code == "SY-GAS"] == [True]
    problems = refused(db, f"{HEADER},active\nSY-X,x,x,210100,functional,maybe\n")
    assert problems == ["site.csv:2: column 6 (active): 'maybe': must be true or false"]


def test_every_bad_row_is_reported_and_nothing_is_imported(db: Database) -> None:
    text = (f"# a site file\n{HEADER}\n"
            "SY-1,好,Good,210100,functional\n"
            "SY-2,,Blank,210100,functional\n"
            "SY-3,坏,Bad,999999,functional\n"
            "SY-4,坏,Bad,210100,police\n"
            "SY-1,重,Twice,210100,functional\n"
            "SY-5,坏\x07,Bell,210100,functional\n"
            "SY-6,少,Few\n")  # fmt: skip
    problems = refused(db, text)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in problems] == [
        "site.csv:4: column 2 (name_zh)",
        "site.csv:5: column 4 (district)",
        "site.csv:6: column 5 (kind)",
        "site.csv:7: column 1 (code)",
        "site.csv:8: column 2 (name_zh)",
        "site.csv:9: 3 columns, the header has 5",
    ]
    assert not any(d.code.startswith("SY-") for d in listing(db))


def test_an_unknown_column_is_refused_not_ignored(db: Database) -> None:
    problems = refused(db, f"{HEADER},phone\nSY-1,好,Good,210100,functional,110\n")
    assert problems[0].startswith("site.csv:1: column 6 (phone): unknown column")


def test_a_big_file_imports_whole_and_again_only_what_changed(db: Database) -> None:
    """Its speed (100,000 rows) is ``bench/departments_import.py``'s; this is what it does."""
    rows = [f"IMP-{n:06d},单位{n},Unit {n},210100,functional" for n in range(5_000)]
    text = HEADER + "\n" + "\n".join(rows) + "\n"
    assert run_import(db, text) == (5_000, 0)
    changed = text.replace("单位7,", "单位七,")
    assert run_import(db, changed) == (0, 1)
