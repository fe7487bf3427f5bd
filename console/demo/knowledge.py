"""The demo's knowledge base: the shipped ``db/knowledge`` articles (all ``demo = true``).

``python -m console demo-data`` imports them, so the pane beside the intake form has articles
to show in ``make run``; importing again adds nothing (console.store.knowledge). A real site
imports its own files with ``python -m console knowledge import DIR``.
"""

from __future__ import annotations

from datetime import datetime

from console.domain.knowledge_file import load_knowledge
from console.paths import bundle_path
from console.store import knowledge as store
from console.store.engine import Database


def add_demo_knowledge(db: Database, now: datetime) -> int:
    """Import the shipped demo articles not stored yet; returns the versions added."""
    with db.read() as session:
        kinds = store.kinds(session)
    shelf = load_knowledge(bundle_path("db", "knowledge"), kinds)
    with db.write() as session:
        return store.import_articles(session, shelf.articles, "demo", "demo-data", now).added
