"""Test isolation: offscreen Qt, a private data dir and database per test, both database kinds.

Set ``CONSOLE_TEST_SCREEN=1`` to watch the widgets on a real screen instead of offscreen.
"""

from __future__ import annotations

import asyncio
import compileall
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

if os.environ.get("CONSOLE_TEST_SCREEN") != "1":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from sqlalchemy import create_engine, text

from console.store.engine import Database
from console.store.setup import init_db
from tests.pg import Cluster, PgUnavailable, sweep_orphans
from tests.tls import TlsServer, make_ca, server_cert

# No per-example deadline (Hypothesis's default is 200 ms of wall time): on this shared 2-core
# machine, with two xdist workers, an example descheduled that long fails as "Unreliable test
# timings" when its replay is quick. Speed is measured by bench/, not by unit tests.
settings.register_profile("console", deadline=None)
settings.load_profile("console")

_names = itertools.count()
_RAM, _RAM_NEEDED = Path("/dev/shm"), 4 << 30
_ROOT = Path(__file__).resolve().parents[1]


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    """Once a run, in the process that runs the tests or, under pytest-xdist (``make test``:
    ``-n 2``), in the controller before it starts its workers: they inherit its TMPDIR and find
    the sources compiled, and no two processes compile the same file at once."""
    if _is_xdist_worker(config):
        return
    _in_memory_tmp()
    sweep_orphans()
    _compile_sources()


def pytest_unconfigure(config: pytest.Config) -> None:
    """The clusters of a worker that died mid-run (its session fixtures never torn down): the
    controller's workers have all stopped by now."""
    if not _is_xdist_worker(config):
        sweep_orphans()


def _compile_sources() -> None:
    """Byte-compile console/ and tests/ once for the ~280 ``python`` subprocesses the suite
    starts (``python -m console``, the kill workers): with PYTHONDONTWRITEBYTECODE set, as in
    this machine's environment and so CI's, each compiled the sources it imports anew
    (~0.2 s CPU for the window's modules; the whole compile here takes ~1 s). A .pyc is
    checked against its source's mtime, so an edited file is compiled again; __pycache__ is
    in .gitignore."""
    for package in ("console", "tests"):
        compileall.compile_dir(_ROOT / package, quiet=2)


def _in_memory_tmp() -> None:
    """Temporary files in memory when the machine has room (Linux's /dev/shm): the suite writes
    ~4 GB of throwaway databases, clusters and data dirs, and on a shared disk waiting for those
    writes doubled its wall time (tests/exchange: 215 s on /tmp, 100 s on /dev/shm, same CPU).
    TMPDIR moves pytest's tmp_path, tests/pg.py's clusters and every subprocess's temp files; a
    TMPDIR set by hand wins. The tests are the same either way (a kill -9 keeps the page cache).
    """
    if "TMPDIR" in os.environ or not (_RAM.is_dir() and os.access(_RAM, os.W_OK)):
        return
    if shutil.disk_usage(_RAM).free >= _RAM_NEEDED:
        os.environ["TMPDIR"] = str(_RAM)
        tempfile.tempdir = None  # forget the /tmp that pytest's capture already looked up


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data, config or database."""
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("CONSOLE_DB", f"sqlite:///{tmp_path / 'console.sqlite3'}")
    return home


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster | None]:
    try:
        cluster = Cluster()
        cluster.start()
    except PgUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL for the persistence tests: {exc}")
        yield None
        return
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def pg_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    """A second throwaway cluster that takes TCP over TLS only, with a certificate for
    127.0.0.1 and localhost signed by a throwaway CA; the CA's file and another CA's file."""
    folder = tmp_path_factory.mktemp("tls")
    ca, other = make_ca(), make_ca("another CA")
    (folder / "ca.pem").write_bytes(ca.pem)
    (folder / "other-ca.pem").write_bytes(other.pem)
    try:
        cluster = Cluster(tls=server_cert(ca))
        cluster.start()
    except PgUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL for the TLS tests: {exc}")
        pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
    yield TlsServer(cluster, folder / "ca.pem", folder / "other-ca.pem")
    cluster.stop()


@pytest.fixture(scope="session")
def _templates(
    pg_cluster: Cluster | None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """A migrated, seeded database of each kind, copied for every test that asks for one."""
    folder = tmp_path_factory.mktemp("template")
    sqlite_url = f"sqlite:///{folder / 'template.sqlite3'}"
    db, _ = init_db(sqlite_url)
    db.dispose()
    made = {"sqlite": str(folder / "template.sqlite3")}
    if pg_cluster is not None:
        admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE tmpl_migrated"))
        admin.dispose()
        db, _ = init_db(pg_cluster.url("tmpl_migrated"))
        db.dispose()
        made["postgres"] = "tmpl_migrated"
    return made


_made: list[tuple[Cluster, str]] = []  # this test's databases, dropped when it ends


def _new_pg_database(cluster: Cluster, template: str = "template0") -> str:
    name = f"t{os.getpid()}_{next(_names)}"
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    _made.append((cluster, name))
    return cluster.url(name)


@pytest.fixture(autouse=True)
def _drop_pg_databases() -> Iterator[None]:
    """Each test's PostgreSQL databases are dropped once it is over (after its own fixtures:
    autouse, so set up first and torn down last). Kept, ~1,000 of them (10 MB each) took 340 s
    to delete when the session's cluster stopped, and would fill a cluster kept in memory.
    FORCE: a connection the test left open does not keep its database."""
    yield
    while _made:
        cluster, name = _made.pop()
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (no schema) of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    cluster = request.getfixturevalue("pg_cluster")
    if cluster is None:
        pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
    return _new_pg_database(cluster)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(
    request: pytest.FixtureRequest, tmp_path: Path, _templates: dict[str, str]
) -> Iterator[Database]:
    """A migrated and seeded database of each kind, private to the test."""
    if request.param == "sqlite":
        path = tmp_path / "db.sqlite3"
        shutil.copyfile(_templates["sqlite"], path)
        database = Database.open(f"sqlite:///{path}")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        if cluster is None:
            pytest.skip("PostgreSQL is not installed here (CI=true makes this a failure)")
        database = Database.open(_new_pg_database(cluster, _templates["postgres"]))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Database]:
    """A migrated and seeded SQLite database only (UI and service tests)."""
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(_templates["sqlite"], path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def qloop(qapp: object) -> Iterator[object]:
    """A qasync event loop per test (STACK-NOTES: cancel what is pending with a timeout).

    Garbage is collected on the GUI thread before and after: Qt objects an earlier test left
    in reference cycles must not be freed by a collection that happens to run on a worker
    thread of this one (seen as a segfault in the scheduling tests)."""
    import gc

    import qasync

    gc.collect()
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.wait(pending, timeout=1))
    loop.close()
    asyncio.set_event_loop(None)
    gc.collect()
