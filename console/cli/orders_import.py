"""``python -m console orders import FILE.csv [--encoding E] [--dry-run]``: a site's history
from its previous system (docs/orders-import.md).

Every row is checked first (the catalogue, the times, the numbers against the file and the
database); any problem and nothing is written: the problems are listed by line and column (the
first :data:`SHOWN`, and how many in all) and the exit code is 2. Otherwise the orders, their
events and the audit row are written in one transaction.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_REFUSED, CommandFailed

if TYPE_CHECKING:
    from console.domain.order_import import Header, ImportedOrder, Problem, RowReader

SHOWN = 50  # problems listed; the rest are counted
ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gb18030"}  # GB 18030 reads every GBK file


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    from console.domain.order_import import COLUMNS

    orders = sub.add_parser("orders", help="work orders: import a site's history (历史工单导入)")
    orders.add_argument("--db", metavar="URL", dest="sub_db")
    orders_sub = orders.add_subparsers(dest="orders_command", required=True)
    columns = "\n".join(
        f"  {c.name} / {c.zh}{'' if c.required else ' (optional)'}: {c.about}" for c in COLUMNS
    )
    imported = orders_sub.add_parser(
        "import",
        help="add orders from a CSV file of the previous system",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Add a site's history from a CSV file: all rows or none. Header names in "
        "English or Chinese, any order; lines starting with # are comments. "
        "See docs/orders-import.md and db/seed/orders-sample.csv.",
        epilog=f"columns:\n{columns}",
    )
    imported.add_argument("file", type=Path, help="the CSV file")
    imported.add_argument(
        "--encoding",
        choices=sorted(ENCODINGS),
        help="the file's encoding (default: UTF-8, with or without BOM, else GBK)",
    )
    imported.add_argument("--dry-run", action="store_true", help="check every row, write nothing")


def import_orders(url: str, args: argparse.Namespace, key_path: Path, lang: str) -> int:
    from datetime import UTC, datetime

    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.domain.calendar import load_calendar
    from console.domain.order_import import RowReader, deadliner, duplicates
    from console.services.alarms import load_site_policy
    from console.store import order_import
    from console.store.seed import catalogue
    from console.store.setup import init_db

    en = lang == "en"
    started = time.perf_counter()
    text, encoding = _read(args.file, args.encoding, en)
    try:
        calendar = load_calendar()
    except (OSError, ValueError) as exc:
        raise CommandFailed(f"business calendar: {exc}") from None
    db, _ = init_db(url)
    try:
        cli = None if args.dry_run else command_line(db, key_path)
        policy = load_site_policy(db)
        with db.read() as session:
            kinds, fields, districts = catalogue(session)
        now = int(datetime.now(UTC).timestamp())
        due = deadliner(policy, calendar)
        records, header, problems = _check(
            text, lambda h: RowReader(h, kinds, fields, districts, due, now)
        )
        if header is not None:
            with db.read() as session:
                stored = order_import.stored_numbers(session, [r.number for r in records])
            problems += duplicates(records, stored, header)
            problems.sort(key=lambda p: p.line)
        if problems:
            return _refused(args.file, problems, lang)
        closed = sum(r.completed is not None for r in records)
        if cli is None:
            print(f"orders import: {len(records):,} orders checked, none written (--dry-run)"
                  if en else f"orders import：{len(records):,} 条工单检查无误（--dry-run，未写入）")  # fmt: skip
            return 0
        with db.write() as session:
            done = order_import.write(session, records)
            detail = f"import: {done.orders} orders ({closed} closed), {encoding}"
            cli.trail.record(session, cli.entry(AuditAction.ORDER_STEP, str(args.file), detail))
    finally:
        db.dispose()
    took = time.perf_counter() - started
    print(
        f"orders import: {done.orders:,} orders ({closed:,} completed or cancelled), "
        f"{done.events:,} events from {args.file} in {took:.1f} s"
        if en else
        f"orders import：已从 {args.file} 导入 {done.orders:,} 条工单（已办结或撤销 {closed:,} 条），"
        f"事件 {done.events:,} 条，用时 {took:.1f} 秒"
    )  # fmt: skip
    return 0


def _check(
    text: str, reader_for: Callable[[Header], RowReader]
) -> tuple[list[ImportedOrder], Header | None, list[Problem]]:
    """Every row read and checked: the records that passed, the header, every problem."""
    from console.domain.order_import import ImportedOrder, Problem, read_header

    problems: list[Problem] = []
    records: list[ImportedOrder] = []
    header: Header | None = None
    reader: RowReader | None = None
    for line, cells in _rows(text):
        if isinstance(cells, str):
            problems.append(
                Problem(line, None, "", f"不是 CSV 行（{cells}）", f"not a CSV row ({cells})")
            )
            break
        if reader is None:
            header, bad = read_header(cells, line)
            if header is None:
                return [], None, bad
            reader = reader_for(header)
            continue
        got = reader.read(cells, line)
        if isinstance(got, ImportedOrder):
            records.append(got)
        else:
            problems += got
    if header is None:
        problems.append(Problem(1, None, "", "文件中没有表头行", "the file has no header row"))
    elif not records and not problems:
        problems.append(Problem(2, None, "", "文件中没有工单", "the file holds no orders"))
    return records, header, problems


def _rows(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """(first line, cells) of each row that is not blank nor a ``#`` comment; a row the CSV
    reader cannot read ends it as (line, why)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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


def _read(path: Path, forced: str | None, en: bool) -> tuple[str, str]:
    """The file's text and the encoding it was read in."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandFailed(
            f"{path}: cannot read it: {exc.strerror}; nothing was changed"
        ) from None
    tried = [forced] if forced else ["utf-8", "gbk"]
    for name in tried:
        try:
            return data.decode(ENCODINGS[name]), name
        except UnicodeDecodeError as exc:
            problem = exc
    raise CommandFailed(
        f"{path}: not {' or '.join(tried)} text ({problem.reason} at byte {problem.start}); "
        "nothing was changed" if en else
        f"{path}：不是 {' 或 '.join(tried)} 编码的文本（第 {problem.start} 字节）；未导入任何工单"
    )  # fmt: skip


def _refused(path: Path, problems: list[Problem], lang: str) -> int:
    n = len(problems)
    if lang == "en":
        head = f"orders import: {path}: {n:,} problem{'s' if n > 1 else ''}, nothing was imported:"
        more = f"  … and {n - SHOWN:,} more"
    else:
        head = f"orders import：{path}：共 {n:,} 个问题，未导入任何工单："
        more = f"  ……另有 {n - SHOWN:,} 个问题"
    lines = [head, *(f"  {p.text(lang)}" for p in problems[:SHOWN])]
    if n > SHOWN:
        lines.append(more)
    print("\n".join(lines), file=sys.stderr)
    return EXIT_REFUSED
