"""Reading the site's 会商 files (``db/consultation/*.toml``): rules (``[[rule]]``) and
transfer-list items (``[[item]]``), into a :class:`RuleBook`.

Every mistake is a :class:`RuleFileError` naming the file and the line (tomllib's line for a
syntax error; else the line of the offending key, or of the entry's ``[[rule]]`` / ``[[item]]``
header), so IT can fix a site-edited file without reading code. Unknown kinds, fields, districts
and departments are mistakes (checked against :class:`Known`, the catalogue), and so are two
rules that overlap with no priority to choose between them (:func:`check_overlaps`). The format
is in docs/consultation.md. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from console.domain.consultation import (
    Consultation,
    Direction,
    Matter,
    Rule,
    RuleConflict,
    TransferItem,
    check_overlaps,
)
from console.domain.order_types import Platform
from console.domain.toml_file import Misplaced, TomlFileError, TomlFiles

TEXT_MOST = 2000
RULE_ID = re.compile(r"R-\d{1,6}$")
ITEM_NUMBER = re.compile(r"\d{1,3}\.\d{1,3}$")
_TOP = frozenset({"demo", "source", "consultation", "rule", "item"})
_RULE = frozenset({"id", "version", "kinds", "fields", "districts", "keywords", "platform",
                   "department", "norm", "consultation", "valid_from", "valid_to", "priority"})  # fmt: skip
_ITEM = frozenset({"direction", "number", "class", "item", "keywords", "kinds"})
_MEETING = frozenset({"title", "held_on", "participants", "minutes"})


class RuleFileError(TomlFileError):
    """A 会商 file with a mistake; str() is ``PATH:LINE: WHY``."""


_FILES = TomlFiles(RuleFileError, "会商 files")


@dataclass(frozen=True, slots=True)
class Known:
    """The catalogue a file is checked against: kind code → its platform; field, district and
    12345 department codes."""

    kinds: Mapping[str, Platform]
    fields: frozenset[str]
    districts: frozenset[str]
    departments: frozenset[str]


@dataclass(frozen=True, slots=True)
class RuleBook:
    rules: tuple[Rule, ...] = ()
    items: tuple[TransferItem, ...] = ()
    # (rule id, version) → (file, line); items by (direction, number)
    where: Mapping[tuple[str, str | int], tuple[str, int]] = field(default_factory=dict)
    demo: bool = False


class _Mistake(Misplaced):
    def __init__(self, table: str | None, index: int, key: str | None, why: str) -> None:
        super().__init__(why)
        self.table, self.index, self.key = table, index, key

    def line(self, text: str) -> int:
        return line_of(text, self.table, self.index, self.key)


def line_of(text: str, table: str | None, index: int, key: str | None) -> int:
    """The 1-based line of ``key`` in the ``index``-th ``[[table]]`` entry (the top of the file
    for ``table`` None); the entry's header when the key is not there; else 1."""
    lines = text.splitlines()
    header = re.compile(r"\s*\[")
    if table is None:
        begin, end = 0, next((n for n, s in enumerate(lines) if header.match(s)), len(lines))
    else:
        mine = re.compile(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]")
        starts = [n for n, s in enumerate(lines) if mine.match(s)]
        if index >= len(starts):
            return 1
        begin = starts[index]
        end = next((n for n in range(begin + 1, len(lines)) if header.match(lines[n])),
                   len(lines))  # fmt: skip
    if key is not None:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        found = next((n for n in range(begin, end) if pattern.match(lines[n])), None)
        if found is not None:
            return found + 1
    return begin + 1


def parse_rule_file(text: str, origin: str, known: Known) -> RuleBook:
    """The rules and items of one file; raises :class:`RuleFileError`."""
    return _FILES.parse(text, origin, lambda data: _book(data, origin, text, known))


def load_rule_book(directory: Path, known: Known) -> RuleBook:
    """Every ``*.toml`` of ``directory`` (the site's ``db/consultation``), checked together:
    what the console reads at start-up, where a :class:`RuleFileError` stops it."""
    return merge([parse_rule_file(text, name, known) for name, text in _FILES.texts(directory)])


