"""Command line: the console window (default), ``init-db``, ``demo-data``, ``departments``,
``partners``, ``report``, ``users``, ``roles``, ``audit verify|show``, ``personal-data purge``,
``config check``, ``exchange status``, ``orders import``, ``hotspots``, ``rules``, ``suggest``,
``knowledge``, ``--smoke``.

Imports are deferred to the command that needs them: start-up time is dominated by imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, NoReturn  # noqa: E402

from console.cli.common import CommandFailed, day, say_failure  # noqa: E402

if TYPE_CHECKING:
    from console.config import Settings
    from console.domain.passwords import SecurityPolicy


class _Parser(argparse.ArgumentParser):
    """A mistyped command line is one line on stderr (and exit 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line. The window's own options are read first, by a parser without the
    commands: building those imports their modules (~100 ms before the start screen could
    paint); only a command, ``--help`` or an unknown word builds the whole parser."""
    window, rest = _parser(commands=False).parse_known_args(argv)
    if rest or {"-h", "--help"} & set(sys.argv[1:] if argv is None else argv):
        return _parser().parse_args(argv)
    return window


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    p = _Parser(prog="python -m console", description="12345 ⇄ 110 联动坐席台", add_help=commands)
    # No defaults here: an option not given falls through to the environment, the config
    # file, then the built-in default (console.config.load_settings).
    p.add_argument("--config", metavar="PATH", type=Path, help="site config file (TOML)")
    p.add_argument("--db", metavar="URL", help="database URL")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    p.add_argument("--platform", choices=["12345", "110"], help="this seat's platform")
    p.add_argument("--seat", help="seat id, e.g. A-01")
    p.add_argument("--agent", help="agent name for --smoke (a seat's agent is who signs in)")
    p.add_argument(
        "--demo-sign-in",
        action="store_true",
        help="sign the demo accounts in by themselves (demo only: see demo-data)",
    )
    p.add_argument("--smoke", action="store_true", help="open, print time to first paint, exit")
    p.add_argument(
        "--pair",
        action="store_true",
        help="also open a seat of the other platform beside it (demo: watch an order travel)",
    )
    p.add_argument(
        "--pair-config",
        metavar="PATH",
        type=Path,
        help="with it, the other platform as its own system: its site config (make run)",
    )
    if not commands:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command")
    init = sub.add_parser("init-db", help="create or upgrade the schema and seed catalogues")
    init.add_argument("--db", metavar="URL", dest="sub_db")
    demo = sub.add_parser("demo-data", help="add realistic demo work orders and demo accounts")
    demo.add_argument("--db", metavar="URL", dest="sub_db")
    demo.add_argument("--orders", type=int, required=True, help="how many orders to add")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument(
        "--if-empty", action="store_true", help="only if the database holds no orders yet"
    )
    demo.add_argument(
        "--until", metavar="YYYY-MM-DD", help="China date after the last demo day (default: today)"
    )
    deps = sub.add_parser("departments", help="the 12345 dispatch directory (承办单位)")
    deps.add_argument("--db", metavar="URL", dest="sub_db")
    deps_sub = deps.add_subparsers(dest="departments_command", required=True)
    listing = deps_sub.add_parser("list", help="print the directory as CSV")
    listing.add_argument("--all", action="store_true", help="retired departments too")
    imported = deps_sub.add_parser("import", help="add or update departments from a CSV file")
    imported.add_argument("file", type=Path, help="a CSV like db/seed/departments.csv")
    retired = deps_sub.add_parser("retire", help="hide a department from dispatch")
    retired.add_argument("code")
    from console.cli.partners import add_parsers as add_partners

    add_partners(sub)
    report = sub.add_parser("report", help="linkage figures for a period (统计)")
    report.add_argument("--db", metavar="URL", dest="sub_db")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first China day")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last China day")
    report.add_argument(
        "--drills", action="store_true", help="list emergency drills (演练) too, marked"
    )
    report.add_argument("--json", action="store_true", help="the reports tab's figures as JSON")
    report.add_argument("--platform", choices=("12345", "110"), help="with --json: one platform")
    report.add_argument("--district", metavar="CODE", help="with --json: one district")
    from console.cli.users import add_parsers

    add_parsers(sub)
    audit = sub.add_parser("audit", help="the audit trail (留痕): check its chain, read it")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser(
        "verify", help="check the chain; exit 1 naming a row tampered with"
    )
    verify.add_argument("--db", metavar="URL", dest="sub_db")
    shown = audit_sub.add_parser("show", help="rows newest first, a page at a time")
    shown.add_argument("--db", metavar="URL", dest="sub_db")
    shown.add_argument("--user", metavar="LOGIN", help="only this login")
    shown.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first China day")
    shown.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last China day")
    shown.add_argument("--action", help="only this action, e.g. order_step")
    shown.add_argument("--before", type=int, metavar="SEQ", help="rows older than this one")
    shown.add_argument("--limit", type=int, default=50, help="rows a page (default 50)")
    from console.cli.personal_data import add_parser as add_personal_data

    add_personal_data(sub)
    from console.cli.exchange import add_parsers as add_exchange

    add_exchange(sub)
    from console.cli.orders_import import add_parser as add_orders

    add_orders(sub)
    from console.cli.hotspots import add_parser as add_hotspots

    add_hotspots(sub)
    from console.cli.rules import add_parser as add_rules
    from console.cli.suggest import add_parser as add_suggest

    add_rules(sub)
    add_suggest(sub)
    from console.cli.knowledge import add_parser as add_knowledge

    add_knowledge(sub)
    config = sub.add_parser("config", help="site configuration")
    config_sub = config.add_subparsers(dest="config_command", required=True)
    check = config_sub.add_parser("check", help="validate the config and print the settings")
    check.add_argument("--config", metavar="PATH", type=Path, dest="sub_config")
    return p


def _init_db(url: str) -> int:
    from console.settings import safe_url
    from console.store.migrate import SchemaTooNew
    from console.store.setup import init_db

    try:
        db, added = init_db(url)
    except SchemaTooNew as exc:
        raise CommandFailed(str(exc)) from None
    db.dispose()
    print(f"init-db: schema up to date, {added} catalogue entries added ({safe_url(url)})")
    return 0


def _demo_data(
    url: str, orders: int, seed: int, until: str | None, if_empty: bool, security: SecurityPolicy
) -> int:
    from sqlalchemy.engine import make_url

    from console.demo.load import load_demo_data
    from console.domain.calendar import load_calendar
    from console.store.setup import init_db

    if orders < 1:
        raise CommandFailed("--orders must be at least 1")
    if orders > 10_000_000:
        raise CommandFailed("--orders must be at most 10,000,000")
    end = day(until, "--until") if until else None
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory":
            raise CommandFailed("an in-memory database is gone when the command ends: use a file")
        if (parsed.database or "").startswith("file:"):  # the loader writes to the file itself
            raise CommandFailed("give the database as sqlite:///PATH, not as a file: URI")
    try:
        calendar = load_calendar()
    except (OSError, ValueError) as exc:  # a site-edited calendar file with a mistake
        raise CommandFailed(f"business calendar: {exc}") from None
    db, _ = init_db(url)
    try:
        from datetime import UTC, datetime

        from console.demo.accounts import DEMO_PASSWORD, add_demo_accounts
        from console.services.accounts import AccountService

        added = add_demo_accounts(AccountService(db, lambda: datetime.now(UTC), security))
        if added:
            print(f"demo-data: {added} demo accounts, password {DEMO_PASSWORD} (--demo-sign-in)")
        from console.demo.knowledge import add_demo_knowledge

        articles = add_demo_knowledge(db, datetime.now(UTC))
        if articles:
            print(f"demo-data: {articles} demo knowledge articles (知识库, db/knowledge)")
        if if_empty:
            from console.store.orders import count

            with db.read() as session:
                present = count(session)
            if present:
                print(f"demo-data: the database already holds {present:,} orders; nothing added")
                return 0

        def progress(done: int, planned: int) -> None:
            print(f"\rdemo-data: {done:,}/{planned:,} orders", end="", file=sys.stderr, flush=True)

        from console.services.alarms import load_site_policy

        policy = load_site_policy(db)
        result = load_demo_data(
            db, orders, seed=seed, until=end, progress=progress, policy=policy, calendar=calendar
        )
    finally:
        db.dispose()
    print(file=sys.stderr)
    print(
        f"demo-data: {result.orders:,} orders, {result.events:,} events in {result.seconds:.1f} s "
        f"({result.orders_per_s:,.0f} orders/s)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    import os

    from console.config import ConfigError, config_check, load_settings

    config_path = getattr(args, "sub_config", None) or args.config
    cli = {
        "db": getattr(args, "sub_db", None) or args.db,
        "lang": args.lang,
        "platform": args.platform,
        "seat": args.seat,
        "agent": args.agent,
    }
    if args.command == "config":
        code, report = config_check(config_path, cli, os.environ)
        print(report, file=sys.stderr if code else sys.stdout, end="")
        return code
    try:
        settings = load_settings(cli, os.environ, config_path)
        # The peer system is its file alone: the environment and options are this seat's.
        peer = load_settings({}, {}, args.pair_config) if args.pair_config else None
    except ConfigError as exc:
        print(f"linkage-console: {exc}", file=sys.stderr)
        return 2
    if args.command is not None:
        try:
            if args.command == "users":
                from console.cli.users import users

                return users(settings.db_url, args, settings.security(), _key_path(settings))
            if args.command == "audit":
                return _audit(args, settings)
            if args.command == "exchange":
                from console.cli.exchange import exchange

                return exchange(args, settings)
            if args.command == "orders":
                from console.cli.orders_import import import_orders

                return import_orders(settings.db_url, args, _key_path(settings), settings.lang)
            if args.command == "hotspots":
                from console.cli.hotspots import hotspots

                return hotspots(args, settings, _key_path(settings))
            if args.command == "rules":
                from console.cli.rules import rules

                return rules(settings.db_url, args, _key_path(settings))
            if args.command == "knowledge":
                from console.cli.knowledge import knowledge

                return knowledge(settings.db_url, args, _key_path(settings))
            if args.command == "suggest":
                from console.cli.suggest import suggest

                return suggest(args, settings)
            if args.command == "personal-data":
                from console.cli.personal_data import purge

                return purge(settings.db_url, _key_path(settings), settings.retention_months, args)
            return _command(args, settings.db_url, settings.security(), _key_path(settings))
        except Exception as exc:  # said as one line; anything else is a bug: its traceback
            said = say_failure(args.command, exc, settings.db_url)
            if said is None:
                raise
            return said
    if args.smoke and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            # A smoke check on a headless build host: no screen to paint on, use offscreen.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc

    from console.ui.pyside_imports import quicken_feature_check

    gc.disable()  # until the first data is on screen: see console/app_loop.py settle_memory
    quicken_feature_check()  # before PySide6's modules load: ~85 ms of the start (its module)
    from console.app import run_gui

    return run_gui(
        settings,
        smoke=args.smoke,
        started_at=STARTED,
        pair=args.pair,
        demo_sign_in=args.demo_sign_in,
        peer=peer,
    )


def _audit(args: argparse.Namespace, settings: Settings) -> int:
    from console.cli import audit
    from console.config import audit_key_path

    if args.audit_command == "verify":
        return audit.verify(settings.db_url, audit_key_path(settings))
    return audit.show(
        settings.db_url, user=args.user, start=args.start, end=args.end, action=args.action,
        before=args.before, limit=args.limit,
    )  # fmt: skip


def _key_path(settings: Settings) -> Path:
    from console.config import audit_key_path

    return audit_key_path(settings)


def _command(args: argparse.Namespace, url: str, security: SecurityPolicy, key_path: Path) -> int:
    if args.command == "init-db":
        return _init_db(url)
    if args.command == "report":
        from console.cli.report import report

        return report(
            url, args.start, args.end, key_path, args.drills,
            as_json=args.json, platform=args.platform, district=args.district,
        )  # fmt: skip
    if args.command == "roles":
        from console.cli.users import print_matrix

        return print_matrix()
    if args.command == "departments":
        from console.cli.departments import departments

        return departments(url, args, key_path)
    if args.command == "partners":
        from console.cli.partners import partners

        return partners(url, args, key_path)
    return _demo_data(url, args.orders, args.seed, args.until, args.if_empty, security)


if __name__ == "__main__":
    sys.exit(main())
