"""Finding the line of a plan file a mistake is about (tomllib gives no positions for values).

A :class:`Spot` names what the mistake is about: a key at the top, a ``[level.N]`` section or
one of its keys, a step of its ``steps`` (written as inline tables ``{kind = …}`` in the
``steps = [...]`` array, or as ``[[level.N.steps]]`` sections), or a key of a step. The text
is scanned for it; when it cannot be found, the nearest enclosing thing's line is given (the
step, the section, else line 1). Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spot:
    level: str | None  # the [level.N] key; None: the top of the file
    step: int | None  # 0-based index in the level's steps
    key: str | None


_HEADER = re.compile(r"\s*\[(\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _path(header: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'").strip() for part in header.split("."))


def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")


def locate(text: str, spot: Spot) -> int:
    """The 1-based line of ``text`` that ``spot`` is about (1 when nothing better is found)."""
    lines = text.splitlines()
    owner: list[tuple[str, ...]] = []  # the section each line belongs to
    array_starts: list[int] = []  # lines of [[level.N.steps]] headers for this spot's level
    current: tuple[str, ...] = ()
    for number, line in enumerate(lines):
        header = _HEADER.match(line)
        if header:
            current = _path(header[2])
            if header[1] and current == ("level", spot.level, "steps"):
                array_starts.append(number)
        owner.append(current)
    if spot.level is None:
        top = [n for n, o in enumerate(owner) if o == ()]
        return _first_key(lines, top, spot.key) or 1
    section = [n for n, o in enumerate(owner) if o == ("level", spot.level)]
    head = next((n + 1 for n in section if _HEADER.match(lines[n])), None)
    fallback = head or 1
    if spot.step is None:
        return _first_key(lines, section, spot.key) or fallback
    if array_starts:
        if spot.step >= len(array_starts):
            return fallback
        begin = array_starts[spot.step]
        end = next((n for n in range(begin + 1, len(lines)) if _HEADER.match(lines[n])),
                   len(lines))  # fmt: skip
        return _first_key(lines, range(begin + 1, end), spot.key) or begin + 1
    steps_at = _first_key(lines, section, "steps")
    if steps_at is None:
        return fallback
    found = _inline_step(lines, steps_at - 1, spot.step)
    return found + 1 if found is not None else steps_at


def _first_key(lines: list[str], among: range | list[int], key: str | None) -> int | None:
    if key is None:
        return None
    pattern = _key_pattern(key)
    return next((n + 1 for n in among if pattern.match(lines[n])), None)


def _inline_step(lines: list[str], start: int, wanted: int) -> int | None:
    """The 0-based line where the ``wanted``-th inline table of the array that opens after the
    ``=`` on line ``start`` begins; strings and comments are skipped."""
    text = "\n".join(lines[start:])
    i = text.index("=") + 1
    line, depth, seen = start, 0, -1
    quote: str | None = None
    while i < len(text):
        c, step = text[i], 1
        if quote is not None:
            if text.startswith(quote, i):
                step, quote = len(quote), None
            elif c == "\\" and quote[0] == '"':
                step = 2  # an escaped character, maybe a quote
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            step = len(quote)
        elif c == "#":
            end = text.find("\n", i)
            step = (len(text) if end == -1 else end) - i
        elif c in "[{":
            if c == "{" and depth == 1:
                seen += 1
                if seen == wanted:
                    return line
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return None
        line += text.count("\n", i, i + step)
        i += step
    return None
