"""The 12345 dispatch directory (承办单位) in the database: list, look up, import, retire.

``init-db`` only adds codes the shipped seed lacks; ``import_departments`` is how IT brings in a
site's own directory (a CSV like ``db/seed/departments.csv``): new codes are added, known codes
get the file's names, district and kind, and nothing is deleted — retired departments stay for
the orders that name them and are hidden from dispatch.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from console.domain.catalogue import Department, DepartmentKind
from console.domain.refusals import Refused
from console.store.seed import department_row
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


def import_departments(session: Session, entries: Iterable[Department]) -> tuple[int, int]:
    """Add new codes and update known ones; returns (added, updated)."""
    districts = set(session.exec(select(DistrictRow.code)).all())
    added = updated = 0
    for entry in entries:
        if entry.district not in districts:
            raise ValueError(f"{entry.code}: district {entry.district} is not in the catalogue")
        row = session.get(DepartmentRow, entry.code)
        if row is None:
            session.add(department_row(entry))
            added += 1
            continue
        changed = (row.name_zh, row.name_en, row.district, row.kind, row.active) != (
            entry.name_zh, entry.name_en, entry.district, entry.kind.value, True,
        )  # fmt: skip
        if changed:
            row.name_zh, row.name_en = entry.name_zh, entry.name_en
            row.district, row.kind, row.active = entry.district, entry.kind.value, True
            session.add(row)
            updated += 1
    session.flush()
    return added, updated


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
