"""Where the database lives: ``--db URL`` > ``CONSOLE_DB`` > a file in the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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
