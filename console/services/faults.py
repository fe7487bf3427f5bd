"""Database faults for the UI: the refusal that says an exception (mapping in ``console.store.faults``).

The UI may not import the store or SQLAlchemy; it asks here whether an operation's exception
is a database fault, and says the declared sentence instead of the driver's text; and whether
it says the database is not there *now* (:func:`is_outage`: the seat's outage journal holds a
write, and shows its last copy of an order, instead of failing).
"""

from __future__ import annotations

from console.domain.refusals import Refused
from console.store.faults import classify


def explain(error: BaseException) -> Refused | None:
    """The refusal for ``error`` (itself when it is one), or None when it is no database fault."""
    return classify(error)


# Refusals that mean "the database is not there now" (not "it said no"): hold, replay later.
OUTAGE = frozenset({"db_unreachable", "db_restarting", "db_cannot_open", "db_read_only"})


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot be reached (a write should be held)."""
    said = classify(error)
    return said is not None and said.code in OUTAGE
