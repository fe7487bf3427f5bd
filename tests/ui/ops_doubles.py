"""Stand-ins for :class:`~console.ui.operations.Operations` in widget tests: one answers at once
on the GUI thread, one holds every ask until the test answers it."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject

from console.ui.operations import Failure, Operations

Ask = tuple[Callable[[], Any], Callable[[Any], None] | None, Failure | None]


class HeldOperations(Operations):
    """Every write and read waits in :attr:`asks` until :meth:`answer` (oldest first)."""

    def __init__(self) -> None:
        super().__init__("held")  # its threads are never started: nothing is submitted
        self.asks: list[Ask] = []

    def write(
        self,
        owner: QObject,
        fn: Callable[[], Any],
        *,
        success: Callable[[Any], None] | None = None,
        failure: Failure | None = None,
    ) -> None:
        self.asks.append((fn, success, failure))

    def read(
        self,
        owner: QObject,
        key: Hashable,
        fn: Callable[[], Any],
        *,
        success: Callable[[Any], None],
        failure: Failure | None = None,
    ) -> None:
        self.asks.append((fn, success, failure))

    def answer(self, result: object = None, *, error: Exception | None = None) -> None:
        """Answer the oldest ask with ``result`` or ``error``, else with what its callable
        returns or raises."""
        fn, success, failure = self.asks.pop(0)
        try:
            if error is not None:
                raise error
            value = fn() if result is None else result
        except Exception as exc:
            if failure is None:
                raise
            failure(exc)
            return
        if success is not None:
            success(value)


class InlineOperations(HeldOperations):
    """Answers every ask at once; with :attr:`error` set, every ask fails with it instead."""

    def __init__(self) -> None:
        super().__init__()
        self.error: Exception | None = None

    def write(
        self,
        owner: QObject,
        fn: Callable[[], Any],
        *,
        success: Callable[[Any], None] | None = None,
        failure: Failure | None = None,
    ) -> None:
        super().write(owner, fn, success=success, failure=failure)
        self._now()

    def read(
        self,
        owner: QObject,
        key: Hashable,
        fn: Callable[[], Any],
        *,
        success: Callable[[Any], None],
        failure: Failure | None = None,
    ) -> None:
        super().read(owner, key, fn, success=success, failure=failure)
        self._now()

    def _now(self) -> None:
        self.answer(error=self.error)
