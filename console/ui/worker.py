"""LEGACY (issue 10): the untyped ``run(fn, on_done)`` shape, where ``on_done`` gets the result or
the exception as one value. Only console/ui/seat/order_actions.py and order_detail.py still take
it (:meth:`console.ui.operations.Operations.run` is the one implementation); new code uses
:class:`console.ui.operations.Operations` ``write``/``read``. Delete this module with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Done = Callable[[Any], None]
"""Called on the GUI thread with the callable's result or the exception it raised."""

Run = Callable[[Callable[[], Any], Done], None]
"""The legacy shape widgets take: ``run(fn, on_done)`` (``Operations.run`` is one)."""
