"""Command line: the console window (default), ``init-db``, ``demo-data``, ``--smoke``.

Imports are deferred to the command that needs them: start-up time is dominated by imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m console", description="12345 ⇄ 110 联动坐席台")
    p.add_argument(
        "--db", metavar="URL", help="database URL (default: CONSOLE_DB or the user data dir)"
    )
    p.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"], help="UI language")
    p.add_argument(
        "--platform", default="12345", choices=["12345", "110"], help="this seat's platform"
    )
    p.add_argument("--seat", default="A-01", help="seat id shown in the status bar")
    p.add_argument("--agent", default="坐席", help="agent name")
    p.add_argument(
        "--smoke", action="store_true", help="open the window, print time to first paint, exit"
    )
    sub = p.add_subparsers(dest="command")
    init = sub.add_parser(
        "init-db", help="create or upgrade the database schema and seed catalogues"
    )
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
    from console.store.setup import init_db

    if orders < 1:
        print("demo-data: --orders must be at least 1", file=sys.stderr)
        return 2
    try:
        end = date.fromisoformat(until) if until else None
    except ValueError:
        print(f"demo-data: --until must be YYYY-MM-DD, got {until!r}", file=sys.stderr)
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

    result = load_demo_data(db, orders, seed=seed, until=end, progress=progress)
    db.dispose()
    print(file=sys.stderr)
    print(
        f"demo-data: {result.orders:,} orders, {result.events:,} events in {result.seconds:.1f} s "
        f"({result.orders_per_s:,.0f} orders/s)"
    )
    return 0


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from console.settings import resolve_db_url

    url = resolve_db_url(getattr(args, "sub_db", None) or args.db)
    if args.command == "init-db":
        return _init_db(url)
    if args.command == "demo-data":
        return _demo_data(url, args.orders, args.seed, args.until, args.if_empty)
    if args.smoke and sys.platform.startswith("linux"):
        import os

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            # A smoke check on a headless build host: no screen to paint on, use offscreen.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.app import run_gui

    return int(
        run_gui(
            url,
            lang=args.lang,
            platform=args.platform,
            seat=args.seat,
            agent=args.agent,
            smoke=args.smoke,
            started_at=STARTED,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
