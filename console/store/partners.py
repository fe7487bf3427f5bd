"""The linkage partner directory (联动单位) in the database: list, seed the demo, import.

A fresh database gets the demo directory ``db/seed/partners.csv`` (marked ``demo``) when its
partner table is empty. ``import_partners`` is how IT brings in the site's own (a CSV with the
same columns, read by :func:`read_import`): new codes are added, known codes take the file's
values (no longer demo); with ``replace`` every partner the file does not name is retired
(``active`` false: incidents keep naming it, plans no longer notify it); nothing is deleted.
A file with any bad row changes nothing: every bad row is reported with its line and column.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from console.domain.emergency import Channel, Partner, PartnerKind
from console.paths import bundle_path
from console.store.departments import _CONTROL, NAME_MOST, BadImportFile, _shown
from console.store.incident_tables import PartnerRow
from console.store.tables import DistrictRow

__all__ = [
    "COLUMNS",
    "BadImportFile",
    "Entry",
    "Imported",
    "city_codes",
    "directory",
    "import_partners",
    "read_import",
    "seed_demo_partners",
]

COLUMNS = ("code", "name", "kind", "city", "duty_phone", "channel", "address")  # active optional
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
# A duty phone as people write it: digits with spaces or hyphens, maybe a leading +; 5-20 digits.
_PHONE = re.compile(r"\+?[0-9][0-9 -]*[0-9]")
_PHONE_DIGITS = range(5, 21)
ADDRESS_MOST = 100
_TRUE, _FALSE = {"true", "1", "yes", "y", ""}, {"false", "0", "no", "n"}
_KINDS = ", ".join(k.value for k in PartnerKind)
_CHANNELS = ", ".join(c.value for c in Channel)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a directory file: the partner, and whether it is active."""

    partner: Partner
    active: bool = True


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    updated: int
    retired: int  # active partners the import retired (active=false rows, or --replace)


def directory(session: Session, city: str | None = None) -> list[Partner]:
    """The active partners (of ``city``, a six-digit city code, when given), by city, kind
    and code."""
    query = select(PartnerRow).where(col(PartnerRow.active))
    if city is not None:
        query = query.where(PartnerRow.city == city)
    query = query.order_by(col(PartnerRow.city), col(PartnerRow.kind), col(PartnerRow.code))
    return [_domain(r) for r in session.exec(query).all()]


def city_codes(session: Session) -> set[str]:
    """The catalogue's city codes (what a partner's city must be)."""
    return set(session.exec(select(DistrictRow.city_code)).all())


def demo_file() -> Path:
    return bundle_path("db", "seed", "partners.csv")


def seed_demo_partners(session: Session, path: Path | None = None) -> int:
    """Add the demo directory (marked ``demo``) when the partner table is empty; returns how
    many partners were added (0 when the site already has a directory, even a retired one)."""
    if session.exec(select(PartnerRow.id).limit(1)).first() is not None:
        return 0
    path = path or demo_file()
    entries = read_import(path.read_text(encoding="utf-8"), str(path), city_codes(session))
    if entries:
        table = PartnerRow.__table__  # type: ignore[attr-defined]
        session.execute(insert(table), [_values(e, demo=True) for e in entries])
    return len(entries)


def read_import(text: str, source: str, cities: Collection[str]) -> list[Entry]:
    """The partners of a CSV file's text (a leading BOM is fine; ``#`` lines are comments).

    Raises :class:`BadImportFile` naming every bad row by line and column: a code that is not
    1-32 letters, digits, ``-``, ``_`` or ``.``; a blank name or address, longer than allowed
    or holding a control character; a kind or channel not known; a city not in ``cities``; a
    duty phone that is not 5-20 digits (spaces, hyphens, a leading + allowed); an address of an
    ``sms`` partner that is not a phone; an ``active`` other than true/false; a code twice.
    """
    problems: list[str] = []
    found: list[Entry] = []
    first_line: dict[str, int] = {}
    for number, at, row in _rows(text, source, problems):
        entry = _entry(row, at, cities, problems)
        if entry is None:
            continue
        code = entry.partner.code
        if code in first_line:
            problems.append(f"{at}: column 1 (code): {code} is already on line {first_line[code]}")
            continue
        first_line[code] = number
        found.append(entry)
    if problems:
        raise BadImportFile(problems)
    return found


