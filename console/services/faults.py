"""Database faults for the UI: the refusal that says an exception (mapping in ``console.store.faults``).

The UI may not import the store or SQLAlchemy; it asks here whether an operation's exception
is a database fault, and says the declared sentence instead of the driver's text.
"""

from __future__ import annotations

from console.domain.refusals import Refused
from console.store.faults import classify


def explain(error: BaseException) -> Refused | None:
    """The refusal for ``error`` (itself when it is one), or None when it is no database fault."""
    return classify(error)
