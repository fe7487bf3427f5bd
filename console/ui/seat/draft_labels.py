"""How a draft kept on disk is told to the agent: whether anything was typed, whose call it was
(masked) and when it was last written. Used by the intake form's restore and set-aside lines."""

from __future__ import annotations

from datetime import datetime

from console.domain.intake import Draft
from console.domain.phone import mask_phone
from console.ui.seat.drafts import SavedDraft


def blank(draft: Draft) -> bool:
    """Nothing typed but the number the seat filled in."""
    return Draft(caller_phone=draft.caller_phone) == draft


def caller(saved: SavedDraft) -> str:
    """The draft's caller, masked (138****1234): the call's number, else the one typed."""
    phone = saved.call.caller if saved.call is not None else saved.draft.caller_phone
    return mask_phone(phone) if phone.strip() else "—"


def saved_time(instant: datetime | None) -> str:
    """When the draft was last written, local time: 12:03 today, 11-26 12:03 before."""
    if instant is None:
        return "—"
    local = instant.astimezone()
    return local.strftime("%H:%M" if local.date() == datetime.now().date() else "%m-%d %H:%M")
