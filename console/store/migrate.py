"""Create and upgrade the schema with the Alembic migrations shipped in ``db/``."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from console.paths import bundle_path

log = logging.getLogger(__name__)


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer console than this one."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(bundle_path("db")))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(bundle_path("db", "versions")))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found in db/versions")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


@dataclass(frozen=True)
class Upgrade:
    """What :func:`upgrade` did: from which revision to which, and the backup it made first."""

    before: str | None
    after: str | None
    backup: Path | None


def upgrade(engine: Engine, revision: str = "head") -> Upgrade:
    """Bring the schema to ``revision``; refuse a schema newer than this console knows.

    An existing SQLite file is copied (online backup API, consistent even in WAL mode) next to
    itself before any migration touches it, so a failed upgrade loses nothing.
    """
    current = current_revision(engine)
    if current is not None and not _known(current):
        raise SchemaTooNew(
            f"the database schema ({current}) is newer than this console ({head_revision()}): "
            "install the newer console on this workstation"
        )
    target = head_revision() if revision == "head" else revision
    if current == target:
        return Upgrade(current, current, None)
    backup = _backup_sqlite(engine, current) if current is not None else None
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    if backup is not None:
        log.info("database upgraded from %s to %s; backup at %s", current, target, backup)
    return Upgrade(current, target, backup)


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    source = Path(engine.url.database)
    if not source.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = source.with_name(f"{source.name}.before-{revision}-{stamp}.bak")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target
