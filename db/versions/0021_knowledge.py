"""The knowledge base (知识库): article versions and the citations of articles on orders.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "knowledge_article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("kinds", sa.String(), nullable=False),
        sa.Column("keywords", sa.String(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("changed_at", TZ, nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
    )
    op.create_index(
        "ux_knowledge_article_version", "knowledge_article", ["article_id", "version"], unique=True
    )
    op.create_table(
        "knowledge_citation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_number", sa.String(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("cited_by", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("cited_at", TZ, nullable=False),
    )
    op.create_index("ix_knowledge_citation_at", "knowledge_citation", ["cited_at"])
    op.create_index("ix_knowledge_citation_order", "knowledge_citation", ["order_number"])


def downgrade() -> None:
    op.drop_index("ix_knowledge_citation_order", "knowledge_citation")
    op.drop_index("ix_knowledge_citation_at", "knowledge_citation")
    op.drop_table("knowledge_citation")
    op.drop_index("ux_knowledge_article_version", "knowledge_article")
    op.drop_table("knowledge_article")
