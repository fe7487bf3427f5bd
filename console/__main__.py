"""Command line: the console window (default), ``init-db``, ``demo-data``, ``departments``,
``report``, ``config check``, ``--smoke``.

Imports are deferred to the command that needs them: start-up time is dominated by imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m console", description="12345 ⇄ 110 联动坐席台")
    # No defaults here: an option not given falls through to the environment, the config
    # file, then the built-in default (console.config.load_settings).
    p.add_argument("--config", metavar="PATH", type=Path, help="site config file (TOML)")
    p.add_argument("--db", metavar="URL", help="database URL")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    p.add_argument("--platform", choices=["12345", "110"], help="this seat's platform")
    p.add_argument("--seat", help="seat id, e.g. A-01")
    p.add_argument("--agent", help="agent name")
    p.add_argument("--smoke", action="store_true", help="open, print time to first paint, exit")
    p.add_argument(
        "--pair",
        action="store_true",
        help="also open a seat of the other platform beside it (demo: watch an order travel)",
    )
    sub = p.add_subparsers(dest="command")
    init = sub.add_parser("init-db", help="create or upgrade the schema and seed catalogues")
    init.add_argument("--db", metavar="URL", dest="sub_db")
    demo = sub.add_parser("demo-data", help="add realistic demo work orders")
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
    report = sub.add_parser("report", help="linkage figures for a period (统计)")
    report.add_argument("--db", metavar="URL", dest="sub_db")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first China day")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last China day")
    config = sub.add_parser("config", help="site configuration")
    config_sub = config.add_subparsers(dest="config_command", required=True)
    check = config_sub.add_parser("check", help="validate the config and print the settings")
    check.add_argument("--config", metavar="PATH", type=Path, dest="sub_config")
    return p


def _init_db(url: str) -> int:
    from console.store.migrate import SchemaTooNew
    from console.store.setup import init_db

    try:
        db, added = init_db(url)
    except SchemaTooNew as exc:
        print(f"init-db: {exc}", file=sys.stderr)
        return 2
    db.dispose()
    print(f"init-db: schema up to date, {added} catalogue entries added ({_safe(url)})")
    return 0


def _demo_data(url: str, orders: int, seed: int, until: str | None, if_empty: bool) -> int:
    from datetime import date

    from console.demo.load import load_demo_data
    from console.domain.calendar import load_calendar
    from console.store.setup import init_db

    if orders < 1:
        print("demo-data: --orders must be at least 1", file=sys.stderr)
        return 2
    try:
        end = date.fromisoformat(until) if until else None
    except ValueError:
        print(f"demo-data: --until must be YYYY-MM-DD, got {until!r}", file=sys.stderr)
        return 2
    try:
        calendar = load_calendar()
    except (OSError, ValueError) as exc:  # a site-edited calendar file with a mistake
        print(f"demo-data: business calendar: {exc}", file=sys.stderr)
        return 2
    db, _ = init_db(url)
    if if_empty:
        from console.store.orders import count

        with db.read() as session:
            present = count(session)
        if present:
            print(f"demo-data: the database already holds {present:,} orders; nothing added")
            db.dispose()
            return 0

    def progress(done: int, planned: int) -> None:
        print(f"\rdemo-data: {done:,}/{planned:,} orders", end="", file=sys.stderr, flush=True)

    from console.services.alarms import load_site_policy

    policy = load_site_policy(db)
    result = load_demo_data(
        db, orders, seed=seed, until=end, progress=progress, policy=policy, calendar=calendar
    )
    db.dispose()
    print(file=sys.stderr)
    print(
        f"demo-data: {result.orders:,} orders, {result.events:,} events in {result.seconds:.1f} s "
        f"({result.orders_per_s:,.0f} orders/s)"
    )
    return 0


def _departments(url: str, args: argparse.Namespace) -> int:
    import csv

    from console.domain.catalogue import CatalogueError, parse_departments
    from console.store import departments as directory
    from console.store.setup import init_db

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
        if args.departments_command == "import":
            try:
                entries = parse_departments(args.file.read_text(encoding="utf-8"), str(args.file))
                with db.write() as session:
                    added, updated = directory.import_departments(session, entries)
            except (OSError, CatalogueError, ValueError) as exc:
                print(f"departments: {exc}; nothing was changed", file=sys.stderr)
                return 2
            print(f"departments: {added} added, {updated} updated from {args.file}")
            return 0
        try:
            with db.write() as session:
                gone = directory.retire(session, args.code)
        except directory.UnknownDepartment as exc:
            print(f"departments: {exc}", file=sys.stderr)
            return 2
        print(f"departments: {gone.code} {gone.name_zh} retired")
        return 0
    finally:
        db.dispose()


def _report(url: str, start: str | None, end: str | None) -> int:
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from console.store.reports import linkage_report
    from console.store.setup import init_db

    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    try:
        last = date.fromisoformat(end) if end else today
        first = date.fromisoformat(start) if start else last.replace(day=1)
    except ValueError as exc:
        print(f"report: --from/--to must be YYYY-MM-DD ({exc})", file=sys.stderr)
        return 2
    if last < first:
        print(f"report: --to {last} is before --from {first}", file=sys.stderr)
        return 2
    db, _ = init_db(url)
    try:
        with db.read() as session:
            r = linkage_report(session, first, last)
    finally:
        db.dispose()
    outcome = {"12345": "由12345受理 12345 takes it", "110": "由110受理 110 takes it",
               "first_contact": "首接负责 first contact"}  # fmt: skip
    modes = {"provisional": "先行受理 provisional", "guidance": "合理引导 guidance"}
    lines = [f"联动统计 linkage report {first} – {last} (China dates)"]

    def block(title: str, values: dict[str, int], names: dict[str, str] | None = None) -> None:
        lines.append(f"{title}: {sum(values.values())}")
        for key, n in values.items():
            lines.append(f"  {(names or {}).get(key, key)}: {n}")

    block("受理 orders created, by platform", r.created)
    block("一键转接/互派 transfers, by sending platform", r.transfers)
    block("三方通话 three-way calls, by outcome", r.three_way, outcome)
    block("首接负责 first contact, by mode", r.first_contact, modes)
    block("派单 dispatches, by department", dict(list(r.dispatched.items())[:20]))
    lines.append(f"联动110派警 escalations to 110: {r.escalations}")
    block("退回 returns, by platform", r.returns)
    block("办结 completed, by platform", r.completed)
    print("\n".join(lines))
    return 0


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    except ConfigError as exc:
        print(f"linkage-console: {exc}", file=sys.stderr)
        return 2
    if args.command == "init-db":
        return _init_db(settings.db_url)
    if args.command == "report":
        return _report(settings.db_url, args.start, args.end)
    if args.command == "departments":
        return _departments(settings.db_url, args)
    if args.command == "demo-data":
        return _demo_data(settings.db_url, args.orders, args.seed, args.until, args.if_empty)
    if args.smoke and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            # A smoke check on a headless build host: no screen to paint on, use offscreen.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.app import run_gui

    return run_gui(settings, smoke=args.smoke, started_at=STARTED, pair=args.pair)


if __name__ == "__main__":
    sys.exit(main())
