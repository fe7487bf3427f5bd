"""Create and upgrade the schema with the Alembic migrations shipped in ``db/``."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from console.paths import bundle_path


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; refuse a schema newer than this console knows."""
    current = current_revision(engine)
    if current is not None and not _known(current):
        raise SchemaTooNew(
            f"the database schema ({current}) is newer than this console ({head_revision()}): "
            "install the newer console on this workstation"
        )
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
