"""Joint consultation (会商): rules (one row per version) and transfer-list items, and the index
on orders by kind (and district) and creation that the routing suggestion's history reads.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "consultation_rule",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("changed_at", TZ, nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
    )
    op.create_index(
        "ux_consultation_rule_version", "consultation_rule", ["rule_id", "version"], unique=True
    )
    op.create_table(
        "transfer_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_at", TZ, nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
    )
    op.create_index(
        "ux_transfer_item_number", "transfer_item", ["direction", "number"], unique=True
    )
    op.create_index("ix_work_order_kind_district", "work_order", ["kind", "district", "created_at"])
    op.create_index("ix_work_order_kind_created", "work_order", ["kind", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_work_order_kind_created", "work_order")
    op.drop_index("ix_work_order_kind_district", "work_order")
    op.drop_index("ux_transfer_item_number", "transfer_item")
    op.drop_table("transfer_item")
    op.drop_index("ux_consultation_rule_version", "consultation_rule")
    op.drop_table("consultation_rule")
