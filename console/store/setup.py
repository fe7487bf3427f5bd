"""Open a database ready for work: migrated to head and seeded (``init-db`` and every start)."""

from __future__ import annotations

from console.store import migrate
from console.store.engine import Database
from console.store.seed import seed_catalogue


def init_db(url: str) -> tuple[Database, int]:
    """Migrate and seed; idempotent. Returns the database and how many catalogue rows were added."""
    db = Database.open(url)
    migrate.upgrade(db.engine)
    with db.write() as session:
        added = seed_catalogue(session)
    return db, added
