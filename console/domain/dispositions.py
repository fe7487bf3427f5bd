"""Wrap-up codes (话后小结 / disposition): what became of a call that left no order behind.

A call that ends without a saved order still happened: the agent gives it a code in wrap-up (a
nuisance call, a repeat, a question answered on the line…) so the period's figures explain every
call. The site may replace the catalogue (``[seat] dispositions`` in the config file, one
``"code=名称"`` string each, at most nine: the digit keys 1–9 pick them); :data:`UNCHOSEN` is
recorded when wrap-up ran out before the agent chose. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_CODES = 9  # the digit keys 1-9


@dataclass(frozen=True, slots=True)
class Disposition:
    code: str  # stable, ASCII: what the record and the report carry
    name_zh: str
    name_en: str

    @property
    def spec(self) -> str:
        """As written in the config file."""
        return f"{self.code}={self.name_zh}"


DEFAULT_DISPOSITIONS: tuple[Disposition, ...] = (
    Disposition("invalid", "无效来电", "Invalid call"),
    Disposition("nuisance", "骚扰", "Nuisance call"),
    Disposition("repeat", "重复来电", "Repeat call"),
    Disposition("answered", "咨询已答复", "Question answered"),
    Disposition("other", "其他", "Other"),
)

UNCHOSEN = Disposition("unchosen", "未选择", "Not chosen")
"""Recorded by the seat itself when wrap-up ended before the agent chose a code."""

_CODE = re.compile(r"[a-z][a-z0-9_-]{0,23}")
_KNOWN = {d.code: d for d in (*DEFAULT_DISPOSITIONS, UNCHOSEN)}


def parse_catalogue(specs: Sequence[str]) -> tuple[Disposition, ...]:
    """The site's catalogue from ``"code=名称"`` strings; ValueError saying what is wrong.

    A default code keeps its English name; a site's own code shows its Chinese name in English
    too (the site named it)."""
    if not specs:
        raise ValueError("list at least one wrap-up code")
    if len(specs) > MAX_CODES:
        raise ValueError(f"at most {MAX_CODES} wrap-up codes (the digit keys 1-9 pick them)")
    found: list[Disposition] = []
    for spec in specs:
        code, sep, name = str(spec).partition("=")
        code, name = code.strip(), name.strip()
        if not sep or not _CODE.fullmatch(code) or not 1 <= len(name) <= 16:
            raise ValueError(
                f'"{spec}" is not "code=名称" (code: a-z, digits, "-" or "_", up to 24; '
                "name: 1-16 characters)"
            )
        if code == UNCHOSEN.code or any(d.code == code for d in found):
            raise ValueError(f'the code "{code}" is reserved or given twice')
        known = _KNOWN.get(code)
        found.append(Disposition(code, name, known.name_en if known else name))
    return tuple(found)


def default_specs() -> tuple[str, ...]:
    return tuple(d.spec for d in DEFAULT_DISPOSITIONS)
