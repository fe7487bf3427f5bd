"""The 12345 dispatch directory (承办单位) in the database: list, look up, import, retire.

``init-db`` only adds codes the shipped seed lacks; ``import_departments`` is how IT brings in a
site's own directory (a CSV like ``db/seed/departments.csv``, read by :func:`read_import`): new
codes are added, known codes get the file's names, district, kind and ``active`` (true when the
column is absent), and nothing is deleted — retired departments stay for the orders that name
them and are hidden from dispatch. A file with any bad row changes nothing: every bad row is
reported with its line and column.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from console.domain.catalogue import Department, DepartmentKind
from console.domain.refusals import Refused
from console.store.tables import DepartmentRow, DistrictRow


class UnknownDepartment(Refused, LookupError):
    """No such department in the directory, or it is retired."""

    def __init__(self, code: str, why: str) -> None:
        super().__init__("unknown_department", why, department=code)


def departments(session: Session, include_retired: bool = False) -> list[Department]:
    query = select(DepartmentRow).order_by(col(DepartmentRow.district), col(DepartmentRow.code))
    if not include_retired:
        query = query.where(col(DepartmentRow.active))
    return [_domain(r) for r in session.exec(query).all()]


def active_department(session: Session, code: str) -> Department:
    row = session.get(DepartmentRow, code.strip())
    if row is None:
        raise UnknownDepartment(code, f"承办单位 {code!r} 不在派单目录中 (not in the directory)")
    if not row.active:
        raise UnknownDepartment(code, f"承办单位 {row.name_zh} ({code}) 已停用 (retired)")
    return _domain(row)


class BadImportFile(ValueError):
    """A directory file with bad rows: ``problems`` says each one as ``FILE:LINE: column N …``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


COLUMNS = ("code", "name_zh", "name_en", "district", "kind")  # and "active", optional
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
NAME_MOST = 100
_TRUE, _FALSE = {"true", "1", "yes", "y", ""}, {"false", "0", "no", "n"}
_KINDS = frozenset(k.value for k in DepartmentKind)
# Control characters, bidirectional overrides, zero-width and other format characters, lone
# surrogates: nothing a department's name should hold (a regex: 100,000 rows in well under 1 s).
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def read_import(text: str, source: str, districts: Collection[str]) -> list[Department]:
    """The departments of a CSV file's text (a leading BOM is fine; ``#`` lines are comments).

    Raises :class:`BadImportFile` naming every bad row by line and column: a code that is not
    1-32 letters, digits, ``-``, ``_`` or ``.``; a name that is blank, longer than
    :data:`NAME_MOST` or holds a control character; a district not in ``districts``; a kind
    other than government/functional; an ``active`` other than true/false; a code twice.
    """
    problems: list[str] = []
    header: list[str] | None = None
    found: list[Department] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        at = f"{source}:{number}"
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            problems.append(f"{at}: not a CSV row ({exc})")
            continue
        if header is None:
            header = [c.strip() for c in cells]
            problems += _header_problems(header, at)
            if problems:
                break
            continue
        if len(cells) != len(header):
            problems.append(f"{at}: {len(cells)} columns, the header has {len(header)}")
            continue
        entry, bad = _entry(dict(zip(header, cells, strict=True)), header, at, districts)
        problems += bad
        if entry is None:
            continue
        if entry.code in first_line:
            problems.append(f"{at}: column 1 (code): {entry.code} is already on line "
                            f"{first_line[entry.code]}")  # fmt: skip
            continue
        first_line[entry.code] = number
        found.append(entry)
    if header is None and not problems:
        problems.append(f"{source}: no header line ({', '.join(COLUMNS)}[, active])")
    if problems:
        raise BadImportFile(problems)
    return found


def _header_problems(header: list[str], at: str) -> list[str]:
    problems = [
        f"{at}: column {n} ({name or 'blank'}): unknown column; the columns are "
        f"{', '.join(COLUMNS)} and optionally active"
        for n, name in enumerate(header, start=1)
        if name not in (*COLUMNS, "active")
    ]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        problems.append(f"{at}: the header lacks {', '.join(missing)}")
    if len(set(header)) != len(header):
        problems.append(f"{at}: a column is named twice")
    return problems


