"""A caller told at the peer platform (告知来电人 from a ``caller_told`` message, exchange format
1.3) in columns of its own: ``platform`` (the peer platform, "12345" or "110") and
``told_name`` (its agent's display name), where 0028 packed both into ``told_by``
(``110:李强``). ``told_by`` is the login of this platform's agent, and NULL for a tick told at
the peer; ``ck_caller_told_who`` keeps one or the other.

The upgrade moves each packed row into the new columns (a login never holds a colon:
``LOGIN_PATTERN``); the downgrade packs them back.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

WHO = (
    "(told_by IS NOT NULL AND platform IS NULL AND told_name IS NULL)"
    " OR (told_by IS NULL AND platform IS NOT NULL AND told_name IS NOT NULL)"
)


def _colon() -> str:
    """Where the colon is in ``told_by``, in this dialect's SQL (1-based; 0: none)."""
    return "instr(told_by, ':')" if op.get_bind().dialect.name == "sqlite" else "strpos(told_by, ':')"


def upgrade() -> None:
    with op.batch_alter_table("caller_told") as batch:
        batch.add_column(sa.Column("platform", sa.String(), nullable=True))
        batch.add_column(sa.Column("told_name", sa.String(), nullable=True))
        batch.alter_column("told_by", existing_type=sa.String(), nullable=True)
    at = _colon()
    op.execute(
        f"UPDATE caller_told SET platform = substr(told_by, 1, {at} - 1),"
        f" told_name = substr(told_by, {at} + 1), told_by = NULL WHERE {at} > 0"
    )
    with op.batch_alter_table("caller_told") as batch:
        batch.create_check_constraint("ck_caller_told_who", WHO)


def downgrade() -> None:
    with op.batch_alter_table("caller_told") as batch:
        batch.drop_constraint("ck_caller_told_who", type_="check")
    op.execute(
        "UPDATE caller_told SET told_by = platform || ':' || told_name WHERE platform IS NOT NULL"
    )
    with op.batch_alter_table("caller_told") as batch:
        batch.alter_column("told_by", existing_type=sa.String(), nullable=False)
        batch.drop_column("told_name")
        batch.drop_column("platform")
