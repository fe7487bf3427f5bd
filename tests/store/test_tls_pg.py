"""PostgreSQL over TLS, for real: a throwaway cluster that takes TCP over TLS only, its
certificate signed by a throwaway CA. ``[database] sslrootcert`` makes the console check the
server (verify-full) and ``init-db`` work over TLS; a wrong CA and an unencrypted URL are
refused with one line that says so, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

from console.config import load_settings
from console.store.engine import Database
from console.store.faults import classify
from console.store.setup import init_db
from tests.pg import Cluster
from tests.tls import TlsServer

pytestmark = pytest.mark.postgres

_ENCRYPTED = text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")


def _config(tmp_path: Path, url: str, ca: Path) -> Path:
    path = tmp_path / "console.toml"
    path.write_text(f'[database]\nurl = "{url}"\nsslrootcert = "{ca}"\n', encoding="utf-8")
    path.chmod(0o600)
    return path


def _console(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home" / "-".join(a.rpartition("/")[2] for a in args)[:80]
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
        "CONSOLE_LANG": "en",
    })  # fmt: skip
    env.pop("CONSOLE_DB", None)
    command = [sys.executable, "-m", "console", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def test_the_console_checks_the_server_and_init_db_works_over_tls(
    pg_tls: TlsServer, tmp_path: Path
) -> None:
    url = pg_tls.cluster.url()
    settings = load_settings({}, {}, _config(tmp_path, url, pg_tls.ca_file))
    assert settings.db_url.endswith("&sslmode=verify-full")
    db, _ = init_db(settings.db_url)
    try:
        with db.read() as session:
            assert session.execute(_ENCRYPTED).scalar() is True
    finally:
        db.dispose()
    # the server's certificate names localhost too
    by_name = Database.open(settings.db_url.replace("@127.0.0.1:", "@localhost:"))
    try:
        with by_name.read() as session:
            assert session.execute(_ENCRYPTED).scalar() is True
    finally:
        by_name.dispose()
    done = _console(tmp_path, "--config", str(tmp_path / "console.toml"), "init-db")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("init-db: schema up to date")


def test_a_wrong_ca_and_an_unencrypted_url_are_one_clear_line(
    pg_tls: TlsServer, tmp_path: Path
) -> None:
    url = pg_tls.cluster.url()
    wrong = _config(tmp_path, url, pg_tls.other_ca_file)
    cases = {  # the command line -> what its one line must say
        ("--config", str(wrong), "init-db"): "certificate is not trusted",
        ("init-db", "--db", f"{url}?sslmode=verify-full&sslrootcert={pg_tls.other_ca_file}"):
            "certificate verify failed",
        ("init-db", "--db", f"{url}?sslmode=verify-full&sslrootcert={tmp_path / 'none.pem'}"):
            "certificate is not trusted",
        ("init-db", "--db", f"{url}?sslmode=disable"): "encrypted (TLS) connections only",
    }  # fmt: skip
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(cases, pool.map(lambda a: _console(tmp_path, *a), cases), strict=True))
    for args, says in cases.items():
        done = results[args]
        err = done.stderr.strip()
        assert done.returncode == 2, (args, err)
        assert len(err.splitlines()) == 1 and "Traceback" not in err, (args, err)
        assert err.startswith("init-db: cannot use the database") and says in err, (args, err)


def test_tls_refusals_are_classified(pg_tls: TlsServer, pg_cluster: Cluster | None) -> None:
    url = pg_tls.cluster.url()
    expected = {
        f"{url}?sslmode=verify-full&sslrootcert={pg_tls.other_ca_file}": "db_certificate",
        f"{url}?sslmode=disable": "db_needs_tls",
    }
    if pg_cluster is not None:  # a server without TLS, the settings asking for it
        plain = f"{pg_cluster.url()}?sslmode=verify-full&sslrootcert={pg_tls.ca_file}"
        expected[plain] = "db_no_tls"
    for attempt, code in expected.items():
        db = Database.open(attempt)
        try:
            with db.read() as session:
                session.execute(text("SELECT 1"))
        except Exception as exc:
            refused = classify(exc)
            assert refused is not None and refused.code == code, (attempt, exc)
        else:
            pytest.fail(f"{attempt} connected")
        finally:
            db.dispose()
