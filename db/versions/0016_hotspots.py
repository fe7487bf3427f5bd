"""Hot spots (热点分析) and the kind of the verification orders made from them (核查, V-HS).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)

# The verification order's kind: not offered at intake (inactive: the intake form and the demo
# data list active kinds only); the hot-spot service names it. Its deadlines: deadlines.toml.
VERIFY = {
    "code": "V-HS",
    "platform": "12345",
    "name_zh": "核查",
    "name_en": "Verification",
    "hint_zh": "热点分析生成的核查工单：请承办单位现场核查，24小时内反馈意见",
    "weight": 0,
    "police": False,
    "active": False,
}


def upgrade() -> None:
    op.create_table(
        "hotspot",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("window_start", TZ, nullable=False),
        sa.Column("window_end", TZ, nullable=False),
        sa.Column("dimension", sa.String(), nullable=False),
        sa.Column("district", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("baseline", sa.String(), nullable=False),
        sa.Column("mean", sa.Float(), nullable=False),
        sa.Column("sd", sa.Float(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("numbers", sa.String(), nullable=False),
        sa.Column("found_at", TZ, nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("taken_up_at", TZ, nullable=True),
        sa.Column("taken_up_by", sa.String(), nullable=True),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("order_number", sa.String(), nullable=True),
    )
    op.create_index(
        "ux_hotspot_cell",
        "hotspot",
        ["window_end", "dimension", "district", "subject"],
        unique=True,
    )
    op.create_index("ix_hotspot_state", "hotspot", ["state", "window_end"])
    kind = sa.table("kind", *(sa.column(name) for name in VERIFY))
    bind = op.get_bind()
    present = bind.execute(sa.text("SELECT 1 FROM kind WHERE code = :c"), {"c": VERIFY["code"]})
    if present.first() is None:
        op.bulk_insert(kind, [VERIFY])


def downgrade() -> None:
    op.drop_index("ix_hotspot_state", "hotspot")
    op.drop_index("ux_hotspot_cell", "hotspot")
    op.drop_table("hotspot")
