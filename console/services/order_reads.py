"""What a seat reads of work orders, as the principal signed in there.

The window's caller lookup, the order detail (its order and the caller's other orders) and the
linkage strip's following of a sent order read through :class:`OrderReads`, made with the seat's
:class:`~console.domain.roles.Seated`: a principal whose roles do not see orders (``SEE_ORDERS``:
an auditor, an administrator) is refused (``not_allowed``) before anything is read.
"""

from __future__ import annotations

from console.domain.roles import Capability, Seated
from console.services.orders import OrderService
from console.store.orders import OrderSummary, Stored


class OrderReads:
    def __init__(self, orders: OrderService, by: Seated) -> None:
        self._orders, self._by = orders, by

    def get(self, number: str) -> Stored:
        self._by.require(Capability.SEE_ORDERS)
        return self._orders.get(number)

    def caller_history(self, phone: str, limit: int = 50) -> list[OrderSummary]:
        self._by.require(Capability.SEE_ORDERS)
        return self._orders.caller_history(phone, limit)