def _entry(
    row: dict[str, str], header: list[str], at: str, districts: Collection[str]
) -> tuple[Department | None, list[str]]:
    problems: list[str] = []

    def bad(column: str, why: str) -> None:
        problems.append(f"{at}: column {header.index(column) + 1} ({column}): {why}")

    code = row["code"].strip()
    if not _CODE.fullmatch(code):
        bad("code", f"{_shown(code)} is not a code: 1-32 letters, digits, '-', '_' or '.'")
    for name in ("name_zh", "name_en"):
        value = row[name].strip()
        if not value:
            bad(name, "blank")
        elif len(value) > NAME_MOST:
            bad(name, f"{len(value):,} characters, at most {NAME_MOST}")
        elif _CONTROL.search(value):
            bad(name, "holds a control character")
    district = row["district"].strip()
    if district not in districts:
        bad("district", f"{_shown(district)} is not a district code of the catalogue")
    kind = row["kind"].strip()
    if kind not in _KINDS:
        bad("kind", f"{_shown(kind)}: must be government or functional")
    active = row.get("active", "").strip().lower()
    if active not in _TRUE | _FALSE:
        bad("active", f"{_shown(active)}: must be true or false")
    if problems:
        return None, problems
    department = Department(
        code, row["name_zh"].strip(), row["name_en"].strip(), district, DepartmentKind(kind),
        active not in _FALSE,
    )  # fmt: skip
    return department, []


def _shown(value: str) -> str:
    """A cell as a problem names it: short, control characters visible."""
    text = repr(value if len(value) <= 40 else value[:40] + "…")
    return text if len(value) <= 40 else f"{text} ({len(value):,} characters)"


def import_departments(session: Session, entries: Iterable[Department]) -> tuple[int, int]:
    """Add new codes and update known ones, in bulk in the caller's transaction; returns
    (added, updated). Entries come from :func:`read_import` (checked)."""
    table = DepartmentRow.__table__  # type: ignore[attr-defined]
    columns = (table.c.name_zh, table.c.name_en, table.c.district, table.c.kind, table.c.active)
    current = {
        code: tuple(rest)
        for code, *rest in session.connection().execute(core_select(table.c.code, *columns))
    }
    added: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    for entry in entries:
        values = (entry.name_zh, entry.name_en, entry.district, entry.kind.value, entry.active)
        if entry.code not in current:
            added.append(_values(entry))
        elif current[entry.code] != values:
            changed.append({"key": entry.code, **_values(entry)})
    if added:
        session.execute(insert(table), added)
    if changed:
        fields: dict[str, Any] = {
            k: bindparam(k) for k in ("name_zh", "name_en", "district", "kind", "active")
        }
        statement = update(table).where(table.c.code == bindparam("key")).values(**fields)
        session.connection().execute(statement, changed)
    session.expire_all()  # rows loaded before the bulk statements are stale now
    return len(added), len(changed)


def _values(d: Department) -> dict[str, object]:
    return {
        "code": d.code, "name_zh": d.name_zh, "name_en": d.name_en, "district": d.district,
        "kind": d.kind.value, "active": d.active,
    }  # fmt: skip


def retire(session: Session, code: str) -> Department:
    row = session.get(DepartmentRow, code.strip())
    if row is None:
        raise UnknownDepartment(code, f"承办单位 {code!r} 不在派单目录中 (not in the directory)")
    row.active = False
    session.add(row)
    session.flush()
    return _domain(row)


def _domain(row: DepartmentRow) -> Department:
    return Department(
        row.code, row.name_zh, row.name_en, row.district, DepartmentKind(row.kind), row.active
    )


def district_codes(session: Session) -> set[str]:
    """The catalogue's district codes (what an imported department's district must be)."""
    return set(session.exec(select(DistrictRow.code)).all())