def _rows(
    text: str, source: str, problems: list[str]
) -> Iterator[tuple[int, str, dict[str, tuple[int, str]]]]:
    """(line number, ``FILE:LINE``, {column: (1-based position, cell)}) of each data row."""
    header: list[str] | None = None
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
                return
            continue
        if len(cells) != len(header):
            problems.append(f"{at}: {len(cells)} columns, the header has {len(header)}")
            continue
        yield (
            number,
            at,
            {h: (n, c) for n, (h, c) in enumerate(zip(header, cells, strict=True), start=1)},
        )
    if header is None and not problems:
        problems.append(f"{source}: no header line ({', '.join(COLUMNS)}[, active])")


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
    row: dict[str, tuple[int, str]], at: str, cities: Collection[str], problems: list[str]
) -> Entry | None:
    before = len(problems)

    def cell(column: str) -> str:
        return row[column][1].strip() if column in row else ""

    def bad(column: str, why: str) -> None:
        problems.append(f"{at}: column {row[column][0]} ({column}): {why}")

    code = cell("code")
    if not _CODE.fullmatch(code):
        bad("code", f"{_shown(code)} is not a code: 1-32 letters, digits, '-', '_' or '.'")
    _text(cell("name"), NAME_MOST, lambda why: bad("name", why))
    kind = cell("kind")
    if kind not in {k.value for k in PartnerKind}:
        bad("kind", f"{_shown(kind)} is not a partner kind: {_KINDS}")
    city = cell("city")
    if city not in cities:
        bad("city", f"{_shown(city)} is not a city code of the catalogue (e.g. 210100)")
    phone = cell("duty_phone")
    if not _plausible_phone(phone):
        bad("duty_phone", f"{_shown(phone)} is not a phone number: 5-20 digits")
    channel = cell("channel")
    if channel not in {c.value for c in Channel}:
        bad("channel", f"{_shown(channel)} is not a channel: {_CHANNELS}")
    address = cell("address")
    _text(address, ADDRESS_MOST, lambda why: bad("address", why))
    if channel == Channel.SMS and address and not _plausible_phone(address):
        bad("address", f"{_shown(address)}: an sms partner's address is its duty mobile")
    active = cell("active").lower()
    if active not in _TRUE | _FALSE:
        bad("active", f"{_shown(active)}: must be true or false")
    if len(problems) > before:
        return None
    partner = Partner(code, cell("name"), PartnerKind(kind), city, phone, Channel(channel), address)
    return Entry(partner, active not in _FALSE)


def _text(value: str, most: int, bad: Callable[[str], None]) -> None:
    if not value:
        bad("blank")
    elif len(value) > most:
        bad(f"{len(value):,} characters, at most {most}")
    elif _CONTROL.search(value):
        bad("holds a control character")


def _plausible_phone(value: str) -> bool:
    return bool(_PHONE.fullmatch(value)) and sum(c.isdigit() for c in value) in _PHONE_DIGITS


def import_partners(session: Session, entries: Iterable[Entry], replace: bool = False) -> Imported:
    """Add new codes and update known ones, in bulk in the caller's transaction; with
    ``replace``, retire every active partner the entries do not name. Entries come from
    :func:`read_import` (checked)."""
    table = PartnerRow.__table__  # type: ignore[attr-defined]
    names = ("name", "kind", "city", "duty_phone", "channel", "address", "demo", "active")
    current = {
        code: tuple(rest)
        for code, *rest in session.connection().execute(
            core_select(table.c.code, *(table.c[n] for n in names))
        )
    }
    added: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    retired = 0
    entries = list(entries)
    for entry in entries:
        values = _values(entry, demo=False)
        old = current.get(entry.partner.code)
        if old is None:
            added.append(values)
        elif old != tuple(values[n] for n in names):
            changed.append({"key": entry.partner.code, **values})
            retired += bool(old[-1]) and not entry.active
    updated = len(changed)
    if replace:
        named = {e.partner.code for e in entries}
        gone = [code for code, old in current.items() if code not in named and old[-1]]
        changed += [{"key": code, **dict(zip(names, current[code], strict=True))} | {"active": False}
                    for code in gone]  # fmt: skip
        retired += len(gone)
    if added:
        session.execute(insert(table), added)
    if changed:
        fields: dict[str, Any] = {n: bindparam(n) for n in names}
        statement = update(table).where(table.c.code == bindparam("key")).values(**fields)
        session.connection().execute(statement, changed)
    session.expire_all()  # rows loaded before the bulk statements are stale now
    return Imported(len(added), updated, retired)


def _values(entry: Entry, demo: bool) -> dict[str, object]:
    p = entry.partner
    return {
        "code": p.code, "name": p.name, "kind": p.kind.value, "city": p.city,
        "duty_phone": p.duty_phone, "channel": p.channel.value, "address": p.address,
        "demo": demo, "active": entry.active,
    }  # fmt: skip


def _domain(row: PartnerRow) -> Partner:
    return Partner(
        row.code, row.name, PartnerKind(row.kind), row.city, row.duty_phone,
        Channel(row.channel), row.address, row.demo,
    )  # fmt: skip
