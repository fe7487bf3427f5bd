"""Reports (报表): every offered call (call_record), the daily roll-up (report_day) filled from
the existing timeline (and per month: report_month), and an index on the alarms' raise instant.

The backfill is the roll-up's own recount (console.store.report_rollup.rebuild), so the roll-up
of an upgraded database is by definition what the timeline says.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
RAISED = "raised_at IS NOT NULL"


def upgrade() -> None:
    op.create_table(
        "call_record",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("call_id", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("arrived_at", TZ, nullable=False),
        sa.Column("answered_at", TZ, nullable=True),
        sa.Column("ended_at", TZ, nullable=True),
        sa.Column("abandoned", sa.Boolean(), nullable=False),
        sa.Column("handling_s", sa.Float(), nullable=True),
    )
    op.create_index("ux_call_record_call", "call_record", ["call_id", "seat"], unique=True)
    op.create_index("ix_call_record_arrived", "call_record", ["arrived_at"])
    for table in ("report_day", "report_month"):
        op.create_table(
            table,
            sa.Column("day", sa.Date(), primary_key=True),
            sa.Column("platform", sa.String(), primary_key=True),
            sa.Column("district", sa.String(), primary_key=True),
            sa.Column("figure", sa.String(), primary_key=True),
            sa.Column("value", sa.String(), primary_key=True),
            sa.Column("n", sa.BigInteger(), nullable=False),
        )
    op.create_index("ix_report_day_figure", "report_day", ["figure", "day"])
    op.create_index(
        "ix_alarm_raised",
        "alarm",
        ["raised_at"],
        sqlite_where=sa.text(RAISED),
        postgresql_where=sa.text(RAISED),
    )
    from console.store.report_rollup import rebuild

    rebuild(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_index("ix_alarm_raised", "alarm")
    op.drop_table("report_month")
    op.drop_index("ix_report_day_figure", "report_day")
    op.drop_table("report_day")
    op.drop_index("ix_call_record_arrived", "call_record")
    op.drop_index("ux_call_record_call", "call_record")
    op.drop_table("call_record")
