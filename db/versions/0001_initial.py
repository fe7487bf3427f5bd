"""Initial schema: catalogues, work orders, their timeline, daily number sequences.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kind",
        sa.Column("code", sa.String(), primary_key=True),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("name_zh", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("hint_zh", sa.String(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("police", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "field",
        sa.Column("code", sa.String(), primary_key=True),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("name_zh", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "district",
        sa.Column("code", sa.String(), primary_key=True),
        sa.Column("name_zh", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("city_code", sa.String(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
    )
    op.create_table(
        "work_order",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("caller_phone", sa.String(), nullable=False),
        sa.Column("caller_name", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), sa.ForeignKey("kind.code"), nullable=False),
        sa.Column("field", sa.String(), sa.ForeignKey("field.code"), nullable=True),
        sa.Column("district", sa.String(), sa.ForeignKey("district.code"), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("social_stability", sa.Boolean(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("first_contact_mode", sa.String(), nullable=True),
        sa.Column("sign_for_due", TS, nullable=True),
        sa.Column("feedback_due", TS, nullable=True),
        sa.Column("completion_due", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ux_work_order_number", "work_order", ["number"], unique=True)
    op.create_index("ix_work_order_caller", "work_order", ["caller_phone", "created_at"])
    op.create_index("ix_work_order_queue", "work_order", ["owner", "status", "feedback_due"])
    op.create_table(
        "order_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("from_status", sa.String(), nullable=True),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
    )
    op.create_index("ix_order_event_order", "order_event", ["order_id", "at"])
    op.create_table(
        "order_sequence",
        sa.Column("platform", sa.String(), primary_key=True),
        sa.Column("day", sa.String(), primary_key=True),
        sa.Column("last", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("order_sequence")
    op.drop_index("ix_order_event_order", "order_event")
    op.drop_table("order_event")
    op.drop_index("ix_work_order_queue", "work_order")
    op.drop_index("ix_work_order_caller", "work_order")
    op.drop_index("ux_work_order_number", "work_order")
    op.drop_table("work_order")
    op.drop_table("district")
    op.drop_table("field")
    op.drop_table("kind")
