"""The throwaway PostgreSQL of the tests (tests/pg.py) under pytest-xdist: a cluster or PgBouncer
left by a dead test process is stopped and deleted, one whose process lives is kept, and a port
taken before the server binds it does not stop the cluster from starting."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest

from tests.pg import Cluster, PgBouncer, PgUnavailable, sweep_orphans
from tests.waiting import wait_until

pytestmark = pytest.mark.postgres


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=30)
    return child.pid


def _orphan(root: Path) -> None:
    """As if the worker that made ``root`` had been killed with -9."""
    (root / "owner.pid").write_text(f"{_dead_pid()}\n", encoding="ascii")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _unavailable(exc: PgUnavailable) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs PostgreSQL: {exc}")
    pytest.skip(f"PostgreSQL is not installed here: {exc}")


def _stop(cluster: Cluster) -> None:
    """Stopped and deleted, whether the sweep got there first or it never started."""
    with contextlib.suppress(PgUnavailable):
        cluster.stop()


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(_dsn(url), connect_timeout=10) as conn:
            return conn.execute("SELECT 1").fetchone() == (1,)
    except psycopg.OperationalError:
        return False


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    made = None
    try:
        made = Cluster()
        made.start()
    except PgUnavailable as exc:
        if made is not None:
            _stop(made)
        _unavailable(exc)
    assert made is not None
    yield made
    _stop(made)


def test_a_dead_workers_cluster_is_stopped_and_deleted_a_live_ones_kept(
    cluster: Cluster, pg_cluster: Cluster
) -> None:
    with psycopg.connect(_dsn(cluster.url()), connect_timeout=10) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    _orphan(cluster.root)
    gone = sweep_orphans()
    assert cluster.root in gone and not cluster.root.exists()
    assert pg_cluster.root not in gone and pg_cluster.root.exists()  # this process's own
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(_dsn(cluster.url()), connect_timeout=10)


def test_a_dead_workers_pgbouncer_is_killed_and_deleted(cluster: Cluster) -> None:
    try:
        bouncer = PgBouncer(cluster)
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    try:
        # it starts in the background: once it answers, its pidfile is written
        wait_until(lambda: _answers(bouncer.url("postgres")), timeout=10, what=bouncer.log)
        assert (bouncer.root / "pgbouncer.pid").exists()
        _orphan(bouncer.root)
        assert bouncer.root in sweep_orphans()
        assert bouncer._proc.wait(timeout=30) is not None
        assert not bouncer.root.exists()
    finally:
        bouncer.stop()


def test_a_port_taken_before_the_server_binds_it_is_replaced() -> None:
    try:
        late = Cluster()
    except PgUnavailable as exc:
        _unavailable(exc)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        late.port = taken.getsockname()[1]
        try:
            late.start()
            assert late.port != taken.getsockname()[1]
            with psycopg.connect(_dsn(late.url()), connect_timeout=10) as conn:
                assert conn.execute("SELECT 1").fetchone() == (1,)
        finally:
            _stop(late)
