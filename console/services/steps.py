"""The order detail's steps, carried out: which use case each action's route calls, with what key.

The UI hands a :class:`Step` (what the agent asked for, on the order as the agent saw it) to
:meth:`StepService.perform`; the action's declared ``route`` (``console.domain.actions``) picks
the use case. A new action on the plain route needs nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.actions import ACTIONS, Route
from console.domain.orders import Action, FirstContactMode, ThreeWayOutcome
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.orders import OrderService


@dataclass(frozen=True, slots=True)
class Step:
    """What the agent asked for: the action and what it needs."""

    number: str
    version: int  # how many timeline lines the order had when shown
    action: Action
    note: str
    detail: str = ""
    mode: FirstContactMode | None = None


@dataclass(frozen=True, slots=True)
class Held:
    """A step the seat held in its outage journal (the database away): written when it is back,
    or set aside if the order changed meanwhile (``console.services.journal``)."""

    label: str  # 暂存-0004


class StepService:
    """Carries out the steps of the principal signed in at one seat (call it off the UI
    thread): each is refused unless the role matrix allows the principal the step's action at
    the principal's own platform."""

    def __init__(self, orders: OrderService, by: Seated) -> None:
        self._orders, self._by = orders, by

    def perform(self, step: Step) -> object:
        """Carry ``step`` out; refusals raise (``console.domain.refusals.Refused``)."""
        orders, by = self._orders, self._by
        by.require(step.action)
        # The request key of a transfer or escalation: the order as the agent saw it, so a
        # double-click (same timeline length) is carried out once.
        key = f"{by.seat}:{step.number}:{step.version}:{step.action.value}"
        route = ACTIONS[step.action].route
        if route is Route.TRANSFER:
            consent = step.detail == "consent"
            return orders.transfers.transfer(step.number, by, step.note or "互派", key, consent)
        if route is Route.ESCALATE:
            return orders.linkage.escalate(
                step.number, by, kind=step.detail, report=step.note, key=key, seen=step.version
            )
        if route is Route.THREE_WAY:
            if step.detail not in set(ThreeWayOutcome):
                raise Refused("bad_outcome", f"no three-way outcome {step.detail!r}")
            return orders.linkage.settle_three_way(
                step.number,
                ThreeWayOutcome(step.detail),
                by,
                step.note,
                step.mode,
                seen=step.version,
            )
        return orders.act(
            step.number, step.action, by, step.note, step.mode, step.detail, seen=step.version
        )
