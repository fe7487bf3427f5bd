"""suggest_ms: one routing suggestion (console/services/suggestions.py) as the intake form asks
for it on a keystroke: the 会商 rules and transfer list matched, and where nothing matches, the
newest 1,000 orders of the matter in the last 90 days read and ranked by text similarity. p95
over 400 typings drawn from the benchmark database's own orders (kind, field, district as the
agent may have chosen them so far, and a prefix of the description): half with kind and
district, a quarter kind only, a quarter text only.

Floor: the bare indexed query the history reads (same filters, ``ORDER BY created_at DESC
LIMIT 1000``, rows fetched) through plain ``sqlite3``, same typings, same run; no rules, no
ranking.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta

from common import UNTIL, Context, Figure, p95, time_figure, timed_ms

from console.domain.consultation_file import merge, parse_rule_file
from console.domain.order_types import Platform
from console.paths import bundle_path
from console.services.suggestions import HISTORY_DAYS, HISTORY_MOST, SuggestionService
from console.store import consultation as store
from console.store.engine import Database

TYPINGS = 400
NOW = datetime(UNTIL.year, UNTIL.month, UNTIL.day, 2, tzinfo=UTC)
FLOOR_SQL = (
    "SELECT owner, department, description FROM work_order WHERE origin = ? AND created_at >= ?"
    "{filters} ORDER BY created_at DESC LIMIT ?"
)

Typing = tuple[str | None, str | None, str | None, str]


def _typings(conn: sqlite3.Connection) -> list[Typing]:
    rng = random.Random(7)
    rows = conn.execute(
        "SELECT kind, field, district, description FROM work_order WHERE origin = '12345' "
        "AND id % 997 = 0 LIMIT ?",
        (TYPINGS,),
    ).fetchall()
    out: list[Typing] = []
    for n, (kind, field, district, text) in enumerate(rows):
        cut = text[: rng.randint(2, max(2, len(text)))]
        if n % 4 == 2:
            out.append((kind, None, None, cut))
        elif n % 4 == 3:
            out.append((None, None, None, cut))
        else:
            out.append((kind, field, district, cut))
    return out


def _seed_rules(db: Database) -> None:
    with db.read() as session:
        if store.rules(session):
            return
        known = store.known(session)
    folder = bundle_path("db", "consultation")
    files = sorted(folder.glob("*.toml"))
    book = merge([parse_rule_file(p.read_text("utf-8"), p.name, known) for p in files])
    with db.write() as session:
        store.import_book(session, book, "bench", "bench", NOW)


def _floor(conn: sqlite3.Connection, typing: Typing) -> None:
    kind, field, district, _ = typing
    since = (NOW - timedelta(days=HISTORY_DAYS)).strftime("%Y-%m-%d %H:%M:%S.%f")
    params: list[object] = ["12345", since]
    filters = ""
    if kind is not None:  # as the service: without a kind, the platform's newest orders
        for name, value in (("kind", kind), ("field", field), ("district", district)):
            if value is not None:
                filters += f" AND {name} = ?"
                params.append(value)
    conn.execute(FLOOR_SQL.format(filters=filters), [*params, HISTORY_MOST]).fetchall()


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    db = Database.open(f"sqlite:///{path}")
    _seed_rules(db)
    conn = sqlite3.connect(path)
    typings = _typings(conn)
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    service.suggest(*typings[0])  # rules read, pool and page cache warm for both
    ours = [timed_ms(lambda t=t: service.suggest(*t)) for t in typings]  # type: ignore[misc]
    db.dispose()
    _floor(conn, typings[0])
    floor = [timed_ms(lambda t=t: _floor(conn, t)) for t in typings]  # type: ignore[misc]
    conn.close()
    return [time_figure("suggest_ms", "ms", p95(ours), p95(floor))]
