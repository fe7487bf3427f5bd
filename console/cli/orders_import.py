"""``python -m console orders import FILE.csv [--encoding E] [--dry-run]``: a site's history
from its previous system (docs/orders-import.md).

Every row is checked first (the catalogue, the times, the numbers against the whole file and
the database); any problem and nothing is written: the problems are listed by line and column
(the first :data:`SHOWN`, and how many in all) and the exit code is 2. Otherwise the file is read
again and the orders, their events and the audit row are written in one transaction: all or
nothing. The file is never held whole (``console.cli.import_file``): memory does not grow with
its rows, and a progress line goes to stderr every 100,000 rows.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_REFUSED, CommandFailed

if TYPE_CHECKING:
    from console.domain.order_import import Problem

SHOWN = 50  # problems listed; the rest are counted


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    from console.cli.import_file import ENCODINGS
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
        description="Add a site's history from a CSV file: all rows or none. Every row is "
        "checked first, then the file is read again and written in one transaction, so a file "
        "of any size needs the same memory; progress goes to stderr. Header names in English "
        "or Chinese, any order; lines starting with # are comments. "
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
    from console.cli.import_file import FileChanged, Progress, again, check, encoding_of
    from console.domain.audit import AuditAction
    from console.domain.calendar import load_calendar
    from console.domain.order_import import Header, RowReader, deadliner
    from console.services.alarms import load_site_policy
    from console.store import order_import
    from console.store.import_ledger import LedgerFailed
    from console.store.seed import catalogue
    from console.store.setup import init_db

    en = lang == "en"
    started = time.perf_counter()
    encoding = encoding_of(args.file, args.encoding, en)
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

        def reader_for(header: Header) -> RowReader:
            return RowReader(header, kinds, fields, districts, due, now)

        def stored(numbers: list[str]) -> set[str]:
            with db.read() as session:
                return order_import.stored_numbers(session, numbers)

        progress = Progress(en)
        try:
            checked = check(args.file, encoding, reader_for, stored, SHOWN, progress)
            if checked.count:
                return _refused(args.file, checked.problems, checked.count, lang)
            if cli is None:
                print(f"orders import: {checked.orders:,} orders checked, none written (--dry-run)"
                      if en else f"orders import：{checked.orders:,} 条工单检查无误（--dry-run，未写入）")  # fmt: skip
                return 0
            with db.write() as session:
                records = again(args.file, encoding, reader_for, checked)
                done = order_import.write(
                    session, records, checked.orders, lambda n: progress.written(n, checked.orders)
                )
                detail = f"import: {done.orders} orders ({checked.closed} closed), {encoding}"
                cli.trail.record(session, cli.entry(AuditAction.ORDER_STEP, str(args.file), detail))
        except FileChanged:
            raise CommandFailed(
                f"{args.file}: the file changed while it was being imported; nothing was imported"
                if en else f"{args.file}：导入过程中文件被修改；未导入任何工单"
            ) from None  # fmt: skip
        except LedgerFailed as exc:
            raise CommandFailed(
                f"the temporary folder {exc.folder}: {exc.why}; nothing was imported (the check "
                "keeps the file's numbers there, ~40 bytes a row: set TMPDIR to a folder with room)"
                if en else
                f"临时文件夹 {exc.folder}：{exc.why}；未导入任何工单（检查时工单编号存放在此，每行约 40 "
                "字节：请将 TMPDIR 设为空间充足的文件夹）"
            ) from None  # fmt: skip
        except KeyboardInterrupt:  # the transaction is rolled back on the way out
            raise CommandFailed(
                f"{args.file}: interrupted; nothing was imported"
                if en else f"{args.file}：已中断；未导入任何工单"
            ) from None  # fmt: skip
        except OSError as exc:
            raise CommandFailed(
                f"{args.file}: cannot read it: {exc.strerror}; nothing was imported"
                if en else f"{args.file}：无法读取（{exc.strerror}）；未导入任何工单"
            ) from None  # fmt: skip
    finally:
        db.dispose()
    took = time.perf_counter() - started
    print(
        f"orders import: {done.orders:,} orders ({checked.closed:,} completed or cancelled), "
        f"{done.events:,} events from {args.file} in {took:.1f} s"
        if en else
        f"orders import：已从 {args.file} 导入 {done.orders:,} 条工单（已办结或撤销 {checked.closed:,} 条），"
        f"事件 {done.events:,} 条，用时 {took:.1f} 秒"
    )  # fmt: skip
    return 0


def _refused(path: Path, problems: list[Problem], n: int, lang: str) -> int:
    if lang == "en":
        head = f"orders import: {path}: {n:,} problem{'s' if n > 1 else ''}, nothing was imported:"
        more = f"  … and {n - SHOWN:,} more"
    else:
        head = f"orders import：{path}：共 {n:,} 个问题，未导入任何工单："
        more = f"  ……另有 {n - SHOWN:,} 个问题"
    lines = [head, *(f"  {p.text(lang)}" for p in problems)]
    if n > SHOWN:
        lines.append(more)
    print("\n".join(lines), file=sys.stderr)
    return EXIT_REFUSED
