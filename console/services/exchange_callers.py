"""The callers who joined an order (并入, ``order_caller``) as they cross to the peer: read for a
message (:func:`calls_for`: a transfer carries every caller who joined before it went, a
``caller_joined`` the one who joined now) and kept on the receiving copy
(:func:`keep_calls`; a ``caller_split_off`` removes its caller), in the step's own transaction.
No Qt here.
"""

from __future__ import annotations

from sqlmodel import Session

from console.domain.exchange import JoinedCall, Kind, Message
from console.domain.order_rules import joined
from console.domain.order_types import Action, Caller, WorkOrder
from console.store import duplicates as store


def calls_for(session: Session, order: WorkOrder, action: Action) -> tuple[JoinedCall, ...]:
    """The callers ``action`` (the last step of ``order``) carries to the peer: none but for a
    transfer of an order callers joined (read only then) and a 并入."""
    if action is Action.TRANSFER and joined(order):
        return tuple(_call(c) for c in store.callers_of(session, order.number))
    if action is Action.MERGED_IN:
        detail = order.timeline[-1].detail
        return tuple(
            _call(c) for c in store.callers_of(session, order.number) if c.merged_from == detail
        )
    return ()


def keep_calls(session: Session, order_id: int, message: Message, source: str) -> None:
    """What ``message``, just applied to the copy ``order_id``, says of its callers: the callers
    it carries join the copy (one already there, by its duplicate, is kept as it is: an order
    transferred again carries them again); a ``caller_split_off`` removes its caller."""
    if message.kind is Kind.CALLER_SPLIT_OFF:
        store.remove_caller(session, message.event.detail)
        return
    if not message.callers:
        return
    here = {c.merged_from for c in store.callers(session, order_id)}
    for call in message.callers:
        if call.merged_from in here:
            continue
        joined_call = store.JoinedCaller(
            call.caller.phone, call.caller.name, call.merged_from, call.called_at,
            message.event.at,
        )  # fmt: skip
        store.add_caller(session, order_id, joined_call, f"exchange:{source}")


def _call(c: store.JoinedCaller) -> JoinedCall:
    return JoinedCall(Caller(c.phone, c.name), c.merged_from, c.called_at)