def merge(books: Sequence[RuleBook]) -> RuleBook:
    """Several files' books as one, checked: a rule version or item number given twice, or two
    rules overlapping with no priority, is a :class:`RuleFileError` at the later one's line."""
    rules: list[Rule] = []
    items: list[TransferItem] = []
    where: dict[tuple[str, str | int], tuple[str, int]] = {}
    for book in books:
        for key, spot in book.where.items():
            if key in where:
                first = "{}:{}".format(*where[key])
                raise RuleFileError(*spot, f"{key[0]} {key[1]} is given twice (first at {first})")
            where[key] = spot
        rules += book.rules
        items += book.items
    try:
        check_overlaps(rules)
    except RuleConflict as c:
        later = max(where[c.first.rule_id, c.first.version], where[c.second.rule_id,
                    c.second.version])  # fmt: skip
        raise RuleFileError(*later, str(c)) from None
    return RuleBook(tuple(rules), tuple(items), where, any(b.demo for b in books))


def _book(data: dict[str, Any], origin: str, text: str, known: Known) -> RuleBook:
    _keys(data, _TOP, None, 0)
    meeting = data.get("consultation")
    agreed = _meeting(meeting, None, 0, "consultation") if meeting is not None else None
    rules: list[Rule] = []
    items: list[TransferItem] = []
    where: dict[tuple[str, str | int], tuple[str, int]] = {}
    for n, entry in enumerate(_entries(data, "rule")):
        rule = _rule(entry, n, known, agreed)
        key: tuple[str, str | int] = (rule.rule_id, rule.version)
        if key in where:
            raise _Mistake("rule", n, "version", f"{rule.rule_id} version {rule.version} twice")
        where[key] = (origin, line_of(text, "rule", n, None))
        rules.append(rule)
    for n, entry in enumerate(_entries(data, "item")):
        item = _item(entry, n, known, agreed)
        spot: tuple[str, str | int] = (item.direction.value, item.number)
        if spot in where:
            raise _Mistake("item", n, "number", f"item {item.number} twice in {item.direction}")
        where[spot] = (origin, line_of(text, "item", n, None))
        items.append(item)
    demo = data.get("demo", False)
    if not isinstance(demo, bool):
        raise _Mistake(None, 0, "demo", "demo must be true or false")
    book = RuleBook(tuple(rules), tuple(items), where, demo)
    merge([book])  # overlaps within the file
    return book


