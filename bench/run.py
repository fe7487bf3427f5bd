"""Benchmark harness: ``python bench/run.py [--orders N] [--only NAME,...] [--json]``.

Prints one JSON object a line with ``--json``: ``{"name", "value", "unit", "floor", "ratio"}``,
where ``floor`` is the same work done by the bare minimum, measured in the same run, and
``ratio`` our cost over the floor's. Benchmarks run in the order listed (later ones use the
database the ``demo_data`` benchmark builds).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from common import Context, Figure  # noqa: E402

BENCHMARKS = [
    "demo_data",
    "caller_history",
    "screen_pop",
    "alarms",
    "alarms_crowded",
    "queues",
    "transfer",
    "offer",
    "startup",
    "sign_in",
    "audit_overhead",
    "audit_verify",
    "purge",
    "exchange_database",
    "exchange_codec",
    "exchange_https",
    "exchange_visible",
    "exchange_throughput",
    "exchange_backlog",
    "incident_start",
    "incident_board",
    "orders_import",
    "departments_import",
    "hotspot_scan",
    "report_year",
    "export_rows",
    "reports_tab",
    "duplicates",
    "seats",
    "suggest",
    "knowledge",
    "suggest_shown",
    "journal",
]


def machine() -> str:
    import os

    return f"{platform.machine()} {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--orders", type=int, default=1_000_000, help="orders in the benchmark database")
    p.add_argument("--only", help="comma-separated benchmark modules: " + ", ".join(BENCHMARKS))
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.add_argument(
        "--workdir", type=Path, help="where benchmark databases live (default: a temp dir)"
    )
    p.add_argument(
        "--read-only",
        action="store_true",
        help="open the workdir's database read-only (suggest, suggest_shown, duplicates)",
    )
    args = p.parse_args(argv)
    chosen = BENCHMARKS if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        p.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    keep = args.workdir is not None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="console-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    ctx = Context(orders=args.orders, workdir=workdir, read_only=args.read_only)
    if not args.json:
        print(f"# {machine()}; {args.orders:,} orders; databases in {workdir}")
    try:
        for name in chosen:
            report(importlib.import_module(name).run(ctx), args.json)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def report(figures: list[Figure], as_json: bool) -> None:
    for f in figures:
        if as_json:
            print(json.dumps(f.as_dict(), ensure_ascii=False), flush=True)
        else:
            print(
                f"{f.name:32} {f.value:12.3f} {f.unit:10} floor {f.floor:12.3f}  ratio {f.ratio:6.2f}",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
