"""What differs between SQLite and PostgreSQL in the store's declarations and upserts, said once,
without loading PostgreSQL's dialect on a SQLite seat.

SQLAlchemy checks a dialect-specific keyword (``postgresql_where=``) by loading that dialect's
package, and ``sqlalchemy.dialects.postgresql`` imports every PostgreSQL driver module it knows
(asyncpg, pg8000, psycopg2…): ~30–40 ms of CPU on the start's path to its first data
(issue 18), for a seat whose database is a SQLite file. So a partial index declares its WHERE
here (:func:`where`) with SQLite's keyword and the text in the index's ``info``, and
:func:`declare_postgresql` gives PostgreSQL's keyword the same text once a PostgreSQL engine is
made (console/store/engine.py) — by then the dialect is loaded anyway. The declarations make no
DDL (the migrations do, db/versions); they are what ``test_migrations_match_the_tables``
compares the migrated schema with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Index, text
from sqlmodel import SQLModel

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert

WHERE = "where"  # the key of a partial index's WHERE text in its ``info``


def where(sql: str) -> dict[str, Any]:
    """An ``Index``'s keywords for a partial index over the rows ``sql`` selects (the same text
    the queries use: SQLite uses a partial index only for a query whose WHERE contains it)."""
    return {"sqlite_where": text(sql), "info": {WHERE: sql}}


def declare_postgresql() -> None:
    """PostgreSQL's ``postgresql_where`` on every partial index of the store's tables (all
    registered first); idempotent."""
    from console.store import tables  # noqa: F401  (registers every table)

    for table in SQLModel.metadata.tables.values():
        for index in table.indexes:
            _declare(index)


def _declare(index: Index) -> None:
    sql = index.info.get(WHERE)
    if sql is not None and index.dialect_options["postgresql"]["where"] is None:
        index.dialect_options["postgresql"]["where"] = text(sql)


def upsert(dialect: str, table: Any) -> SqliteInsert | PostgresInsert:
    """``INSERT`` into ``table`` with the dialect's ``ON CONFLICT`` clauses (``dialect``: the
    session's ``get_bind().dialect.name``); PostgreSQL's imported only on PostgreSQL."""
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    from sqlalchemy.dialects import postgresql

    return postgresql.insert(table)
