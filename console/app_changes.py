"""Part of the composition root (see app.py): what is on screen re-read when another connection
commits — the seat windows' and the role tabs' change poll. Imported through app_window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from console.store.change_topics import ALL, Topics
from console.store.changes import ChangeWatch

QUEUE_REFRESH_MS = 10_000
CHANGE_POLL_MS = 200  # PRAGMA data_version or draining NOTIFYs: microseconds a look


def watch_changes(
    window: QObject,
    changes: ChangeWatch | None,
    on_change: Callable[[], None],
    on_topics: Callable[[Topics], None] | None = None,
) -> QTimer:
    """Re-read what is on screen as soon as another connection commits (SQLite data_version,
    PostgreSQL LISTEN/NOTIFY), else every 10 s (an in-memory database: no other seat sees it).

    At most one re-read per 200 ms poll, however many commits came in it: a transfer shows at
    the peer within the poll (transfer_visible_p95_ms ≤ 300). ``on_change`` runs on every
    change; ``on_topics`` (``WindowParts.on_topics``) is told what changed, so on PostgreSQL a
    seat skips what another platform's or another order's commit does not concern (SQLite:
    everything, always)."""
    timer = QTimer(window, interval=CHANGE_POLL_MS if changes else QUEUE_REFRESH_MS)
    timer.setObjectName("queue-refresh")
    told = on_topics if on_topics is not None else (lambda _topics: None)

    def poll() -> None:
        topics = changes.topics() if changes is not None else ALL
        if topics:
            told(topics)
            on_change()

    timer.timeout.connect(poll)
    timer.start()
    return timer
