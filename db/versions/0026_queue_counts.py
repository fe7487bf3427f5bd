"""The queue tabs' totals kept by the database: ``queue_count`` and triggers on ``work_order``.

At 10 M orders the four tabs' counts took 0.7 s on SQLite every 3 s per seat (the open queue's
count walked the owner's millions of entries of ``ix_work_order_queue``; "all orders" is a
count of the whole table, on PostgreSQL a scan of it). The triggers add each inserted, updated
or deleted order's change to the counters in the same transaction, whatever code wrote it; a
tab's total is then a read of a few rows (console/store/queue_count_tables.py says what is
counted; this is a frozen copy of it, and a test proves the kept counts equal a recount).

SQLite: row triggers add to one row a counter (``part`` 0; one writer at a time).
PostgreSQL: statement triggers (transition tables: one statement a batch) add to the writing
backend's own row (``part`` = ``pg_backend_pid()``), so concurrent seats never wait for each
other's counter row nor deadlock over two of them; readers sum the rows and fold those of gone
backends into part 0 now and then. Not counted, and never done by the console: ``TRUNCATE``,
and on SQLite ``INSERT OR REPLACE`` over an order (its implicit delete fires no trigger).

The backfill counts the orders once: on the 10 M demo database about 1 s of reads (the
partial indexes, and the smallest index for the total).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

OPEN = "{r}.status NOT IN ('completed', 'cancelled')"
FED_BACK = "{r}.status = 'fed_back'"
# queue, scope, condition (console/store/queue_count_tables.py COUNTED, as of this revision)
COUNTED = (
    ("all", "''", ""),  # every order: no WHERE, no GROUP BY (SQLite's fast count of a table)
    ("open", "{r}.owner", OPEN),
    ("transferred", "{r}.owner", "{r}.status = 'transferred'"),
    ("fed_back", "{r}.origin", FED_BACK),
    ("seat_open", "{r}.seat", "{r}.seat IS NOT NULL AND " + OPEN),
    ("seat_fed_back", "{r}.origin || '/' || {r}.seat", "{r}.seat IS NOT NULL AND " + FED_BACK),
)
WATCHED = ("status", "owner", "origin", "seat")  # the columns the conditions and scopes read


def _arms(r: str, sign: int, source: str = "") -> list[str]:
    """One SELECT a counter: the row ``r`` (of ``source``, or a trigger's NEW / OLD) counted
    ``sign`` where it meets the condition."""
    return [
        f"SELECT '{q}' AS queue, {scope.format(r=r)} AS scope, {sign} AS d{source}"
        + (f" WHERE {where.format(r=r)}" if where else "")
        for q, scope, where in COUNTED
    ]


def _add(arms: list[str], part: str, excluded: str) -> str:
    return (
        "INSERT INTO queue_count (queue, scope, part, n) "
        f"SELECT queue, scope, {part}, sum(d) FROM ({' UNION ALL '.join(arms)}) k "
        "WHERE true GROUP BY queue, scope HAVING sum(d) <> 0 "
        f"ON CONFLICT (queue, scope, part) DO UPDATE SET n = {excluded}.n + excluded.n"
    )


def _sqlite_triggers() -> list[str]:
    add = {
        "INSERT": _add(_arms("NEW", 1), "0", "queue_count"),
        "UPDATE": _add(_arms("OLD", -1) + _arms("NEW", 1), "0", "queue_count"),
        "DELETE": _add(_arms("OLD", -1), "0", "queue_count"),
    }
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
    return [
        "CREATE TRIGGER tr_queue_count_insert AFTER INSERT ON work_order "
        f"BEGIN {add['INSERT']}; END",
        f"CREATE TRIGGER tr_queue_count_update AFTER UPDATE OF {', '.join(WATCHED)} "
        f"ON work_order WHEN {changed} BEGIN {add['UPDATE']}; END",
        f"CREATE TRIGGER tr_queue_count_delete AFTER DELETE ON work_order BEGIN {add['DELETE']}; END",
    ]


def _postgresql_triggers() -> list[str]:
    new, old = " FROM new_rows r", " FROM old_rows r"
    pid, table = "pg_backend_pid()", "queue_count"
    inserted = _add(_arms("r", 1, new), pid, table)
    updated = _add(_arms("r", -1, old) + _arms("r", 1, new), pid, table)
    deleted = _add(_arms("r", -1, old), pid, table)
    body = (
        f"BEGIN IF TG_OP = 'INSERT' THEN {inserted}; ELSIF TG_OP = 'UPDATE' THEN {updated}; "
        f"ELSE {deleted}; END IF; RETURN NULL; END"
    )
    return [
        "CREATE FUNCTION queue_count_rows() RETURNS trigger LANGUAGE plpgsql "
        f"AS $body$ {body} $body$",
        "CREATE TRIGGER tr_queue_count_insert AFTER INSERT ON work_order "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_count_rows()",
        "CREATE TRIGGER tr_queue_count_update AFTER UPDATE ON work_order "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION queue_count_rows()",
        "CREATE TRIGGER tr_queue_count_delete AFTER DELETE ON work_order "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_count_rows()",
    ]


def recount_sql() -> str:
    """The counters counted from the orders (the backfill; bench/queue_count_readonly.py)."""
    return " UNION ALL ".join(
        f"SELECT '{q}', {scope.format(r='r')}, 0, count(*) FROM work_order r"
        + (f" WHERE {where.format(r='r')} GROUP BY 1, 2" if where else "")
        for q, scope, where in COUNTED
    )


def upgrade() -> None:
    op.create_table(
        "queue_count",
        sa.Column("queue", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("queue", "scope", "part"),
    )
    op.execute(f"INSERT INTO queue_count (queue, scope, part, n) {recount_sql()}")
    sqlite = op.get_context().dialect.name == "sqlite"
    for statement in _sqlite_triggers() if sqlite else _postgresql_triggers():
        op.execute(statement)


def downgrade() -> None:
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS tr_queue_count_{name} ON work_order"
                   if op.get_context().dialect.name == "postgresql"
                   else f"DROP TRIGGER IF EXISTS tr_queue_count_{name}")  # fmt: skip
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS queue_count_rows()")
    op.drop_table("queue_count")
