"""The seat's inbox (待办): what needs this seat, newest news first.

- the peer signed for, fed back on, returned or refused (returned before signing for) an order
  this seat sent over, in the last ``lookback`` (24 h by default);
- orders fed back to this platform, waiting for its 办结 (every seat of the platform sees them,
  like the 我的 queue);
- deadlines of this seat's orders (经办坐席) whose alarm was raised: 预警, 到期, 超期.

An item is *new* until the seat has seen it (:meth:`InboxService.mark_seen`, when the agent
opens its order); then it stays, quiet, until it is no longer true or too old. A new level of a
deadline, a new feedback after a return, or a new step of the peer is a new item. What was seen
is kept for the console's run only: after a restart, what still needs the seat is new again.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from console.domain.orders import Action, Platform, Status
from console.store import inbox as store
from console.store.engine import Database

LOOKBACK = timedelta(hours=24)
LIMIT = 50  # items of each part at most


class InboxKind(enum.StrEnum):
    SIGNED_FOR = "signed_for"  # 对方已签收
    FED_BACK = "fed_back"  # 对方已反馈
    RETURNED = "returned"  # 对方已退回 (after signing for)
    REFUSED = "refused"  # 对方拒收 (returned before signing for)
    AWAITING_COMPLETION = "awaiting_completion"  # 待办结
    DEADLINE = "deadline"  # 时限预警/到期/超期


_NEWS = {Action.SIGN_FOR: InboxKind.SIGNED_FOR, Action.FEED_BACK: InboxKind.FED_BACK,
         Action.RETURN: InboxKind.RETURNED}  # fmt: skip


@dataclass(frozen=True, slots=True)
class InboxItem:
    kind: InboxKind
    key: str  # what "seen" is remembered by
    number: str
    at: datetime  # when it happened (the step, the feedback, the deadline due)
    status: Status | None  # the order's status now (None: not read for this kind)
    who: str = ""  # the peer's seat and agent
    note: str = ""  # the peer's note, whole
    detail: str = ""  # a deadline's kind and level values ("feedback", "overdue")
    due: datetime | None = None  # 办结 deadline of an order awaiting completion
    seen: bool = False


@dataclass(frozen=True, slots=True)
class Inbox:
    items: list[InboxItem]  # news newest first, then 办结 soonest first, then deadlines
    awaiting_total: int  # orders awaiting 办结 in all (only LIMIT of them are items)

    @property
    def unseen(self) -> int:
        return sum(1 for item in self.items if not item.seen)


class InboxService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        seat: str,
        platform: Platform,
        lookback: timedelta = LOOKBACK,
        limit: int = LIMIT,
    ) -> None:
        self._db, self._clock = db, clock
        self._seat, self._platform = seat, platform
        self._lookback, self._limit = lookback, limit
        self._seen: set[str] = set()  # keys; only ever added to (a membership test is safe)

    def read(self) -> Inbox:
        """The inbox now, in one read session (a worker thread's job in the console)."""
        since = self._clock() - self._lookback
        with self._db.read() as session:
            news = store.peer_news(session, self._seat, self._platform, since, self._limit)
            awaiting, total = store.awaiting_completion(session, self._platform, self._limit)
            deadlines = store.near_deadlines(session, self._seat, self._limit)
        items = [
            InboxItem(
                _news_kind(n),
                f"event:{n.event_id}",
                n.number,
                n.at,
                n.status,
                who=f"{n.seat} {n.actor}",
                note=n.note,
            )
            for n in news
        ]
        items += [
            InboxItem(
                InboxKind.AWAITING_COMPLETION,
                f"complete:{a.id}:{a.version}",
                a.number,
                a.fed_back_at,
                Status.FED_BACK,
                due=a.completion_due,
            )
            for a in awaiting
        ]
        items += [
            InboxItem(
                InboxKind.DEADLINE,
                f"alarm:{d.alarm_id}",
                d.number,
                d.due_at,
                d.status,
                detail=f"{d.deadline} {d.level}",
            )
            for d in deadlines
        ]
        return Inbox([replace(i, seen=i.key in self._seen) for i in items], total)

    def mark_seen(self, keys: list[str]) -> None:
        """The agent has seen these items (opened their order): they go quiet."""
        self._seen.update(keys)


def _news_kind(row: store.NewsRow) -> InboxKind:
    if row.action is Action.RETURN and row.from_status is Status.TRANSFERRED:
        return InboxKind.REFUSED
    return _NEWS[row.action]
