"""Hostile command lines: every one ends in one clear line on stderr and a non-zero exit, never a
traceback, never driver text, never a password.

Each line runs as a real ``python -m console`` process with its own data, config and log folders;
they run a few at a time (the machine is shared) and take about half a minute together.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from console.store.setup import init_db
from tests.pg import Cluster

SECRET = "s3cr3t"  # a password some lines carry: it must never be shown or logged
FOREIGN = ("Traceback", "sqlalchemy", "psycopg.", "sqlite3.", "Background on this error", "[SQL")


@dataclass
class Case:
    name: str
    args: list[str]
    says: str = ""  # a piece of the one line that must be there
    lines: int = 1  # the config report lists its problems under a heading
    env: dict[str, str] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _files(tmp: Path) -> dict[str, Path]:
    """The hostile files: not a database, a folder, a file that is not UTF-8…"""
    made = {
        "notdb": tmp / "not-a-database.sqlite3",
        "folder": tmp / "a-folder.sqlite3",
        "empty": tmp / "empty.sqlite3",
        "ready": tmp / "ready.sqlite3",
        "latin1": tmp / "latin1.csv",
        "nul": tmp / "nul.csv",
        "long": tmp / "long.csv",
        "badtoml": tmp / "bad.toml",
    }
    made["notdb"].write_text("this is a spreadsheet, not a database\n" * 100)
    made["folder"].mkdir()
    made["empty"].touch()
    db, _ = init_db(f"sqlite:///{made['ready']}")
    db.dispose()
    head = "code,name_zh,name_en,district,kind\n"
    made["latin1"].write_bytes((head + "SY-1,caf\xe9,Cafe,210100,functional\n").encode("latin-1"))
    made["nul"].write_text(head + "SY\x00,甲,A,210100,functional\n", encoding="utf-8")
    made["long"].write_text(head + "X" * 100_000 + ",甲,A,210100,functional\n", encoding="utf-8")
    made["badtoml"].write_text("[seat\nid = 1\n", encoding="utf-8")
    made["key"] = tmp / "audit.key"
    made["key"].write_text("ab" * 32 + "\n", encoding="ascii")
    made["key"].chmod(0o600)
    return made


def _cases(tmp: Path, cluster: Cluster | None) -> list[Case]:
    f = _files(tmp)
    refused = f"postgresql+psycopg://app:{SECRET}@127.0.0.1:{_free_port()}/console"
    ro = f"sqlite:///file:{f['ready']}?mode=ro&uri=true"
    ro_empty = f"sqlite:///file:{f['empty']}?mode=ro&uri=true"
    cases = [
        # The database cannot be used
        Case("pg refused", ["init-db", "--db", refused], "Connection refused"),
        Case("pg refused, password in the query",
             ["init-db", "--db", f"postgresql+psycopg://app@127.0.0.1:{_free_port()}/c"
              f"?password={SECRET}"], "password=***"),
        Case("pg unreachable",
             ["report", "--db", "postgresql+psycopg://app@192.0.2.1/c?connect_timeout=2"],
             "cannot use the database"),
        Case("not sqlite", ["init-db", "--db", f"sqlite:///{f['notdb']}"], "not a database"),
        Case("a folder", ["init-db", "--db", f"sqlite:///{f['folder']}"], "is a folder"),
        Case("missing folder", ["init-db", "--db", f"sqlite:///{tmp / 'nope' / 'x.sqlite3'}"],
             "does not exist"),
        Case("read-only, to be created", ["init-db", "--db", ro_empty], "cannot use the database"),
        Case("read-only import", ["departments", "--db", ro, "import", str(f["nul"].parent /
             "ok.csv")], "readonly"),
        Case("mysql", ["init-db", "--db", "mysql://u@h/x"], "mysql is not a database"),
        Case("not a url", ["init-db", "--db", "console.sqlite3"], "not a database URL"),
        Case("raw @ in the password", ["--db", f"postgresql://u:s3@{SECRET}@h/x", "init-db"],
             'holds a raw "@"'),
        Case("bad CONSOLE_DB", ["report"], "CONSOLE_DB", env={"CONSOLE_DB": "nonsense"}),
        # demo-data
        Case("demo in memory", ["demo-data", "--db", "sqlite://", "--orders", "5"], "in-memory"),
        Case("demo :memory:", ["demo-data", "--db", "sqlite:///:memory:", "--orders", "5"],
             "in-memory"),
        Case("demo read-only", ["demo-data", "--db", ro, "--orders", "5"], "file: URI"),
        Case("demo not sqlite", ["demo-data", "--db", f"sqlite:///{f['notdb']}", "--orders", "5"],
             "not a database"),
        Case("demo year 1", ["demo-data", "--orders", "5", "--until", "0001-01-01"], "--until"),
        Case("demo year 9999", ["demo-data", "--orders", "5", "--until", "9999-12-31"],
             "--until"),
        Case("demo bad date", ["demo-data", "--orders", "5", "--until", "26/11/2026"],
             "YYYY-MM-DD"),
        Case("demo no orders", ["demo-data", "--orders", "0"], "--orders"),
        Case("demo too many", ["demo-data", "--orders", "99999999999999999999"], "--orders"),
        Case("demo orders word", ["demo-data", "--orders", "many"], "invalid int"),
        # report
        Case("report from year 1", ["report", "--from", "0001-01-01"], "--from"),
        Case("report to 9999", ["report", "--to", "9999-12-31"], "--to"),
        Case("report month 13", ["report", "--from", "2026-13-01"], "--from"),
        Case("report backwards", ["report", "--from", "2026-02-01", "--to", "2026-01-01"],
             "before"),
        Case("report pg refused", ["report", "--db", refused], "Connection refused"),
        # audit
        Case("audit verify, no key", ["audit", "verify"], "audit.key is missing"),
        Case("audit verify, key a folder", ["audit", "verify"], "cannot be read",
             env={"CONSOLE_AUDIT_KEY": str(f["folder"])}),
        Case("audit verify, key not a key", ["audit", "verify"], "not an audit key",
             env={"CONSOLE_AUDIT_KEY": str(f["badtoml"])}),
        Case("audit verify pg refused", ["audit", "verify", "--db", refused],
             "Connection refused", env={"CONSOLE_AUDIT_KEY": str(f["key"])}),
        Case("audit show bad action", ["audit", "show", "--action", "drop"], "not an audit action"),
        Case("audit show bad date", ["audit", "show", "--from", "2026-02-30"], "--from"),
        Case("audit show backwards", ["audit", "show", "--from", "2026-02-01", "--to",
             "2026-01-01"], "before"),
        Case("audit show limit 0", ["audit", "show", "--limit", "0"], "--limit"),
        Case("audit show before 0", ["audit", "show", "--before", "0"], "--before"),
        Case("audit alone", ["audit"], "required"),
        # departments
        Case("import missing file", ["departments", "import", str(tmp / "missing.csv")],
             "cannot read"),
        Case("import a folder", ["departments", "import", str(f["folder"])], "cannot read"),
        Case("import latin-1", ["departments", "import", str(f["latin1"])], "not UTF-8"),
        Case("import NUL code", ["departments", "import", str(f["nul"])], "nul.csv:2: column 1"),
        Case("import long code", ["departments", "import", str(f["long"])], "100,000 characters"),
        Case("retire unknown", ["departments", "retire", "NOPE"], "NOPE"),
        Case("retire blank", ["departments", "retire", ""], "不在派单目录中"),
        Case("departments alone", ["departments"], "required"),
        Case("list mysql", ["departments", "--db", "mysql://u@h/x", "list"], "mysql"),
        # config and the window
        Case("config missing", ["config", "check", "--config", str(tmp / "none.toml")],
             "not found", lines=2),
        Case("config a folder", ["config", "check", "--config", str(f["folder"])], "not a file",
             lines=2),
        Case("config bad toml", ["config", "check", "--config", str(f["badtoml"])],
             "TOML syntax error", lines=2),
        Case("config password in query", ["--db", f"nonsense://u@h/x?password={SECRET}", "config",
             "check"], "password=***", lines=2),
        Case("config slash in password", ["--db", f"postgresql://u:a/{SECRET}@h:port/x", "config",
             "check"], "u:***@h", lines=2),
        Case("unknown command", ["frobnicate"], "invalid choice"),
        Case("bad platform", ["--platform", "120", "--smoke"], "invalid choice"),
        Case("window, pg refused", ["--db", refused, "--smoke"], "127.0.0.1"),
        Case("window, a folder", ["--db", f"sqlite:///{f['folder']}", "--smoke"], "folder"),
        Case("window, not sqlite", ["--db", f"sqlite:///{f['notdb']}", "--smoke"], "SQLite"),
        Case("window, missing folder",
             ["--db", f"sqlite:///{tmp / 'nope' / 'x.sqlite3'}", "--smoke"], "nope"),
    ]  # fmt: skip
    (f["nul"].parent / "ok.csv").write_text(
        "code,name_zh,name_en,district,kind\nSY-1,甲,A,210100,functional\n", encoding="utf-8"
    )
    if cluster is not None:
        cases += [
            Case("pg missing database", ["init-db", "--db", cluster.url("no_such_db")],
                 "does not exist"),
            Case("pg unknown role", ["init-db", "--db", cluster.url().replace("app@", "nobody@")],
                 "nobody"),
        ]  # fmt: skip
    return cases


def _run(case: Case, tmp: Path) -> tuple[Case, subprocess.CompletedProcess[str], str]:
    home = tmp / "homes" / case.name.replace(" ", "_").replace("/", "_")
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
        "CONSOLE_DB": f"sqlite:///{tmp / 'ready.sqlite3'}", "QT_QPA_PLATFORM": "offscreen",
        "CONSOLE_LANG": "en", **case.env,
    })  # fmt: skip
    command = [sys.executable, "-m", "console", *case.args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        done = subprocess.CompletedProcess(command, -9, "", "still running after 60 s")
    logs = "".join(p.read_text(errors="replace") for p in (home / "state").rglob("*.log"))
    return case, done, logs


def test_no_hostile_command_line_ends_in_a_traceback(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    cluster = request.getfixturevalue("pg_cluster") if _pg_wanted(request) else None
    cases = _cases(tmp_path, cluster)
    assert len({c.name for c in cases}) == len(cases)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: _run(c, tmp_path), cases))
    wrong = []
    for case, done, logs in results:
        err = done.stderr.strip()
        problems = [
            done.returncode == 0 and "exit 0",
            len(err.splitlines()) != case.lines and f"{len(err.splitlines())} lines",
            any(bad in err for bad in FOREIGN) and "driver text or traceback",
            case.says not in err and f"does not say {case.says!r}",
            SECRET in done.stdout + err + logs and "shows the password",
        ]
        if any(problems):
            shown = err if len(err) < 600 else err[:300] + " … " + err[-300:]
            wrong.append(f"{case.name}: {[p for p in problems if p]}\n    {shown}")
    assert not wrong, "\n".join(wrong)


def _pg_wanted(request: pytest.FixtureRequest) -> bool:
    """The PostgreSQL cases run where PostgreSQL tests run (not under ``-m 'not postgres'``)."""
    marks = request.config.getoption("-m") or ""
    return "not postgres" not in marks
