"""Instants read back from either database, as aware UTC datetimes.

Both databases are written aware UTC instants; PostgreSQL (``timestamptz``) gives them back
aware, SQLite gives back the stored UTC text as naive datetimes. Every read that hands an
instant to the services passes it through :func:`utc`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
