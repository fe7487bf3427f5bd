"""A caller's history kept together: the screen pop reads a few adjacent index pages, cold.

At 10 M orders (a 13 GB file) a caller's orders are rows scattered over the whole table: the
history (newest 50) read one table page per order, and the still-open ones read every order of
the caller (a frequent caller has ~800) to test its status — 74 ms p95 cold for the history and
556 ms for the screen pop, when none of it is in the page cache.

SQLite: ``ix_work_order_caller`` becomes a covering index — its key goes on past
(``caller_phone``, ``created_at``) with every column the history shows — so one caller's
history is one range of leaf pages and the table is never read. ``ix_work_order_caller_open``
holds the open orders only (partial, the queues' ``OPEN`` text: the query must say it
verbatim), covering too: the open ones are found without walking the closed ones. Both are
``ANALYZE``d when the database has statistics (the demo loader's ``ANALYZE``): with rows for
the other indexes and none for these, the planner may not choose them. Measured on the
10 M demo database (14.6 GB, 2-core shared VM, load ~6): the statements take 57 s (the
covering index 46 s, the open one 3 s, ``ANALYZE`` 3 s) and the file grows by 1.9 GB (the
covering index is ~2.4 GB, partly on the pages the narrow one freed); at 1 M, ~30 s and
+190 MB. The upgrade first copies the SQLite file (its backup): budget a copy of the whole
file beside it, in time and in disk. See BENCHMARKS.md "10 M orders".

PostgreSQL: an index row is limited to ~2.7 kB and a description may be 2,000 characters
(6 kB of UTF-8), so the text cannot go into an index there; ``ix_work_order_caller`` stays as
it is and the partial ``ix_work_order_caller_open`` (phone, time) spares the open-orders read
the closed orders' heap pages.

Revision ID: 0025
Revises: 0023
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0023"
branch_labels = None
depends_on = None

OPEN = sa.text("status NOT IN ('completed', 'cancelled')")
KEY = ["caller_phone", "created_at"]
# What the history shows (console/store/orders.py ``_SUMMARY``; ``id`` is the rowid, always in).
SHOWN = ["status", "number", "kind", "owner", "description", "address"]


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.drop_index("ix_work_order_caller", "work_order")
        op.create_index("ix_work_order_caller", "work_order", KEY + SHOWN)
        op.create_index("ix_work_order_caller_open", "work_order", KEY + SHOWN, sqlite_where=OPEN)
        bind = op.get_bind()
        analysed = bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).first()
        if analysed:  # statistics for the others and none for these: refresh these two
            op.execute("ANALYZE ix_work_order_caller")
            op.execute("ANALYZE ix_work_order_caller_open")
    else:
        op.create_index("ix_work_order_caller_open", "work_order", KEY, postgresql_where=OPEN)


def downgrade() -> None:
    op.drop_index("ix_work_order_caller_open", "work_order")
    if op.get_context().dialect.name == "sqlite":
        op.drop_index("ix_work_order_caller", "work_order")
        op.create_index("ix_work_order_caller", "work_order", KEY)
