"""suggest_ms: one routing suggestion (console/services/suggestions.py) as the intake form asks
for it on a pause in the typing: the 会商 rules and transfer list matched, and where nothing
matches, the newest 1,000 orders of the matter in the last 90 days read and ranked by text
similarity. p95 over 400 typings drawn from the benchmark database's own orders (kind, field,
district as the agent may have chosen them so far, and a prefix of the description): half with
kind and district, a quarter kind only, a quarter text only.

- ``suggest_ms``: the **first** ask of a matter (the service's kept past orders dropped before
  each: every sample reads the database), pages warm: each typing is asked once, untimed,
  right before ours and the floor are timed on it (at 10 M the page cache does not hold every
  typing's rows: a pass over all of them first left the later side colder or warmer).
- ``suggest_next_ms``: the agent goes on typing the same matter: the ask with the whole
  description right after the first (the matter's past orders kept by the service).
- ``suggest_cold_ms``: the first ask with the database file evicted from the page cache
  (``drop_cached``) before each batch of 100 typings, each side its own typings, swapped in a
  second round (200 cold samples a side): the rows come from the disk, as for a matter nobody
  asked about lately on a seat whose cache does not hold the table (10 M orders).

Floor: the bare indexed query the history reads (same filters, ``ORDER BY created_at DESC
LIMIT 1000``, rows fetched) through plain ``sqlite3``, same typings, same run; no rules, no
ranking. For ``suggest_next_ms`` the floor is that of the first ask: what reading the matter
again would cost at least.

``--read-only`` (bench/run.py) opens the database ``mode=ro``: nothing is written (the demo rules
must then be in it already).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from common import UNTIL, Context, Figure, drop_cached, p95, time_figure, timed_ms

from console.domain.consultation_file import merge, parse_rule_file
from console.domain.order_types import Platform
from console.paths import bundle_path
from console.services.suggestions import HISTORY_DAYS, HISTORY_MOST, SuggestionService
from console.store import consultation as store
from console.store.engine import Database

TYPINGS = 400
COLD = 100  # typings a cold batch
NOW = datetime(UNTIL.year, UNTIL.month, UNTIL.day, 2, tzinfo=UTC)
FLOOR_SQL = (
    "SELECT owner, department, description FROM work_order WHERE origin = ? AND created_at >= ?"
    "{filters} ORDER BY created_at DESC LIMIT ?"
)

Typing = tuple[str | None, str | None, str | None, str]


def _typings(conn: sqlite3.Connection, whole: bool = False) -> list[Typing]:
    """The typings; ``whole``: each with its whole description instead of the prefix (the
    same rows, in the same order)."""
    rng = random.Random(7)
    rows = conn.execute(
        "SELECT kind, field, district, description FROM work_order WHERE origin = '12345' "
        "AND id % 997 = 0 LIMIT ?",
        (TYPINGS,),
    ).fetchall()
    out: list[Typing] = []
    for n, (kind, field, district, text) in enumerate(rows):
        cut = text[: rng.randint(2, max(2, len(text)))]
        typed = text if whole else cut
        if n % 4 == 2:
            out.append((kind, None, None, typed))
        elif n % 4 == 3:
            out.append((None, None, None, typed))
        else:
            out.append((kind, field, district, typed))
    return out


def _seed_rules(db: Database, read_only: bool = False) -> None:
    with db.read() as session:
        if store.rules(session):
            return
        if read_only:
            raise RuntimeError("the database has no 会商 rules: seed them on a writable copy")
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


def first_ask(service: SuggestionService, typing: Typing) -> float:
    """The first ask of a matter: the service's kept past orders dropped first (untimed)."""
    service.forget()
    return timed_ms(lambda: service.suggest(*typing))


def _cold(
    ctx: Context, db: Database, service: SuggestionService, typings: list[Typing]
) -> tuple[list[float], list[float]]:
    one, two = typings[:COLD], typings[COLD : 2 * COLD]
    ours: list[float] = []
    floor: list[float] = []
    path = ctx.bench_db_path()
    for mine, theirs in ((one, two), (two, one)):
        db.engine.dispose()  # a new connection: nothing in SQLite's own page cache either
        drop_cached(path)
        ours += [first_ask(service, t) for t in mine]
        drop_cached(path)
        conn = ctx.bench_db_connect()
        floor += [timed_ms(_bound(conn, t)) for t in theirs]
        conn.close()
    return ours, floor


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    db = Database.open(ctx.bench_db_url())
    _seed_rules(db, ctx.read_only)
    conn = ctx.bench_db_connect()
    typings = _typings(conn)
    wholes = _typings(conn, whole=True)
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    cold_ours, cold_floor = _cold(ctx, db, service, typings)
    ours: list[float] = []
    going_on: list[float] = []
    floor: list[float] = []
    for typing, whole in zip(typings, wholes, strict=True):
        first_ask(service, typing)  # this typing's rows read just before, for both sides alike
        ours.append(first_ask(service, typing))
        going_on.append(timed_ms(lambda w=whole: service.suggest(*w)))  # type: ignore[misc]
        floor.append(timed_ms(_bound(conn, typing)))
    db.dispose()
    conn.close()
    return [
        time_figure("suggest_ms", "ms", p95(ours), p95(floor)),
        time_figure("suggest_next_ms", "ms", p95(going_on), p95(floor)),
        time_figure("suggest_cold_ms", "ms", p95(cold_ours), p95(cold_floor)),
    ]


def _bound(conn: sqlite3.Connection, typing: Typing) -> Callable[[], None]:
    return lambda: _floor(conn, typing)
