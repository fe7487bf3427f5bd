"""Load the seed catalogues from ``db/seed`` into the database, adding only what is missing.

Entries IT has edited or retired in the database are left alone: a re-run of ``init-db`` never
overwrites a site's changes, it only brings in codes the shipped seed added since.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, select

from console.domain.catalogue import (
    Department,
    District,
    Field,
    Kind,
    parse_departments,
    parse_districts,
    parse_kinds,
)
from console.domain.orders import Platform
from console.paths import bundle_path
from console.store.tables import DepartmentRow, DistrictRow, FieldRow, KindRow


def seed_dir() -> Path:
    return bundle_path("db", "seed")


def load_seed(folder: Path | None = None) -> tuple[list[Kind], list[Field], list[District]]:
    folder = folder or seed_dir()
    kinds_file = folder / "kinds.toml"
    districts_file = folder / "districts.csv"
    kinds, fields = parse_kinds(kinds_file.read_text(encoding="utf-8"), str(kinds_file))
    districts = parse_districts(districts_file.read_text(encoding="utf-8"), str(districts_file))
    return kinds, fields, districts


def load_departments(folder: Path | None = None) -> list[Department]:
    path = (folder or seed_dir()) / "departments.csv"
    return parse_departments(path.read_text(encoding="utf-8"), str(path))


def department_row(d: Department) -> DepartmentRow:
    return DepartmentRow(
        code=d.code,
        name_zh=d.name_zh,
        name_en=d.name_en,
        district=d.district,
        kind=d.kind.value,
        active=d.active,
    )


def _kind_row(k: Kind) -> KindRow:
    return KindRow(
        code=k.code,
        platform=k.platform.value,
        name_zh=k.name_zh,
        name_en=k.name_en,
        hint_zh=k.hint_zh,
        weight=k.weight,
        police=k.police,
    )


def _field_row(f: Field) -> FieldRow:
    return FieldRow(
        code=f.code,
        platform=f.platform.value,
        name_zh=f.name_zh,
        name_en=f.name_en,
        weight=f.weight,
    )


def _district_row(d: District) -> DistrictRow:
    return DistrictRow(
        code=d.code,
        name_zh=d.name_zh,
        name_en=d.name_en,
        city_code=d.city_code,
        weight=d.weight,
    )


def seed_catalogue(session: Session, folder: Path | None = None) -> int:
    """Insert catalogue entries whose code the database lacks; returns how many were added."""
    kinds, fields, districts = load_seed(folder)
    departments = load_departments(folder)
    added = 0
    # Each table's seed entries and how one becomes a row: rows are made only for the codes
    # the database lacks (every start runs this; making every row cost ~40 ms of it).
    wanted: list[tuple[type[SQLModel], Sequence[Any], Callable[[Any], SQLModel]]] = [
        (KindRow, kinds, _kind_row),
        (FieldRow, fields, _field_row),
        (DistrictRow, districts, _district_row),
        (DepartmentRow, departments, department_row),
    ]
    for table, entries, row in wanted:
        present = set(session.exec(select(table.code)).all())  # type: ignore[attr-defined]
        new = [row(e) for e in entries if e.code not in present]
        session.add_all(new)
        added += len(new)
    session.flush()
    return added


def catalogue(
    session: Session, only: tuple[str, str, str] | None = None
) -> tuple[list[Kind], list[Field], list[District]]:
    """The active catalogue as the database holds it now; with ``only`` (a kind, a field and a
    district code, as a draft names them), just those entries: three key lookups."""
    kind_rows = select(KindRow).where(KindRow.active)
    field_rows = select(FieldRow).where(FieldRow.active)
    district_rows = select(DistrictRow)
    if only is not None:
        kind_rows = kind_rows.where(KindRow.code == only[0])
        field_rows = field_rows.where(FieldRow.code == only[1])
        district_rows = district_rows.where(DistrictRow.code == only[2])
    kinds = [
        Kind(r.code, Platform(r.platform), r.name_zh, r.name_en, r.hint_zh, r.weight, r.police)
        for r in session.exec(kind_rows).all()
    ]
    fields = [
        Field(r.code, Platform(r.platform), r.name_zh, r.name_en, r.weight)
        for r in session.exec(field_rows).all()
    ]
    districts = [
        District(r.code, r.name_zh, r.name_en, r.city_code, r.weight)
        for r in session.exec(district_rows).all()
    ]
    return kinds, fields, districts
