"""What every sub-command shares: a problem is one line on stderr and exit code 2, never a
traceback; dates are checked; a database fault is said with the URL's password hidden."""

from __future__ import annotations

import sys
from datetime import date

EXIT_REFUSED = 2
FIRST_DAY = date(1900, 1, 1)  # dates a command takes: converting China days to UTC instants
LAST_DAY = date(9998, 12, 31)  # and adding a day must stay inside Python's years 1-9999


class CommandFailed(Exception):
    """A sub-command cannot go on: the message (one line) says why and what to do."""


def day(text: str, option: str) -> date:
    """A ``YYYY-MM-DD`` option value from :data:`FIRST_DAY` to :data:`LAST_DAY`."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise CommandFailed(f"{option} must be a date YYYY-MM-DD, got {text!r}") from None
    if not FIRST_DAY <= value <= LAST_DAY:
        raise CommandFailed(f"{option} must be from {FIRST_DAY} to {LAST_DAY}, got {value}")
    return value


def say_failure(command: str, error: BaseException, url: str) -> int | None:
    """Print ``error`` as one line and return the exit code, or None when it is not one this
    knows (a bug: let it reach the traceback, which is what bugs are for)."""
    from console.settings import safe_url
    from console.store.faults import classify

    if isinstance(error, CommandFailed):
        line = str(error)
    else:
        refused = classify(error)
        if refused is None:
            return None
        why = " ".join(refused.why.split())
        is_fault = refused.code.startswith("db_")
        line = f"cannot use the database {safe_url(url)}: {why}" if is_fault else why
    print(f"{command}: {line}", file=sys.stderr, flush=True)
    return EXIT_REFUSED
