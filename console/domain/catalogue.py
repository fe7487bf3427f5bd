"""The editable catalogue: request kinds and fields of both platforms, Liaoning's districts, and
the 12345 dispatch directory of departments (承办单位).

Seeded from ``db/seed`` (``kinds.toml``, ``districts.csv``, ``departments.csv``); IT may add or
retire entries in the database afterwards. Parsing lives here so it can be checked without a database.
"""

from __future__ import annotations

import csv
import enum
import io
import tomllib
from dataclasses import dataclass

from console.domain.orders import Platform


@dataclass(frozen=True, slots=True)
class Kind:
    code: str
    platform: Platform
    name_zh: str
    name_en: str
    hint_zh: str = ""
    weight: int = 1
    police: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    code: str
    platform: Platform
    name_zh: str
    name_en: str
    weight: int = 1


@dataclass(frozen=True, slots=True)
class District:
    code: str  # 行政区划代码, 6 digits
    name_zh: str
    name_en: str
    city_code: str
    weight: int = 1

    @property
    def is_city(self) -> bool:
        return self.code == self.city_code


class DepartmentKind(enum.StrEnum):
    GOVERNMENT = "government"  # 属地政府: a city's or county's people's government
    FUNCTIONAL = "functional"  # 职能部门


@dataclass(frozen=True, slots=True)
class Department:
    """Where 12345 dispatches a matter (派单); ``district`` is where it has jurisdiction."""

    code: str
    name_zh: str
    name_en: str
    district: str
    kind: DepartmentKind
    active: bool = True


class CatalogueError(ValueError):
    """A seed file that cannot be read; the message names the file and the entry."""


def parse_kinds(text: str, source: str = "kinds.toml") -> tuple[list[Kind], list[Field]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{source}: {exc}") from exc
    kinds = [
        Kind(
            code=_req(k, "code", source),
            platform=_platform(k, source),
            name_zh=_req(k, "name_zh", source),
            name_en=_req(k, "name_en", source),
            hint_zh=str(k.get("hint_zh", "")),
            weight=int(k.get("weight", 1)),
            police=bool(k.get("police", False)),
        )
        for k in data.get("kind", [])
    ]
    fields = [
        Field(
            code=_req(f, "code", source),
            platform=_platform(f, source),
            name_zh=_req(f, "name_zh", source),
            name_en=_req(f, "name_en", source),
            weight=int(f.get("weight", 1)),
        )
        for f in data.get("field", [])
    ]
    _unique([k.code for k in kinds] + [f.code for f in fields], source)
    return kinds, fields


def parse_districts(text: str, source: str = "districts.csv") -> list[District]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    districts = []
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        code = (row.get("code") or "").strip()
        if not (len(code) == 6 and code.isdigit()):
            raise CatalogueError(f"{source}: data row {n}: code must be 6 digits, got {code!r}")
        districts.append(
            District(
                code=code,
                name_zh=_req(row, "name_zh", source),
                name_en=_req(row, "name_en", source),
                city_code=_req(row, "city_code", source),
                weight=int(row.get("weight") or 1),
            )
        )
    _unique([d.code for d in districts], source)
    return districts


def parse_departments(text: str, source: str = "departments.csv") -> list[Department]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    departments = []
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        district = (row.get("district") or "").strip()
        if not (len(district) == 6 and district.isdigit()):
            raise CatalogueError(
                f"{source}: data row {n}: district must be a 6-digit code, got {district!r}"
            )
        kind = (row.get("kind") or "").strip()
        try:
            department_kind = DepartmentKind(kind)
        except ValueError:
            raise CatalogueError(
                f"{source}: data row {n}: kind must be government or functional, got {kind!r}"
            ) from None
        departments.append(
            Department(
                code=_req(row, "code", source),
                name_zh=_req(row, "name_zh", source),
                name_en=_req(row, "name_en", source),
                district=district,
                kind=department_kind,
            )
        )
    _unique([d.code for d in departments], source)
    return departments


def _req(entry: dict[str, object], key: str, source: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{source}: entry {entry.get('code', '?')!r} lacks {key}")
    return value.strip()


def _platform(entry: dict[str, object], source: str) -> Platform:
    value = str(entry.get("platform", ""))
    try:
        return Platform(value)
    except ValueError:
        raise CatalogueError(
            f"{source}: entry {entry.get('code', '?')!r}: platform must be 12345 or 110, "
            f"got {value!r}"
        ) from None


def _unique(codes: list[str], source: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CatalogueError(f"{source}: code {code!r} appears twice")
        seen.add(code)
