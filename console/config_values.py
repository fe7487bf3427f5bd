"""What each site setting may be: one check per kind of value (see :mod:`console.config`).

A check returns the value as the console uses it, or raises :class:`Invalid` saying what is
allowed; :mod:`console.config` adds where the value came from (file and line, environment
variable or command-line option) and the dotted key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from datetime import time
from pathlib import Path


class Invalid(Exception):
    """A value is not allowed; the message says what is."""


def hhmm(text: str) -> time:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return time(int(m[1]), int(m[2]))
    raise Invalid(f'"{text}" is not a time of day: use "HH:MM" from "00:00" to "23:59"')


_URL = re.compile(r"(?P<scheme>[\w+]+)://(?P<rest>.*)", re.DOTALL)


def db_url(value: object) -> str:
    """A SQLite or PostgreSQL URL, with at most one ``@`` before the host (a raw ``@`` in a
    password would make part of it the host name, and show it in errors) and whole-number ports.

    Read without SQLAlchemy, which the console imports only after its start screen has painted
    (issue 18): a URL passing this that SQLAlchemy still cannot parse is refused when the
    database opens, as ``db_url_kind`` ("not a database URL this console can use"), one line."""
    text = value.strip() if isinstance(value, str) else ""
    m = _URL.fullmatch(text)
    if m is None or not _ports_whole(m["scheme"], m["rest"]):
        raise Invalid(
            "not a database URL (e.g. sqlite:///C:/data/console.sqlite3 or postgresql+psycopg://user@host/console)"
        )
    backend = m["scheme"].split("+", 1)[0]
    if backend not in ("sqlite", "postgresql"):
        raise Invalid(
            f"{backend} is not a database this console works with: use sqlite:///… or postgresql+psycopg://…"
        )
    if backend == "postgresql" and m["rest"].split("?")[0].count("@") > 1:
        raise Invalid('the user name or password holds a raw "@": write it as %40')
    return text


def _ports_whole(scheme: str, rest: str) -> bool:
    """Each ``host:port`` of a server URL (one, or a list: h1:5432,h2:5433) has a number or no
    port; a SQLite URL's path is not looked into."""
    if scheme.lower().startswith("sqlite"):
        return True
    hosts = rest.split("?")[0].rpartition("@")[2].split("/")[0]
    for host in hosts.split(","):
        if host.startswith("["):  # [::1]:5432
            host = host.partition("]")[2]
        port = host.partition(":")[2]
        if port and not port.isdigit():
            return False
    return True


def choice(*allowed: str) -> Callable[[object], str]:
    def check(value: object) -> str:  # 12345 without quotes is fine too
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value) in allowed:
            return str(value)
        raise Invalid("must be " + " or ".join(f'"{a}"' for a in allowed))

    return check


def seat_id(value: object) -> str:
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9-]{1,16}", value):
        return value
    raise Invalid('must be 1-16 ASCII letters, digits or "-", e.g. "A-01"')


def agent_name(value: object) -> str:
    if isinstance(value, str) and 1 <= len(value.strip()) <= 32:
        return value.strip()
    raise Invalid("must be a name of 1-32 characters")


def flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid("must be true or false (no quotes)")


