"""What a refusal means, in the agent's language.

The domain and the services refuse with a code and parameters (:class:`Refused`; every code
and its sentence are declared in ``console.domain.refusals.REFUSALS``); this says the declared
sentence. Anything else is not a refusal but a fault, said as such without its internals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.orders import Status, TransitionError
from console.domain.refusals import REFUSALS, Refused
from console.ui.names import say, status_names


def refusal_text(error: BaseException) -> str:
    if not isinstance(error, Refused):
        return QCoreApplication.translate("Refusals", "Unexpected error: {error}").format(
            error=error
        )
    params: dict[str, object] = dict(error.params)
    if isinstance(error, TransitionError):
        params.setdefault("status", error.status.value)
    status = params.get("status")
    if isinstance(status, str) and status in set(Status):
        params["status"] = status_names()[Status(status)]
    return say(REFUSALS[error.code], **params)
