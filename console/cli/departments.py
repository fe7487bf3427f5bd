"""``python -m console departments list [--all] | import FILE.csv | retire CODE``."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from console.cli.common import EXIT_REFUSED, CommandFailed


def departments(url: str, args: argparse.Namespace, key_path: Path) -> int:
    """``key_path``: the audit key (import and retire are recorded in the audit trail)."""
    from console.cli.audit import command_line
    from console.services.directory import DirectoryService
    from console.store import departments as directory
    from console.store.setup import init_db

    text = _read(args.file) if args.departments_command == "import" else ""
    db, _ = init_db(url)
    try:
        if args.departments_command == "list":
            with db.read() as session:
                rows = directory.departments(session, include_retired=args.all)
            out = csv.writer(sys.stdout, lineterminator="\n")
            out.writerow(["code", "name_zh", "name_en", "district", "kind", "active"])
            for d in rows:
                out.writerow([d.code, d.name_zh, d.name_en, d.district, d.kind.value, d.active])
            return 0
        cli = command_line(db, key_path)
        changes = DirectoryService(db, cli.seat, cli.trail)
        if args.departments_command == "import":
            try:  # all or nothing: one transaction
                done = changes.import_file(text, str(args.file), cli.who)
            except directory.BadImportFile as exc:
                return _refused(exc.problems)
            retired = done.retired
            print(f"departments: {done.added} added, {done.updated} updated from {args.file}"
                  + (f" ({retired} of them retired: active=false)" if retired else ""))  # fmt: skip
            return 0
        try:
            gone = changes.retire(args.code, cli.who)
        except directory.UnknownDepartment as exc:
            raise CommandFailed(str(exc)) from None
        print(f"departments: {gone.code} {gone.name_zh} retired")
        return 0
    finally:
        db.dispose()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        raise CommandFailed(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as CSV UTF-8; "
            "nothing was changed"
        ) from None
    except OSError as exc:
        raise CommandFailed(
            f"{path}: cannot read it: {exc.strerror}; nothing was changed"
        ) from None


def _refused(problems: list[str]) -> int:
    if len(problems) == 1:
        print(f"departments: {problems[0]}; nothing was changed", file=sys.stderr)
    else:
        print(f"departments: {len(problems)} problems, nothing was changed:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return EXIT_REFUSED
