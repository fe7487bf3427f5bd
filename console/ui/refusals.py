"""What a refusal means, in the agent's language.

The domain and the services refuse with a code and parameters (:class:`Refused`; every code
and its sentence are declared in ``console.domain.refusals.REFUSALS``); this says the declared
sentence. A database fault (server restarting or unreachable, disk full, file locked…) is said
as its declared ``db_*`` sentence (``console.services.faults``), never as the driver's text.
Anything else is not a refusal but a fault, said as such.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.orders import Status, TransitionError
from console.domain.refusals import REFUSALS
from console.services.faults import explain
from console.ui.names import say, status_names


def refusal_text(error: BaseException) -> str:
    refused = explain(error)
    if refused is None:
        return QCoreApplication.translate("Refusals", "Unexpected error: {error}").format(
            error=error
        )
    params: dict[str, object] = dict(refused.params)
    if isinstance(refused, TransitionError):
        params.setdefault("status", refused.status.value)
    status = params.get("status")
    if isinstance(status, str) and status in set(Status):
        params["status"] = status_names()[Status(status)]
    return say(REFUSALS[refused.code], **params)
