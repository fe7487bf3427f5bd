"""A shared exchange database for the intermediate-database transport's tests: a fresh
database with the exchange schema in the test session's PostgreSQL cluster, which can refuse
connections for a while as a cut network would."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg
import pytest

from console.services.exchange_dblink import DatabasePoller
from console.services.exchange_link import Receiving
from console.store import exchange_db
from tests.pg import Cluster

_names = itertools.count()


def poller(url: str, me: str, receiving: Receiving, batch: int = 200) -> DatabasePoller:
    """A poller that notices a cut link and a mended one quickly."""
    return DatabasePoller(
        url, me, receiving, batch=batch, poll_s=0.5, retry_first_s=0.05, retry_max_s=0.3
    )


def needs(pg_cluster: Cluster | None) -> Cluster:
    """The session's cluster, or a skip where PostgreSQL is missing (conftest fails it on CI)."""
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
    return pg_cluster


def admin(cluster: Cluster) -> psycopg.Connection:
    return psycopg.connect(exchange_db.conninfo(cluster.url()), autocommit=True)


@contextmanager
def shared_database(cluster: Cluster) -> Iterator[Shared]:
    made = Shared(cluster)
    try:
        yield made
    finally:
        made.drop()


@dataclass
class Shared:
    """A fresh shared exchange database in the test cluster."""

    cluster: Cluster
    name: str = field(default_factory=lambda: f"xchg{os.getpid()}_{next(_names)}")

    def __post_init__(self) -> None:
        with admin(self.cluster) as conn:
            conn.execute(f"CREATE DATABASE {self.name}")
        exchange_db.create_exchange_schema(self.url())

    def url(self, user: str = "app") -> str:
        return self.cluster.url(self.name).replace("app@", f"{user}@", 1)

    def allow(self, yes: bool) -> None:
        """Let connections in, or refuse them and end those there are (the network is gone)."""
        with admin(self.cluster) as conn:
            conn.execute(f"ALTER DATABASE {self.name} ALLOW_CONNECTIONS {str(yes).lower()}")
            if not yes:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (self.name,),
                )

    def drop(self) -> None:
        with admin(self.cluster) as conn:
            conn.execute(f"DROP DATABASE {self.name} WITH (FORCE)")

    def unanswered(self) -> int:
        with psycopg.connect(exchange_db.conninfo(self.url())) as conn:
            row = conn.execute(
                "SELECT count(*) FROM linkage_exchange.message WHERE answered_posts < posts"
            ).fetchone()
        return int(row[0]) if row else -1