def volume(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100:
        return value
    raise Invalid("must be a whole number from 0 to 100")


def seconds(low: int, high: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise Invalid(f"must be a whole number of seconds from {low} to {high}")

    return check


def whole(low: int, high: int, what: str = "") -> Callable[[object], int]:
    unit = f" of {what}" if what else ""

    def check(value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise Invalid(f"must be a whole number{unit} from {low} to {high}")

    return check


def calls_per_min(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 60:
        return float(value)
    raise Invalid("must be a number of calls per minute from 0 to 60")


def silent_hours(value: object) -> tuple[time, time] | None:
    if value is None:  # Settings(silent_hours=None); TOML has no null
        return None
    if not isinstance(value, list | tuple) or len(value) not in (0, 2):
        raise Invalid('must be a [start, end] pair of "HH:MM" times, e.g. ["22:00", "07:00"]')
    if not value:
        return None
    start, end = (v if isinstance(v, time) else hhmm(str(v)) for v in value)
    if start == end:
        raise Invalid("start equals end; leave silent_hours out to never be silent")
    return start, end


def dispositions(value: object) -> tuple[str, ...]:
    """The site's wrap-up codes, ``["code=名称", …]`` (see :mod:`console.domain.dispositions`)."""
    from console.domain.dispositions import parse_catalogue

    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise Invalid('must be a list of "code=名称" strings, e.g. ["invalid=无效来电"]')
    try:
        return tuple(d.spec for d in parse_catalogue(value))
    except ValueError as exc:
        raise Invalid(str(exc)) from None


def one_of(names: Collection[str], what: str) -> Callable[[object], str]:
    """A name from ``names``; a near miss gets "did you mean"."""

    def check(value: object) -> str:
        if isinstance(value, str) and value in names:
            return value
        shown = ", ".join(f'"{n}"' for n in sorted(names))
        close = difflib.get_close_matches(str(value), list(names), n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise Invalid(f"unknown {what}{hint}; known: {shown}")

    return check


def file_path(value: object) -> Path | None:
    """A file's path (``~`` is the user's home); None (not set) stays None."""
    if value is None or isinstance(value, Path):
        return value
    if isinstance(value, str) and value.strip() and "\x00" not in value:
        return Path(value.strip()).expanduser()
    raise Invalid('must be a file path, e.g. "C:/LinkageConsole/audit.key"')


def system_id(value: object) -> str:
    """An exchange system's id as the two platforms agreed it (its certificate's name); empty:
    the default, ``LN-`` and the platform."""
    if isinstance(value, str) and (value == "" or re.fullmatch(r"[A-Za-z0-9._-]{1,64}", value)):
        return value
    raise Invalid('must be 1-64 of A-Z a-z 0-9 . _ -, e.g. "LN-12345"')


def format_version(value: object) -> str:
    """The exchange format version the peer's system reads, ``1.<minor>``, as the two platforms
    agreed it; empty: not known."""
    if isinstance(value, str) and (value == "" or re.fullmatch(r"1\.(0|[1-9][0-9]{0,2})", value)):
        return value
    raise Invalid('must be empty (not known) or the version the peer reads, e.g. "1.2"')


def host_port(value: object) -> str:
    """Where an endpoint listens: ``host:port`` (``0.0.0.0`` for every interface)."""
    text = value.strip() if isinstance(value, str) else ""
    host, _, port = text.rpartition(":")
    if host and port.isdigit() and 0 < int(port) < 65536 and " " not in host:
        return text
    raise Invalid('must be "host:port", e.g. "0.0.0.0:8443" or "127.0.0.1:8443"')


def https_url(value: object) -> str:
    """The peer endpoint's address: ``https://host:port`` (empty: not set)."""
    text = value.strip() if isinstance(value, str) else ""
    if text == "" or re.fullmatch(r"https://[^\s/:@]+(:\d{1,5})?/?", text):
        return text
    raise Invalid('must be "https://host:port", e.g. "https://110-gw.example.gov.cn:8443"')


def optional_db_url(value: object) -> str:
    if isinstance(value, str) and value.strip() == "":
        return ""
    return db_url(value)


def service_url(value: object) -> str:
    """A partner channel's base URL: ``https://host[:port][/path]``, or plain ``http://`` to
    this machine only (a gateway adapter on 127.0.0.1/localhost); empty: not configured."""
    text = value.strip() if isinstance(value, str) else ""
    if text == "" or re.fullmatch(r"https://[^\s/:@]+(:\d{1,5})?(/\S*)?", text):
        return text
    if re.fullmatch(r"http://(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?(/\S*)?", text):
        return text
    raise Invalid(
        'must be "https://host:port/path", or "http://127.0.0.1:port/path" for an adapter on '
        'this machine, e.g. "https://sms-gw.example.gov.cn:8443/api"'
    )
