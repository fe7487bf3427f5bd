"""Open a database ready for work: migrated to head and seeded (``init-db`` and every start)."""

from __future__ import annotations

from console.store import migrate
from console.store.engine import Database
from console.store.partners import seed_demo_partners
from console.store.seed import seed_catalogue


def init_db(url: str) -> tuple[Database, int]:
    """Migrate and seed; idempotent. Returns the database and how many catalogue rows were added
    (the demo partner directory counts: it is seeded into an empty partner table only)."""
    db = Database.open(url)
    migrate.upgrade(db.engine)
    with db.write() as session:
        added = seed_catalogue(session)
        added += seed_demo_partners(session)
    return db, added
