"""The audit trail (留痕): an append-only, HMAC-chained table; on PostgreSQL also locked down.

On PostgreSQL, beyond the table: UPDATE, DELETE and TRUNCATE are revoked from PUBLIC and from
the seats' role :data:`SEAT_ROLE` (if it exists; it gets SELECT and INSERT), and triggers refuse
UPDATE, DELETE and TRUNCATE to everyone, the table's owner too. A superuser, or the owner with
``ALTER TABLE audit DISABLE TRIGGER``, can still get round them: that is what the HMAC chain
and ``python -m console audit verify`` are for (README "Audit trail").

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SEAT_ROLE = "console_seat"  # README "Audit trail": the role the seats connect as

_REFUSE = """
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("key_id", sa.String(), nullable=False),
        sa.Column("mac", sa.String(), nullable=False),
    )
    op.create_index("ix_audit_at", "audit", ["at"])
    op.create_index("ix_audit_who", "audit", ["who", "seq"])
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(_REFUSE)
    op.execute(
        "CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OR DELETE ON audit "
        "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()"
    )
    op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM PUBLIC")
    op.execute(f"""
        DO $$ BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{SEAT_ROLE}') THEN
                GRANT SELECT, INSERT ON audit TO {SEAT_ROLE};
                REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM {SEAT_ROLE};
            END IF;
        END $$
    """)  # fmt: skip


def downgrade() -> None:
    # Audit rows are kept at least 180 days (网络安全法 art. 21): no migration drops them.
    raise RuntimeError("the audit trail is not downgraded: dropping it would delete its rows")
