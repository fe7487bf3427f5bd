"""Reading a folder of site-edited TOML files so that every mistake names its file and line.

The 会商 files (:mod:`console.domain.consultation_file`), the knowledge base
(:mod:`console.domain.knowledge_file`) and the linkage plans (:mod:`console.domain.plan_file`)
are read the same way: every ``*.toml`` of a folder in name order, each parsed with tomllib
(whose line a syntax error takes) and then checked, a check's mistake raised as a
:class:`Misplaced` that finds its own line in the text. Each kind of file keeps its own error
class (a :class:`TomlFileError`) and wording, declared once in a :class:`TomlFiles`. Pure Python.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar


class TomlFileError(ValueError):
    """A site file with a mistake: ``path``, ``line`` (1-based; None when no line applies, e.g.
    a missing folder) and ``why``; str() is ``PATH:LINE: WHY`` (``PATH: WHY`` without a line)."""

    def __init__(self, path: str, line: int | None, why: str) -> None:
        self.path, self.line, self.why = path, line, why
        super().__init__(f"{path}:{line}: {why}" if line is not None else f"{path}: {why}")


class Misplaced(Exception):
    """A mistake found while checking a parsed file, before its line is known: :meth:`line`
    finds it in the file's text."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why

    def line(self, text: str) -> int:
        raise NotImplementedError


E = TypeVar("E", bound=TomlFileError)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TomlFiles(Generic[E]):
    """One kind of site file: the error it raises and how its reading mistakes are worded."""

    error: type[E]
    folder: str  # what a folder of them is: "no such folder of <folder>"
    syntax: str = "not valid TOML"  # a syntax error: "<syntax>: <tomllib's message>"
    no_line: int | None = 1  # the line named where none applies
    bad_byte_line: bool = False  # not UTF-8: name the bad byte's line, else "cannot be read"

    def texts(self, directory: Path) -> Iterator[tuple[str, str]]:
        """(file name, text) of every ``*.toml`` of ``directory``, in name order."""
        if not directory.is_dir():
            raise self.error(str(directory), self.no_line, f"no such folder of {self.folder}")
        for path in sorted(directory.glob("*.toml")):
            yield str(path), self.read(path)

    def read(self, path: Path) -> str:
        """The text of one file (UTF-8, with or without BOM)."""
        if not self.bad_byte_line:
            try:
                return path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise self.error(str(path), self.no_line, f"cannot be read: {exc}") from None
        raw = path.read_bytes()
        try:
            return raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            why = (
                f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 (须为 UTF-8)"
            )
            raise self.error(str(path), line, why) from None

    def parse(self, text: str, origin: str, check: Callable[[dict[str, Any]], T]) -> T:
        """``check`` of the parsed ``text``; a syntax error or a :class:`Misplaced` raised by
        ``check`` becomes this kind's error naming ``origin`` and the line."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            at = re.search(r"at line (\d+)", str(exc))
            line = int(at[1]) if at else self.no_line
            raise self.error(origin, line, f"{self.syntax}: {exc}") from None
        try:
            return check(data)
        except Misplaced as m:
            raise self.error(origin, m.line(text), m.why) from None
