"""Where the database lives: ``--db URL`` > ``CONSOLE_DB`` > a file in the user data dir; and how
its URL is shown (never with a password)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

APP_NAME = "linkage-console"
APP_AUTHOR = "linkage"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_url() -> str:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'console.sqlite3'}"


def resolve_db_url(cli_value: str | None) -> str:
    if cli_value:
        return cli_value
    env = os.environ.get("CONSOLE_DB", "").strip()
    return env or default_db_url()


def database_label(url: str) -> str:
    """What the agent sees of the database: the SQLite file name or the server host; never a
    password, never a full path (paths can name a person's home folder)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "?"
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        return database.replace("\\", "/").rsplit("/", 1)[-1] or ":memory:"
    host = parsed.host or "localhost"
    return f"{host}:{parsed.port}" if parsed.port else host


def safe_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (for tooltips and logs)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "?"
