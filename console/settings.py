"""Where the database lives: ``--db URL`` > ``CONSOLE_DB`` > a file in the user data dir; and how
its URL is shown (never with a password)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "linkage-console"
APP_AUTHOR = "linkage"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_url() -> str:
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the database: its owner's only
    return f"sqlite:///{folder / 'console.sqlite3'}"


def resolve_db_url(cli_value: str | None) -> str:
    if cli_value:
        return cli_value
    env = os.environ.get("CONSOLE_DB", "").strip()
    return env or default_db_url()


def database_label(url: str) -> str:
    """What the agent sees of the database: the SQLite file name or the server host; never a
    password, never a full path (paths can name a person's home folder)."""
    from sqlalchemy.exc import ArgumentError  # here: the start screen paints before SQLAlchemy

    from console.store.pg_conninfo import parse_url

    try:
        parsed = parse_url(safe_url(url))  # the host of the safe form: a raw "@" cannot leak
    except (ArgumentError, ValueError):
        return "?"
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        return database.replace("\\", "/").rsplit("/", 1)[-1] or ":memory:"
    hosts = parsed.query.get("host")  # a primary and a standby: h1:5432,h2:5433
    if hosts and not isinstance(hosts, str):
        return ",".join(hosts)
    host = parsed.host or "localhost"
    return f"{host}:{parsed.port}" if parsed.port else host


# A query parameter that carries a secret (psycopg takes ?password=…, also sslpassword).
_SECRET_PARAMETER = re.compile(r"(?i)([?&;][^=&?;]*(?:pass|pwd|secret|token)[^=&;]*=)[^&;]*")


def safe_url(url: str) -> str:
    """The database URL as people may see it (config check, start-up errors, logs, tooltips):
    every password replaced by ``***``.

    Works on the text, not on a parse, so an invalid URL is masked too: the user information
    runs to the *last* ``@`` (a password may hold ``/``, ``?``, ``:`` or a raw ``@``), and
    query parameters such as ``?password=…`` are masked. SQLite URLs have no user information
    (their paths may hold ``@`` and ``:``) and keep their path."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    if not scheme.lower().startswith("sqlite"):
        at = rest.rfind("@")
        if at >= 0 and ":" in rest[:at]:
            rest = rest[:at].split(":", 1)[0] + ":***" + rest[at:]
    return scheme + sep + _SECRET_PARAMETER.sub(r"\1***", rest)


# A URL's user information with a password inside free text (an error message, a log line).
_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^:/?#@\s]+):\S*@")
# A libpq keyword string or a query: password=… (also sslpassword).
_KEYWORD_SECRET = re.compile(
    r"(?i)\b([a-z]*(?:pass|pwd|secret|token)[a-z]*\s*=\s*)('[^']*'|[^\s&;,]+)"
)


def hide_secrets(text: str) -> str:
    """Free ``text`` (an exception message, a log line) with every password it carries hidden:
    ``postgresql://app:s3cret@host`` → ``postgresql://app:***@host``, ``password=s3cret`` →
    ``password=***``. The crash dialog and the log files go through it."""
    return _KEYWORD_SECRET.sub(r"\1***", _URL_PASSWORD.sub(r"\1:***@", text))
