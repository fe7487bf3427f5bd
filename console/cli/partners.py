"""``python -m console partners list [--city C] [--json] | import [--replace] FILE.csv``: the
linkage partner directory (联动单位). Import is all or nothing and recorded in the audit trail;
the columns are in docs/partners.md."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.cli.common import EXIT_REFUSED, CommandFailed
from console.cli.departments import _read

LISTED = ("code", "name", "kind", "city", "duty_phone", "channel", "address", "demo")


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    group = sub.add_parser("partners", help="the linkage partner directory (联动单位)")
    group.add_argument("--db", metavar="URL", dest="sub_db")
    commands = group.add_subparsers(dest="partners_command", required=True)
    listing = commands.add_parser("list", help="print the active partners as CSV")
    listing.add_argument("--city", metavar="CODE", help="only this city, e.g. 210100")
    listing.add_argument("--json", action="store_true", help="a JSON list instead of CSV")
    imported = commands.add_parser("import", help="add or update partners from a CSV file")
    imported.add_argument("file", type=Path, help="a CSV like db/seed/partners.csv")
    imported.add_argument(
        "--replace", action="store_true", help="retire every partner the file does not name"
    )


def partners(url: str, args: argparse.Namespace, key_path: Path) -> int:
    """``key_path``: the audit key (an import is recorded in the audit trail)."""
    from console.cli.audit import command_line
    from console.services.partners import PartnerDirectory
    from console.store import partners as store
    from console.store.setup import init_db

    text = _read(args.file) if args.partners_command == "import" else ""
    db, _ = init_db(url)
    try:
        if args.partners_command == "list":
            if args.city is not None:
                with db.read() as session:
                    cities = store.city_codes(session)
                if args.city not in cities:
                    raise CommandFailed(f"--city {args.city!r} is not a city code of the "
                                        f"catalogue, e.g. {min(cities)}")  # fmt: skip
            _print(PartnerDirectory(db, "").partners(args.city), args.json)
            return 0
        cli = command_line(db, key_path)
        directory = PartnerDirectory(db, cli.seat, cli.trail)
        try:  # all or nothing: one transaction
            done = directory.import_file(text, str(args.file), cli.who, replace=args.replace)
        except store.BadImportFile as exc:
            return _refused(exc.problems)
        print(f"partners: {done.added} added, {done.updated} updated, {done.retired} retired "
              f"from {args.file}")  # fmt: skip
        return 0
    finally:
        db.dispose()


def _print(found: list[Any], as_json: bool) -> None:
    rows = [{k: v for k, v in asdict(p).items() if k in LISTED} for p in found]
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    out = csv.DictWriter(sys.stdout, LISTED, lineterminator="\n")
    out.writeheader()
    out.writerows(rows)


def _refused(problems: list[str]) -> int:
    if len(problems) == 1:
        print(f"partners: {problems[0]}; nothing was changed", file=sys.stderr)
    else:
        print(f"partners: {len(problems)} problems, nothing was changed:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return EXIT_REFUSED