def _entries(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    entries = data.get(table, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _Mistake(None, 0, table, f"'{table}' must be written as [[{table}]] sections")
    return entries


def _keys(entry: Mapping[str, Any], allowed: frozenset[str], table: str | None, n: int) -> None:
    for key in entry:
        if key not in allowed:
            raise _Mistake(
                table, n, key, f"unknown key '{key}' (known: {', '.join(sorted(allowed))})"
            )


def _text(entry: Mapping[str, Any], key: str, table: str | None, n: int, need: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or len(value) > TEXT_MOST or (need and not value.strip()):
        raise _Mistake(table, n, key, f"'{key}' must be a text of 1 to {TEXT_MOST} characters")
    return value.strip()


def _codes(
    entry: Mapping[str, Any], key: str, table: str, n: int, allowed: object
) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Mistake(table, n, key, f"'{key}' must be a list of texts")
    for v in value:
        if allowed is not None and v not in allowed:  # type: ignore[operator]
            raise _Mistake(table, n, key, f"unknown {key[:-1]} '{v}' in '{key}'")
    return tuple(v.strip() for v in value)


def _day(entry: Mapping[str, Any], key: str, table: str | None, n: int) -> date:
    value = entry.get(key)
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise _Mistake(table, n, key, f"'{key}' must be a date, e.g. {key} = 2026-03-12")
    return value


def _meeting(value: object, table: str | None, n: int, key: str) -> Consultation:
    if not isinstance(value, dict):
        raise _Mistake(table, n, key, f"'{key}' must be a table {{title = …, held_on = …}}")
    bad = sorted(set(value) - _MEETING)
    if bad:
        raise _Mistake(table, n, key, f"'{key}' has unknown key '{bad[0]}'")
    title = value.get("title")
    held = value.get("held_on")
    people = value.get("participants", [])
    if not isinstance(title, str) or not title.strip():
        raise _Mistake(table, n, key, f"'{key}' needs a title, e.g. 2026年第3次会商")
    if not isinstance(held, date) or hasattr(held, "hour"):
        raise _Mistake(table, n, key, f"'{key}' needs held_on, a date")
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise _Mistake(table, n, key, f"'{key}': participants must be a list of texts")
    minutes = value.get("minutes", "")
    if not isinstance(minutes, str):
        raise _Mistake(table, n, key, f"'{key}': minutes must be a text")
    return Consultation(title.strip(), held, tuple(people), minutes.strip())


def _rule(entry: dict[str, Any], n: int, known: Known, agreed: Consultation | None) -> Rule:
    t = "rule"
    _keys(entry, _RULE, t, n)
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise _Mistake(t, n, "id", "'id' must be like R-017")
    version = entry.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Mistake(t, n, "version", "'version' must be a whole number from 1")
    kinds = _codes(entry, "kinds", t, n, known.kinds)
    matter = Matter(
        kinds,
        _codes(entry, "fields", t, n, known.fields),
        _codes(entry, "districts", t, n, known.districts),
        _codes(entry, "keywords", t, n, None),
    )
    if not matter.kinds and not matter.keywords:
        raise _Mistake(t, n, None, f"{rule_id}: a rule names kinds or keywords (or both)")
    try:
        platform = Platform(str(entry.get("platform")))
    except ValueError:
        raise _Mistake(t, n, "platform", '\'platform\' must be "12345" or "110"') from None
    department = entry.get("department")
    if department is not None:
        department = _text(entry, "department", t, n)
        if platform is Platform.HOTLINE and department not in known.departments:
            raise _Mistake(t, n, "department", f"unknown department '{department}'")
    meeting = entry.get("consultation")
    consultation = _meeting(meeting, t, n, "consultation") if meeting is not None else agreed
    if consultation is None:
        raise _Mistake(t, n, None, f"{rule_id}: no consultation (per rule, or [consultation])")
    valid_from = _day(entry, "valid_from", t, n)
    valid_to = _day(entry, "valid_to", t, n) if "valid_to" in entry else None
    if valid_to is not None and valid_to < valid_from:
        raise _Mistake(t, n, "valid_to", "'valid_to' is before 'valid_from'")
    priority = entry.get("priority")
    if priority is not None and (not isinstance(priority, int) or isinstance(priority, bool)):
        raise _Mistake(t, n, "priority", "'priority' must be a whole number (higher wins)")
    norm = _text(entry, "norm", t, n)
    return Rule(rule_id, version, matter, platform, department, norm, consultation,
                valid_from, valid_to, priority)  # fmt: skip


def _item(entry: dict[str, Any], n: int, known: Known, agreed: Consultation | None) -> TransferItem:
    t = "item"
    _keys(entry, _ITEM, t, n)
    try:
        direction = Direction(str(entry.get("direction")))
    except ValueError:
        raise _Mistake(
            t, n, "direction", '\'direction\' must be "12345->110" or "110->12345"'
        ) from None
    number = entry.get("number")
    if not isinstance(number, str) or not ITEM_NUMBER.match(number):
        raise _Mistake(t, n, "number", "'number' must be like \"3.2\" (class 3, item 2)")
    target = {k for k, p in known.kinds.items() if p is direction.target}
    keywords = _codes(entry, "keywords", t, n, None)
    if not keywords:
        raise _Mistake(t, n, "keywords", "an item needs keywords")
    return TransferItem(direction, number, _text(entry, "class", t, n), _text(entry, "item", t, n),
                        keywords, _codes(entry, "kinds", t, n, target), agreed)  # fmt: skip
