"""Alembic environment. The console calls it through ``console.store.migrate`` with an open
connection in ``config.attributes["connection"]``; ``render_as_batch`` lets SQLite alter tables."""

from alembic import context
from sqlmodel import SQLModel

from console.store import tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `python -m console init-db [--db URL]`")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
