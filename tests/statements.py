"""The SQL a store function sends, with the values it bound: for the tests that read its plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from console.store.engine import Database


def executed(db: Database, run: Callable[[Session], object], on: str) -> tuple[str, Any]:
    """The one statement naming ``on`` (a table) that ``run`` executes in a read session."""
    seen: list[tuple[str, Any]] = []

    def note(_c: object, _cur: object, statement: str, parameters: Any, *_: object) -> None:
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with db.read() as session:
            run(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    [found] = [(statement, p) for statement, p in seen if on in statement]
    return found
