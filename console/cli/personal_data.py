"""``python -m console personal-data purge [--dry-run] [--before DATE] [--yes]``: the retention purge.

Replaces the caller's phone and name on every order closed (办结 or 撤销) before the cut-off with
a keyed hash (:mod:`console.services.privacy`). The cut-off is ``--before`` (a China date) or
``[privacy] retention_months`` before today. ``--dry-run`` only counts; the real run says what
it will do and asks for ``yes`` (or takes ``--yes``). Audited as ``purge``. Every real run
also deletes the seats' write keys older than ``KEY_DAYS`` (30 days; ``forget_keys``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.cli.common import CommandFailed, day

CHINA = ZoneInfo("Asia/Shanghai")
WHO = "personal-data purge"  # the audit rows' "who" when no login is given


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    data = sub.add_parser("personal-data", help="callers' personal data (个人信息): retention")
    data_sub = data.add_subparsers(dest="personal_data_command", required=True)
    purge = data_sub.add_parser(
        "purge", help="replace phone and name on orders closed before the cut-off with a hash"
    )
    purge.add_argument("--db", metavar="URL", dest="sub_db")
    purge.add_argument("--before", metavar="YYYY-MM-DD",
                       help="China date (default: privacy.retention_months before today)")  # fmt: skip
    purge.add_argument("--dry-run", action="store_true", help="only count what would change")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.add_argument("--by", metavar="LOGIN", default=WHO, help="who the audit row names")


def purge(
    url: str,
    key_path: Path,
    retention_months: int,
    args: argparse.Namespace,
    answer: Callable[[str], str] = input,
) -> int:
    from console.services.audit import AuditKeyError, AuditTrail, open_key
    from console.services.privacy import KEY_DAYS, PrivacyService, cutoff_for, forget_keys
    from console.store.setup import init_db

    today = datetime.now(CHINA).date()
    before: date = (
        day(args.before, "--before") if args.before else cutoff_for(today, retention_months)
    )
    if before > today:
        raise CommandFailed(f"--before {before} is in the future: only closed orders are purged")
    db, _ = init_db(url)
    try:
        try:
            key = open_key(db, key_path)
        except AuditKeyError as exc:
            raise CommandFailed(str(exc)) from None
        service = PrivacyService(db, AuditTrail(key, lambda: datetime.now(UTC)), seat="cli")
        if not args.dry_run:  # no personal data, nothing to confirm: always
            keys = forget_keys(db, datetime.now(UTC))
            print(f"personal-data purge: {keys:,} seat write keys older than {KEY_DAYS} days "
                  "deleted")  # fmt: skip
        due, strays = service.purge_count(before), service.stray_count(before)
        what = f"{due:,} orders closed before {before} (China date) hold a caller's phone/name"
        if strays:  # left by purges before the callers merged in or told went with their order
            what += f", and {strays:,} callers merged into or told about orders purged earlier"
        if args.dry_run:
            print(f"personal-data purge (dry run): {what}; nothing changed")
            return 0
        if due == 0 and strays == 0:
            print(f"personal-data purge: no orders closed before {before} to purge")
            return 0
        if not args.yes:
            print(f"personal-data purge: {what}; they will be replaced by a keyed hash for good.")
            if answer("Type yes to go on: ").strip().lower() != "yes":
                print("personal-data purge: nothing changed")
                return 1

        def progress(done: int) -> None:
            print(f"\rpersonal-data purge: {done:,}/{due:,} orders", end="", file=sys.stderr,
                  flush=True)  # fmt: skip

        done = service.purge(before, by=args.by, progress=progress)
        print(file=sys.stderr)
        print(f"personal-data purge: {done:,} orders closed before {before} purged (audited)")
        return 0
    finally:
        db.dispose()
