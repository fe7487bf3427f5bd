"""The demo run's plan (how many orders over which days, in which blocks), the rows' column
order, the caller pool's numbers and the fast timestamp text the generator writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

ORDER_COLUMNS = (
    "id", "number", "origin", "owner", "caller_phone", "caller_name", "kind", "field",
    "district", "address", "description", "priority", "social_stability", "consent", "status",
    "first_contact_mode", "sign_for_due", "feedback_due", "completion_due", "created_at",
    "updated_at", "version", "seat", "department", "escalated_from",
)  # fmt: skip
EVENT_COLUMNS = (
    "order_id", "at", "actor", "seat", "platform", "action", "from_status", "to_status", "note",
    "detail",
)  # fmt: skip

_MOBILE_PREFIXES = [
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "198", "199",
]  # fmt: skip
FREQUENT_CALLERS = 500


@dataclass(frozen=True)
class Plan:
    """The whole run: how many orders, over which days, and the id/sequence starting points."""

    seed: int
    orders: int
    until: date  # China date after the last generated day
    days: int
    first_id: int
    caller_pool: int
    # Numbers already handed out per (platform, yyyymmdd): a second run continues after them.
    used_sequences: dict[tuple[str, str], int] = field(default_factory=dict)

    def per_day(self) -> list[int]:
        base, extra = divmod(self.orders, self.days)
        return [base + (1 if i < extra else 0) for i in range(self.days)]

    def blocks(self, target: int = 40_000) -> list[Block]:
        counts = self.per_day()
        blocks: list[Block] = []
        start_day = self.until - timedelta(days=self.days)
        first = self.first_id
        day0 = 0
        while day0 < self.days:
            day1, size = day0, 0
            while day1 < self.days and (size < target or day1 == day0):
                size += counts[day1]
                day1 += 1
            blocks.append(
                Block(len(blocks), start_day + timedelta(days=day0), counts[day0:day1], first)
            )
            first += size
            day0 = day1
        return blocks


@dataclass(frozen=True)
class Block:
    index: int
    first_day: date
    counts: list[int]  # orders per day
    first_id: int


@dataclass
class BlockRows:
    orders: list[tuple[object, ...]]
    events: list[tuple[object, ...]]
    sequences: dict[tuple[str, str], int]  # (platform, yyyymmdd) -> last sequence used


def phone_for(index: int, seed: int) -> str:
    """The caller pool's ``index``-th number: a stable, random-looking mainland mobile."""
    mixed = (index * 2_654_435_761 + seed * 40_503 + 12_345) % 100_000_000
    return f"{_MOBILE_PREFIXES[index % len(_MOBILE_PREFIXES)]}{mixed:08d}"


_TIMES_OF_DAY: list[str] = []  # "HH:MM:SS.000000" for every second of a day, made once


class Clock:
    """Fast UTC text for epoch seconds, in the format SQLAlchemy stores for SQLite."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        if not _TIMES_OF_DAY:
            _TIMES_OF_DAY.extend(
                f"{h:02d}:{m:02d}:{s:02d}.000000"
                for h in range(24)
                for m in range(60)
                for s in range(60)
            )
        self._times = _TIMES_OF_DAY

    def text(self, epoch: int) -> str:
        day, sec = divmod(epoch, 86_400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%d ")
            self._days[day] = prefix
        return prefix + self._times[sec]
