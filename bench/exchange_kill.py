"""The issue's full kill -9 run (issue 14): ``python bench/exchange_kill.py [--kills 200]
[--db sqlite|postgres] [--seed N] [--cold]``.

Two platforms, each its own database and ``exchange serve`` process over loopback mutual TLS;
the seats' stream of transfers, sign-fors, progress, feedbacks, returns, completions and
cancellations runs while each side's process is killed with SIGKILL ``--kills`` times at random
moments of its work and started again; then the backlog drains and both databases are checked
(tests/exchange/kill_checks.py). Prints one line: kills done, messages, lost, duplicates,
refused, orders, audit rows, seconds; exits 1 if anything was lost, doubled or out of order.
Not a figure of bench/run.py: a robustness run, minutes long.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from console.store.engine import Database  # noqa: E402
from console.store.setup import init_db  # noqa: E402
from tests.exchange.kill_run import kill_run  # noqa: E402
from tests.exchange.kill_stream import WarmServer  # noqa: E402
from tests.exchange.serving import two_systems  # noqa: E402


def _create(admin_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return name


def main() -> int:
    p = argparse.ArgumentParser(prog="bench/exchange_kill.py")
    p.add_argument("--kills", type=int, default=200, help="SIGKILLs of each side (200)")
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--cold", action="store_true", help="start each process cold, not forked warm")
    p.add_argument("--keep", action="store_true", help="keep the folder (logs, databases)")
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="exchange-kill-"))
    cluster = None
    try:
        if args.db == "postgres":
            from tests.pg import Cluster

            cluster = Cluster()
            cluster.start()
            urls = {p: cluster.url(_create(cluster.url(), f"kill{p}")) for p in ("12345", "110")}
        else:
            urls = {p: f"sqlite:///{folder / f'{p}.sqlite3'}" for p in ("12345", "110")}
        systems = two_systems(folder, urls)
        for platform, url in urls.items():
            init_db(url)[0].dispose()
            systems[platform].db = Database.open(url)
        warm = None if args.cold else WarmServer()
        try:
            out = kill_run(systems, folder, args.kills, args.seed, warm, drain_s=600)
        finally:
            if warm is not None:
                warm.close()
            for s in systems.values():
                if s.db is not None:
                    s.db.dispose()
        t = out.tally
        print(json.dumps({
            "db": args.db, "kills": out.kills, "idle_kills": out.idle_kills,
            "busy_wait_s": round(out.busy_wait_s, 1), "restart_s": round(out.restart_s, 1),
            "messages": t.messages, "lost": t.lost, "duplicates": t.duplicates,
            "refused": t.refused, "orders": t.orders, "audit_rows": t.audit_rows,
            "settled_late": t.settled_late,
            "seconds": round(out.seconds, 1), "drain_seconds": round(out.drain_seconds, 1),
            "start": "cold" if args.cold else "warm (forked)",
        }, ensure_ascii=False))  # fmt: skip
        return 0 if t.lost == t.duplicates == 0 else 1
    finally:
        if cluster is not None:
            cluster.stop()
        if args.keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
