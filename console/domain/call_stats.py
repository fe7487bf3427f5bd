"""Queue figures the call bar always shows: calls waiting, the longest wait, and the share of
calls answered within 15 s (接通率 within 15 seconds, the national hotline service standard
GB/T 33358). Pure bookkeeping over arrival, answer and abandon instants."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

ANSWER_TARGET = timedelta(seconds=15)


@dataclass
class CallStats:
    target: timedelta = ANSWER_TARGET
    _waiting: dict[str, datetime] = field(default_factory=dict)
    answered: int = 0
    answered_in_target: int = 0
    abandoned: int = 0

    def arrived(self, call_id: str, at: datetime) -> None:
        self._waiting.setdefault(call_id, at)

    def answered_at(self, call_id: str, at: datetime) -> None:
        arrived = self._waiting.pop(call_id, None)
        if arrived is None:
            return
        self.answered += 1
        if at - arrived <= self.target:
            self.answered_in_target += 1

    def gone(self, call_id: str) -> None:
        """The caller hung up (or the call went elsewhere) while still waiting."""
        if self._waiting.pop(call_id, None) is not None:
            self.abandoned += 1

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def longest_wait(self, now: datetime) -> timedelta:
        if not self._waiting:
            return timedelta()
        return max(timedelta(), now - min(self._waiting.values()))

    @property
    def service_level(self) -> float | None:
        """Share of offered calls (answered + abandoned) answered within the target; None
        before the first call."""
        offered = self.answered + self.abandoned
        return self.answered_in_target / offered if offered else None
