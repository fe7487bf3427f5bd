"""Database faults said as refusals: the one place that knows what a driver's error means.

A PostgreSQL restart, a refused connection, a full disk, a locked or read-only SQLite file reach
the agent as a declared sentence (``console.domain.refusals``: the ``db_*`` codes) that says
what happened and what to do, never as the driver's text. :func:`classify` maps an exception
(SQLAlchemy's wrapper, or the raw ``sqlite3``/``psycopg`` error) to that refusal; the UI calls
it through ``console.services.faults``, the command line directly. The ``why`` of the refusal
(English, for the log and the command line) keeps the driver's first line — never the SQL
statement nor its parameters (engines hide those too, ``hide_parameters=True``); a TLS refusal
(an untrusted certificate, a server that wants TLS or does not offer it) leads with its sentence,
since libpq's words ("certificate verify failed", "no pg_hba.conf entry … no encryption") alone
do not say what to do.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from console.domain.refusals import REFUSALS, Refused

# PostgreSQL SQLSTATE (class or full code) -> refusal code.
_SQLSTATES = {
    "57P03": "db_restarting",  # cannot_connect_now: "the database system is starting up"
    "57P01": "db_restarting",  # admin_shutdown: "terminating connection due to administrator …"
    "57P02": "db_restarting",  # crash_shutdown
    "08": "db_unreachable",  # connection exceptions
    "53100": "db_full",  # disk_full
    "53": "db_overloaded",  # insufficient resources (out of memory, too many connections)
    "25006": "db_read_only",  # read_only_sql_transaction (a standby)
    "3D000": "db_missing",  # invalid_catalog_name: the database does not exist
    "28": "db_login",  # invalid authorization: password, role
    "40": "db_busy",  # serialization failure, deadlock: try again
    "55P03": "db_busy",  # lock_not_available
}

# TLS refusals, looked for before anything else (a server refusing an unencrypted connection
# may say so with an authorization SQLSTATE): patterns in the lower-cased driver message.
_TLS = (
    ("certificate verify failed", "db_certificate"),  # another CA, expired, not yet valid
    ("does not match host name", "db_certificate"),
    ("root certificate file", "db_certificate"),  # the CA file is missing or unreadable
    ("no pg_hba.conf entry for .*no encryption", "db_needs_tls"),
    ("server does not support ssl", "db_no_tls"),
)

# Patterns in a lower-cased driver message, in order (first match wins) -> refusal code. A
# connection that fails says why after "connection failed:", so the reasons come first.
_MESSAGES = (
    ("database system is starting up", "db_restarting"),
    ("database system is shutting down", "db_restarting"),
    ("terminating connection", "db_restarting"),
    ("server closed the connection unexpectedly", "db_restarting"),
    ("database or disk is full", "db_full"),
    ("no space left on device", "db_full"),
    ("database is locked", "db_busy"),
    ("readonly database", "db_read_only"),
    (r"read-only", "db_read_only"),
    ("file is not a database", "db_not_console"),
    ("database disk image is malformed", "db_not_console"),
    ("unable to open database file", "db_cannot_open"),
    ("password authentication failed", "db_login"),
    ('role ".*" does not exist', "db_login"),
    ('database ".*" does not exist', "db_missing"),
    ("connection refused", "db_unreachable"),
    ("could not connect", "db_unreachable"),
    ("connection failed", "db_unreachable"),
    ("timeout expired", "db_unreachable"),
    ("timed out", "db_unreachable"),
    ("failed to resolve host", "db_unreachable"),
    ("name or service not known", "db_unreachable"),
    ("connection is closed", "db_unreachable"),
    ("consuming input failed", "db_unreachable"),
    ("ssl negotiation", "db_unreachable"),
)


def classify(exc: BaseException) -> Refused | None:
    """The refusal that says ``exc`` to people, or None when ``exc`` is no database fault.

    A :class:`Refused` is returned as it is. Any other database error gets ``db_fault`` (the
    sentence says "logged; tell IT if it repeats"), never the raw text.
    """
    if isinstance(exc, Refused):
        return exc
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        return Refused("db_url_kind", f"not a database URL this console can use: {_line(exc)}")
    original: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    if not _is_database_error(exc, original):
        return None
    line = _line(original)
    tls = _by_message(line.lower(), _TLS)
    if tls is not None:  # the sentence first: the driver's words alone do not say "TLS"
        return Refused(tls, f"{REFUSALS[tls].source} ({_reason(line)})")
    code = _by_sqlstate(getattr(original, "sqlstate", None)) or _by_message(line.lower())
    if code is None and isinstance(exc, DBAPIError) and exc.connection_invalidated:
        code = "db_restarting"
    return Refused(code or "db_fault", line)


def check_sqlite_path(url: str) -> Refused | None:
    """Why a SQLite file URL cannot be a database here (a folder, a missing folder), or None.

    Said before SQLite answers "unable to open database file" for every one of them."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):  # a URI filename (?uri=true): SQLite checks it
        return None
    path = Path(database)
    if path.is_dir():
        return Refused("db_is_folder", f"{path} is a folder, not a database file", path=path.name)
    if not path.parent.is_dir():
        return Refused(
            "db_no_folder",
            f"the folder {path.parent} does not exist: create it first",
            path=path.parent.name,
        )
    return None


def _is_database_error(exc: BaseException, original: BaseException) -> bool:
    if isinstance(exc, SQLAlchemyError) or isinstance(original, sqlite3.Error):
        return True
    module = type(original).__module__ or ""
    return module.split(".")[0] in ("psycopg", "psycopg2")


def _by_sqlstate(sqlstate: object) -> str | None:
    if not isinstance(sqlstate, str) or not sqlstate:
        return None
    return _SQLSTATES.get(sqlstate) or _SQLSTATES.get(sqlstate[:2])


def _by_message(text: str, patterns: tuple[tuple[str, str], ...] = _MESSAGES) -> str | None:
    return next((code for pattern, code in patterns if re.search(pattern, text)), None)


def _reason(line: str) -> str:
    """What libpq says after "connection to server at …, port … failed:" (the URL names it)."""
    return line.rpartition(" failed: ")[2].strip() or line


def _line(exc: BaseException) -> str:
    """The driver's first line: no SQL, no parameters, no "Background on this error" link."""
    text = str(exc).strip().splitlines()
    first = text[0].strip() if text else type(exc).__name__
    return first if len(first) <= 300 else first[:297] + "..."
