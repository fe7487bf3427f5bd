"""How the purge finds its orders, before and since 0030: ``python bench/purge_query.py DB
YYYY-MM-DD [...]`` prints each query's plan and times reading every due page (by
``BATCH``) for each cut-off given, writing nothing (the file is opened ``mode=ro``: the 10 M
file may be measured). Not a registered benchmark (no floor): the demonstration behind
BENCHMARKS.md "Personal-data purge: finding the due orders".

``old``: the query before 0030 — every order walked by id, each one's timeline probed for its
closing event. ``new``: :func:`console.store.privacy.due_page` — a keyset range on
(created_at, id) up to the cut-off, served by ``ix_work_order_purge`` where the file has it
(0030), else by the full ``ix_work_order_created`` (same shape, but every order created before
the cut-off is read, purged or not).
"""

from __future__ import annotations

import sys
import time
from datetime import date

from sqlalchemy import text

from console.services.privacy import BATCH, _instant
from console.store import privacy as repo
from console.store.engine import Database, make_engine

OLD = (
    "FROM work_order o WHERE o.status IN ('cancelled', 'completed') "
    "AND o.caller_phone NOT LIKE '~%' AND (SELECT max(e.at) FROM order_event e "
    "WHERE e.order_id = o.id AND e.action IN ('complete', 'cancel')) < :cutoff"
)
OLD_PAGE = (
    f"SELECT o.id, o.caller_phone, o.caller_name {OLD} AND o.id > :after ORDER BY o.id LIMIT :size"
)


def _old(db: Database, cutoff: object) -> tuple[int, float]:
    start, after, found = time.perf_counter(), 0, 0
    while True:
        with db.read() as s:
            rows = s.execute(
                text(OLD_PAGE), {"cutoff": cutoff, "after": after, "size": BATCH}
            ).all()
        if not rows:
            return found, time.perf_counter() - start
        found, after = found + len(rows), rows[-1][0]


def _new(db: Database, cutoff: object) -> tuple[int, float]:
    start, after, found = time.perf_counter(), None, 0
    while True:
        with db.read() as s:
            page = repo.due_page(s, cutoff, after, BATCH)  # type: ignore[arg-type]
        if not page.rows:
            return found, time.perf_counter() - start
        found, after = found + len(page.rows), page.last


def _plan(db: Database, sql: str, params: dict[str, object]) -> str:
    with db.read() as s:
        rows = s.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
    return "; ".join(str(r[-1]) for r in rows)


def main(path: str, days: list[str]) -> None:
    db = Database(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    cutoff = _instant(date.fromisoformat(days[0]))
    new_page = (
        f"SELECT o.id, o.caller_phone, o.caller_name, o.created_at {repo._DUE} "
        "AND (o.created_at, o.id) > (:after_at, :after_id) ORDER BY o.created_at, o.id LIMIT :size"
    )
    params = {"cutoff": cutoff, "after": 0, "size": BATCH, "after_at": cutoff, "after_id": 0}
    print(f"# {path}")
    print(f"old page: {_plan(db, OLD_PAGE, params)}")
    print(f"new page: {_plan(db, new_page, params)}")
    print(f"new count: {_plan(db, f'SELECT count(*) {repo._DUE}', params)}")
    for day in days:
        cutoff = _instant(date.fromisoformat(day))
        for name, run in (("new", _new), ("old", _old)):
            found, seconds = run(db, cutoff)
            print(f"{name} before {day}: {found:,} due orders read in {seconds:.2f} s", flush=True)
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
