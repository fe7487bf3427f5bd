"""What a refused step means, in the agent's language.

The domain refuses with a code and parameters (``TransitionError.code``/``params``, listed in
``order_rules.REFUSALS``); this turns them into a sentence. Anything else (a stale order, an
unknown department, a conflict) is said with its own message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.orders import TransitionError
from console.store.orders import StaleOrder
from console.ui.names import status_names


def refusal_text(error: BaseException) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Refusals", text)

    if isinstance(error, StaleOrder):
        return tr("Another seat changed this order since it was shown; it has been reloaded.")
    if not isinstance(error, TransitionError) or not error.code:
        return str(error)
    p = error.params
    texts = {
        "created_once": tr("An order is created only once."),
        "closed": tr("The order is closed."),
        "wrong_status": tr("Not possible while the order is “{status}”."),
        "wrong_platform": tr("Only a {platform} seat may do this."),
        "not_at_origin": tr("The order came from {platform}: send it back (退回) instead."),
        "needs_note": tr("Write the note first: this step needs it."),
        "needs_detail": tr("Say what the step refers to (department, outcome…)."),
        "dispatch_12345_only": tr(
            "Only 12345 dispatches to departments; 110 transfers non-police matters to 12345."
        ),
        "escalate_needs_department": tr(
            "Only a department's report escalates to 110: dispatch the order first."
        ),
        "bad_outcome": tr("Choose the three-way call's outcome."),
        "no_consent": tr("The caller's consent to the transfer is not recorded (与诉求方协商后)."),
        "needs_mode": tr("Say whether it is provisional acceptance or guidance."),
        "guidance_closed": tr("Guidance given: the order closes, it is not handled further."),
        "provisional_not_done": tr(
            "A provisionally accepted order is handled and fed back before it is completed."
        ),
    }
    text = texts.get(error.code, error.why)
    status = status_names().get(error.status, error.status.value)
    return text.format(status=status, platform=p.get("platform", ""))
