"""Two databases per test, one per platform, of each kind (SQLite; PostgreSQL when present)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.orders import Platform
from console.services.exchange_codec import ExchangeCodec
from console.store.engine import Database
from tests.conftest import _new_pg_database
from tests.exchange.platforms import Side, link_sides, side


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


@pytest.fixture(scope="module")
def codec() -> ExchangeCodec:
    """The exchange's codec (its schema compiled once a module)."""
    return ExchangeCodec()


@pytest.fixture
def sides(two_dbs: tuple[Database, Database], codec: ExchangeCodec) -> tuple[Side, Side]:
    """12345 and 110, each on its own database, linked to each other in process."""
    hotline, police = (
        side(Platform.HOTLINE, two_dbs[0], codec),
        side(Platform.POLICE, two_dbs[1], codec),
    )
    link_sides(hotline, police, codec)
    return hotline, police
