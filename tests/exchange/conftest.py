"""Two databases per test, one per platform, of each kind (SQLite; PostgreSQL when present)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.store.engine import Database
from tests.conftest import _new_pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_dbs(
    request: pytest.FixtureRequest, tmp_path: Path, _templates: dict[str, str]
) -> Iterator[tuple[Database, Database]]:
    """A migrated, seeded database for 12345 and another for 110."""
    made: list[Database] = []
    for name in ("12345", "110"):
        if request.param == "sqlite":
            path = tmp_path / f"{name}.sqlite3"
            shutil.copyfile(_templates["sqlite"], path)
            made.append(Database.open(f"sqlite:///{path}"))
        else:
            cluster = request.getfixturevalue("pg_cluster")
            if cluster is None:
                pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
            made.append(Database.open(_new_pg_database(cluster, _templates["postgres"])))
    yield made[0], made[1]
    for db in made:
        db.dispose()
