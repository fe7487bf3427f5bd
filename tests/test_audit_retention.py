"""Audit rows are kept at least 180 days (网络安全法 art. 21) and nothing in the console deletes
them: no code, migration or store function deletes, rewrites, truncates or drops the audit
table, and the audit store offers nothing but appending and reading."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import console.store.audit as store

ROOT = Path(__file__).resolve().parents[1]
_NAME = r"[\"'`]?audit[\"'`]?\b"
FORBIDDEN = [  # SQL text, and SQLAlchemy's ways of saying the same
    re.compile(rf"\bDELETE\s+FROM\s+{_NAME}", re.I),
    re.compile(rf"\bUPDATE\s+{_NAME}\s+SET\b", re.I),
    re.compile(rf"\bTRUNCATE\s+(TABLE\s+)?{_NAME}", re.I),
    re.compile(rf"\bDROP\s+TABLE\s+(IF\s+EXISTS\s+)?{_NAME}", re.I),
    re.compile(r"\b(delete|update)\(\s*(AuditRow|_TABLE)\b"),
    re.compile(r"\b(AuditRow|_TABLE)(\.__table__)?\.(delete|update)\("),
    re.compile(r"drop_table\(\s*[\"']audit[\"']"),
]


def offences(text: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN for m in pattern.finditer(text)]


def test_the_scan_would_see_a_deletion() -> None:
    """The patterns catch what they are for (else the test below proves nothing)."""
    for said in ('conn.exec_driver_sql("DELETE FROM audit WHERE seq < 5")',
                 "session.execute(text('update audit set who = 1'))",
                 'op.execute("TRUNCATE TABLE audit")', 'op.drop_table("audit")',
                 "session.execute(delete(AuditRow).where(AuditRow.seq < 5))",
                 "conn.execute(_TABLE.delete())"):  # fmt: skip
        assert offences(said), said
    for fine in ("DELETE FROM orders", "UPDATE audit_view_settings SET x = 1",
                 "CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OR DELETE ON audit",
                 "REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC"):  # fmt: skip
        assert not offences(fine), fine


def test_nothing_in_the_console_deletes_or_rewrites_audit_rows() -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for folder in ("console", "db")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (hits := offences(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_audit_store_only_appends_and_reads() -> None:
    functions = {
        name for name, f in inspect.getmembers(store, inspect.isfunction)
        if f.__module__ == store.__name__ and not name.startswith("_")
    }  # fmt: skip
    assert functions == {"lock_chain", "head", "append", "stream", "page"}
    tree = ast.parse(inspect.getsource(store))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    sql = " ".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                   and isinstance(n.value, str) and id(n) not in docstrings)  # fmt: skip
    statements = set(re.findall(r"\b(INSERT|DELETE|UPDATE|TRUNCATE|DROP)\b", sql, re.I))
    assert statements == {"INSERT"}
