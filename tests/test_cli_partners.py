"""``python -m console partners list|import``: the partner directory from the command line, and
every hostile line one clear line on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from console.domain.emergency import PartnerKind

HEADER = "code,name,kind,city,duty_phone,channel,address"
FOREIGN = ("Traceback", "sqlalchemy", "sqlite3.", "[SQL")


def console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args], capture_output=True, text=True, timeout=120
    )


def test_partners_list_import_and_audit(tmp_path: Path) -> None:
    listed = console("partners", "list")
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.splitlines()
    assert rows[0] == "code,name,kind,city,duty_phone,channel,address,demo"
    assert len(rows) == 1 + 14 * len(PartnerKind)
    dalian = json.loads(console("partners", "list", "--city", "210200", "--json").stdout)
    assert len(dalian) == len(PartnerKind) and {p["city"] for p in dalian} == {"210200"}
    assert dalian[0].keys() == {"code", "name", "kind", "city", "duty_phone", "channel",
                                "address", "demo"}  # fmt: skip
    site = tmp_path / "site.csv"
    site.write_text(f"{HEADER}\nDL-119,大连市消防救援支队,fire,210200,0411-1234-5678,platform,"
                    "LN-119-DL\n", encoding="utf-8")  # fmt: skip
    imported = console("partners", "import", str(site))
    assert imported.returncode == 0 and "1 added, 0 updated, 0 retired" in imported.stdout
    replaced = console("partners", "import", "--replace", str(site))
    assert replaced.returncode == 0, replaced.stderr
    assert f"0 added, 0 updated, {14 * len(PartnerKind)} retired" in replaced.stdout
    assert console("partners", "list").stdout.splitlines()[1:] == [
        "DL-119,大连市消防救援支队,fire,210200,0411-1234-5678,platform,LN-119-DL,False"
    ]
    shown = console("audit", "show", "--action", "directory_change")
    assert shown.returncode == 0 and "partners import --replace" in shown.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["partners"], "required"),
        (["partners", "list", "--city", "210102"], "not a city code"),
        (["partners", "import", "MISSING"], "cannot read"),
        (["partners", "import", "FOLDER"], "cannot read"),
        (["partners", "import", "LATIN1"], "not UTF-8"),
        (["partners", "import", "BAD"], "bad.csv:2: column 3 (kind)"),
        (["partners", "import", "TWO_BAD"], "2 problems, nothing was changed"),
        (["partners", "--db", "mysql://u@h/x", "list"], "mysql"),
    ],
)
def test_no_hostile_partners_line_ends_in_a_traceback(
    tmp_path: Path, args: list[str], says: str
) -> None:
    files = {
        "MISSING": tmp_path / "missing.csv",
        "FOLDER": tmp_path / "folder",
        "LATIN1": tmp_path / "latin1.csv",
        "BAD": tmp_path / "bad.csv",
        "TWO_BAD": tmp_path / "two.csv",
    }
    files["FOLDER"].mkdir()
    files["LATIN1"].write_bytes(f"{HEADER}\nX,caf\xe9,fire,210100,024-12345,simulated,X\n"
                                .encode("latin-1"))  # fmt: skip
    files["BAD"].write_text(f"{HEADER}\nX,甲,police,210100,024-12345,simulated,X\n", "utf-8")
    files["TWO_BAD"].write_text(f"{HEADER}\nX,甲,police,210100,1,simulated,X\n", "utf-8")
    done = console(*[str(files[a]) if a in files else a for a in args])
    assert done.returncode == 2, done
    assert says in done.stderr and done.stderr.endswith("\n")
    assert not any(word in done.stderr for word in FOREIGN), done.stderr
