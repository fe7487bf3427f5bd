"""The history file of ``orders import`` read as a stream, never held whole (issue 18: a
province's year, 10 M rows, on a seat-class machine): its encoding found block by block, its
rows read, checked and handed on in batches of :data:`BATCH`.

The command reads the file twice: :func:`check` (every row, the numbers against the whole file
and the database, nothing written) and then :func:`again` (the same rows, for the writing). A
digest of the bytes read ties the two: a file that changed in between is refused
(:class:`FileChanged`) and nothing is written.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from console.cli.common import CommandFailed

if TYPE_CHECKING:
    from console.domain.order_import import Header, ImportedOrder, Problem, RowReader

ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gb18030"}  # GB 18030 reads every GBK file
BLOCK = 1 << 20  # bytes read at a time
BATCH = 20_000  # records checked against the database, and written, at a time
EVERY = 100_000  # rows between two progress lines on stderr


class FileChanged(Exception):
    """The file read for the writing is not the one checked."""


def encoding_of(path: Path, forced: str | None, en: bool) -> str:
    """The first of ``forced`` or UTF-8, GBK that decodes the whole file, read a block at a
    time."""
    tried = [forced] if forced else ["utf-8", "gbk"]
    problem = ("", 0)
    for name in tried:
        decoder = codecs.getincrementaldecoder(ENCODINGS[name])()
        done, block = 0, b""
        try:
            with path.open("rb") as f:
                while block := f.read(BLOCK):
                    done += len(block)
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return name
        except OSError as exc:
            raise CommandFailed(
                f"{path}: cannot read it: {exc.strerror}; nothing was changed"
            ) from None
        except UnicodeDecodeError as exc:
            pending = len(decoder.getstate()[0])  # bytes of the blocks before, still undecoded
            problem = (exc.reason, done - len(block) - pending + exc.start)
    raise CommandFailed(
        f"{path}: not {' or '.join(tried)} text ({problem[0]} at byte {problem[1]}); "
        "nothing was changed" if en else
        f"{path}：不是 {' 或 '.join(tried)} 编码的文本（第 {problem[1]} 字节）；未导入任何工单"
    )  # fmt: skip


class Problems:
    """The problems found, in line order: the first ``shown`` kept, all counted."""

    def __init__(self, shown: int) -> None:
        self.shown, self.count = shown, 0
        self.first: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.count += 1
        if len(self.first) < self.shown:
            self.first.append(problem)


class _Refuse(Problems):
    def add(self, problem: Problem) -> None:
        raise FileChanged(problem.en)


class _Tap(io.RawIOBase):
    """The file's bytes as they are read: how many, and their digest."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._f = path.open("rb", buffering=0)
        self.done = 0
        self.digest = hashlib.blake2b(digest_size=16)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._f.readinto(buffer) or 0
        self.digest.update(memoryview(buffer)[:n])
        self.done += n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def rows(text: io.TextIOWrapper) -> Iterator[tuple[int, list[str] | str]]:
    """(first line, cells) of each row that is not blank nor a ``#`` comment; a row the CSV
    reader cannot read ends it as (line, why)."""
    reader = csv.reader(text, strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, str(exc)
            return
        first, line = line, reader.line_num + 1
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        if cells[0].lstrip().startswith("#"):
            continue
        yield first, cells


def batches(
    tap: _Tap, encoding: str, reader_for: Callable[[Header], RowReader], problems: Problems
) -> Iterator[list[ImportedOrder]]:
    """The records that pass, :data:`BATCH` at a time; the problems go to ``problems``."""
    text = io.TextIOWrapper(io.BufferedReader(tap, BLOCK), ENCODINGS[encoding], newline="")
    with text:
        try:
            yield from _checked(text, reader_for, problems)
        except UnicodeDecodeError as exc:  # the encoding was found for the whole file
            raise FileChanged(str(exc)) from None


def _checked(
    text: io.TextIOWrapper, reader_for: Callable[[Header], RowReader], problems: Problems
) -> Iterator[list[ImportedOrder]]:
    from console.domain.order_import import ImportedOrder, Problem, read_header

    reader: RowReader | None = None
    batch: list[ImportedOrder] = []
    for line, cells in rows(text):
        if isinstance(cells, str):
            problems.add(
                Problem(line, None, "", f"不是 CSV 行（{cells}）", f"not a CSV row ({cells})")
            )
            break
        if reader is None:
            header, bad = read_header(cells, line)
            if header is None:
                for p in bad:
                    problems.add(p)
                return
            reader = reader_for(header)
            continue
        got = reader.read(cells, line)
        if isinstance(got, ImportedOrder):
            batch.append(got)
            if len(batch) == BATCH:
                yield batch
                batch = []
        else:
            for p in got:
                problems.add(p)
    while text.read(BLOCK):  # a CSV error stops the rows, not the digest
        pass
    if batch:
        yield batch
    if reader is None:
        problems.add(Problem(1, None, "", "文件中没有表头行", "the file has no header row"))


@dataclass(frozen=True, slots=True)
class Checked:
    orders: int  # the records that passed
    closed: int  # of them, completed or cancelled
    problems: list[Problem]  # the first shown, in line order
    count: int  # the problems in all
    digest: bytes  # of the bytes read


def check(
    path: Path,
    encoding: str,
    reader_for: Callable[[Header], RowReader],
    stored: Callable[[list[str]], set[str]],
    shown: int,
    progress: Progress,
) -> Checked:
    """Every row checked, and every number against the whole file and ``stored`` (which of
    them the database holds); problems in line order."""
    from heapq import merge

    from console.domain.order_import import Problem, duplicate
    from console.store.import_ledger import NumberLedger

    headers: list[Header] = []

    def reader(header: Header) -> RowReader:
        headers.append(header)
        return reader_for(header)

    found = Problems(shown)
    size = max(path.stat().st_size, 1)
    tap = _Tap(path)
    orders = closed = 0
    with NumberLedger() as ledger:
        for batch in batches(tap, encoding, reader, found):
            held = stored([r.number for r in batch])
            ledger.add((r.number, r.line, r.number in held) for r in batch)
            closed += sum(r.completed is not None for r in batch)
            orders += len(batch)
            progress.checked(orders, tap.done / size)
        repeats = Problems(shown)
        progress.numbers(orders)
        if headers:
            for line, number, first in ledger.repeats():
                repeats.add(duplicate(line, headers[0], number, first))
    if orders == 0 and found.count == 0:
        found.add(Problem(2, None, "", "文件中没有工单", "the file holds no orders"))
    listed = list(merge(found.first, repeats.first, key=lambda p: p.line))[:shown]
    return Checked(orders, closed, listed, found.count + repeats.count, tap.digest.digest())


def again(
    path: Path, encoding: str, reader_for: Callable[[Header], RowReader], checked: Checked
) -> Iterator[list[ImportedOrder]]:
    """The records :func:`check` passed, read again in batches; :class:`FileChanged` (raised
    before the iteration ends, so inside the writing's transaction) when the file is not the
    one checked."""
    tap = _Tap(path)
    orders = 0
    for batch in batches(tap, encoding, reader_for, _Refuse(0)):
        orders += len(batch)
        if orders > checked.orders:
            raise FileChanged("more rows than checked")
        yield batch
    if orders != checked.orders or tap.digest.digest() != checked.digest:
        raise FileChanged("not the bytes checked")


class Progress:
    """A line on stderr each :data:`EVERY` rows checked or written, in the user's language."""

    def __init__(self, en: bool) -> None:
        self._en, self._last = en, 0

    def checked(self, rows: int, fraction: float) -> None:
        if self._due(rows):
            self._say(f"checked {rows:,} orders ({min(fraction, 1):.0%} of the file)"
                      if self._en else f"已检查 {rows:,} 条工单（文件的 {min(fraction, 1):.0%}）")  # fmt: skip

    def numbers(self, rows: int) -> None:
        if rows >= EVERY:
            self._say("looking for numbers repeated across the file"
                      if self._en else "正在检查整个文件中重复的工单编号")  # fmt: skip

    def written(self, rows: int, total: int) -> None:
        if self._due(rows):
            self._say(f"written {rows:,} of {total:,} orders (not yet committed)" if self._en
                      else f"已写入 {rows:,} / {total:,} 条工单（尚未提交）")  # fmt: skip
        if rows == total >= EVERY:  # the indexes, the roll-up and the commit: minutes at 5 M
            self._say("rebuilding the indexes and the reports' daily figures, then committing"
                      if self._en else "正在重建索引和报表日统计，随后提交")  # fmt: skip

    def _due(self, rows: int) -> bool:
        last, self._last = self._last, rows  # fewer rows than last time: the next pass
        return rows // EVERY > last // EVERY

    def _say(self, what: str) -> None:
        sep = ": " if self._en else "："
        print(f"orders import{sep}{what}", file=sys.stderr, flush=True)
