"""``python -m console exchange split --from URL --platform 110 --to URL [--dry-run]``: the upgrade
from one shared database to two systems (docs/upgrade-two-systems.md).

``--from`` is the shared database; it stays the other platform's. ``--to`` is a new, empty
database made the split-off platform's (migrated as ``init-db`` does); ``--to-key`` its audit
key file (made if missing; default ``audit-<platform>.key`` beside this site's key). What is
copied, what stays and what is removed: :mod:`console.services.exchange_split`.

Registered under ``exchange`` with :func:`add_split_parser` (one line in the ``exchange``
command's own parser); :func:`add_parsers` makes a bare ``exchange`` command holding it for a
build that has no other ``exchange`` sub-command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import EXIT_REFUSED, CommandFailed
from console.config import Settings

if TYPE_CHECKING:
    from console.services.exchange_split import SplitCounts
    from console.store.engine import Database

NAME = "exchange split"


def add_split_parser(exchange_sub: argparse._SubParsersAction[Any]) -> None:
    """``split`` on the ``exchange`` command's sub-commands (``dest="exchange_command"``)."""
    split = exchange_sub.add_parser(
        "split", help="upgrade: split one platform off a shared database onto its own"
    )
    split.add_argument("--from", dest="split_from", metavar="URL", required=True,
                       help="the shared database (stays the other platform's)")  # fmt: skip
    split.add_argument("--platform", dest="split_platform", choices=["12345", "110"],
                       required=True, help="the platform that moves to its own database")  # fmt: skip
    split.add_argument("--to", dest="split_to", metavar="URL", required=True,
                       help="the moving platform's new, empty database")  # fmt: skip
    split.add_argument("--to-key", dest="split_to_key", metavar="PATH", type=Path,
                       help="the new database's audit key file (made if missing; default "
                            "audit-<platform>.key beside this site's key file)")  # fmt: skip
    split.add_argument("--keep-moved", action="store_true",
                       help="keep the moving platform's own rows in the shared database too")  # fmt: skip
    split.add_argument("--dry-run", action="store_true", help="only count; change nothing")


def run_split(args: argparse.Namespace, settings: Settings) -> int:
    from console.config import audit_key_path

    return split(args, audit_key_path(settings))


def split(args: argparse.Namespace, key_path: Path) -> int:
    """Run ``exchange split``; ``key_path``: this site's (the shared database's) audit key.
    A refusal or a fault is one line on stderr, exit 2."""
    try:
        return _split(args, key_path)
    except CommandFailed as failed:
        print(f"{NAME}: {failed}", file=sys.stderr, flush=True)
        return EXIT_REFUSED


def _split(args: argparse.Namespace, key_path: Path) -> int:
    from console.domain.orders import Platform
    from console.services.exchange_split import (
        Split,
        SplitRefused,
        check_target,
        open_target,
        same_database,
    )
    from console.store.engine import Database

    platform = Platform(args.split_platform)
    source_url, target_url = args.split_from, args.split_to
    to_key: Path = args.split_to_key or key_path.with_name(f"audit-{platform.value}.key")
    progress = _Progress()
    if same_database(source_url, target_url):
        raise CommandFailed("--to names the shared database itself: give a new, empty database")
    try:
        with _said(source_url, "nothing was changed", progress):
            source = Database.open(source_url)
            _check_schema(source)
        try:
            work = Split(source, platform)
            if args.dry_run:
                with _said(source_url, "nothing was changed", progress):
                    check_target(target_url, source_url)
                    counts = work.count(progress)
                progress.end()
                print(f"{NAME} (dry run): {platform.value} would get {counts.sentence()}; "
                      f"{_fate(counts, not args.keep_moved, would=True)}; nothing changed")  # fmt: skip
                return 0
            from console.cli.audit import command_line

            with _said(source_url, "nothing was changed", progress):
                work.check()
                here = command_line(source, key_path)
            with _said(target_url, "the shared database was not changed", progress):
                target = open_target(target_url, source_url)
            try:
                with _said(target_url, "the shared database was not changed; the new one "
                           "holds nothing of it", progress):  # fmt: skip
                    there = command_line(target, to_key)
                    copied = work.copy(target, there.trail, here.who, here.seat, progress)
                progress.end()
                with _said(source_url, "the new database holds the copy, the shared one was "
                           "not changed: drop the new database and run the split again",
                           progress):  # fmt: skip
                    counts = work.finish(copied, here.trail, here.who, here.seat, args.keep_moved)
            finally:
                target.dispose()
        finally:
            source.dispose()
    except SplitRefused as refused:
        raise CommandFailed(str(refused)) from None
    print(f"{NAME}: {platform.value} has its own database now: {counts.sentence()} copied in "
          f"{counts.seconds:.1f} s; {_fate(counts, counts.removed)} (audited on both)")  # fmt: skip
    print(
        f"{NAME}: the new database's audit key is {to_key}: give it to the {platform.value} "
        "system (audit.key_file in its config)"
    )
    if counts.admins == 0:
        print(
            f"{NAME}: the {platform.value} system has no administrator account yet: "
            f"python -m console users add --admin LOGIN --platform {platform.value} "
            "--db <its database>"
        )
    return 0


def _fate(counts: SplitCounts, remove: bool, would: bool = False) -> str:
    only = f"its {counts.orders_moved:,} own orders, accounts, agent states and wrap-up records"
    if not remove:
        return f"{only} {'would stay' if would else 'stay'} in the shared database too"
    return f"{only} {'would be' if would else 'were'} removed from the shared database"


def _check_schema(db: Database) -> None:
    """The shared database must be the console's, at this version's schema (read only: the
    split changes nothing before it copies)."""
    from console.store.migrate import current_revision, head_revision

    have, want = current_revision(db.engine), head_revision()
    if have is None:
        raise CommandFailed("--from is not a console database (no schema): check the URL")
    if have != want:
        raise CommandFailed(
            f"--from is at schema {have}, this console's is {want}: stop the seats, run "
            "python -m console init-db --db <the shared database> first"
        )


class _Progress:
    """Orders read, on one stderr line rewritten in place."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        print(f"\r{NAME}: {done:,}/{total:,} orders read", end="", file=sys.stderr, flush=True)
        self.shown = True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False


@contextmanager
def _said(url: str, after: str, progress: _Progress) -> Iterator[None]:
    """A database fault or an interruption inside: one line naming the database (password
    hidden) and what state things were left in."""
    from console.settings import safe_url
    from console.store.faults import classify

    try:
        yield
    except KeyboardInterrupt:
        progress.end()
        raise CommandFailed(f"interrupted; {after}") from None
    except CommandFailed:
        raise
    except Exception as exc:
        refused = classify(exc)
        if refused is None or _is_split_refusal(exc):
            raise
        progress.end()
        why = " ".join(refused.why.split())
        raise CommandFailed(f"cannot use the database {safe_url(url)}: {why}; {after}") from None


def _is_split_refusal(exc: BaseException) -> bool:
    from console.services.exchange_split import SplitRefused

    return isinstance(exc, SplitRefused)
