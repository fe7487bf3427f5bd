"""The seat's heartbeat (a dead console's seat shows offline), and the inbox's two indexes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FED_BACK_SQL = "status = 'fed_back'"
NEWS_SQL = "action IN ('sign_for', 'feed_back', 'return')"


def upgrade() -> None:
    op.add_column("agent_state", sa.Column("alive_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_work_order_fed_back",
        "work_order",
        ["origin", "feedback_due", "id"],
        sqlite_where=sa.text(FED_BACK_SQL),
        postgresql_where=sa.text(FED_BACK_SQL),
    )
    op.create_index(
        "ix_order_event_news",
        "order_event",
        ["platform", "at"],
        sqlite_where=sa.text(NEWS_SQL),
        postgresql_where=sa.text(NEWS_SQL),
    )


def downgrade() -> None:
    op.drop_index("ix_order_event_news", table_name="order_event")
    op.drop_index("ix_work_order_fed_back", table_name="work_order")
    with op.batch_alter_table("agent_state") as batch:
        batch.drop_column("alive_at")
