"""What a seat reads of the exchange with the peer platform's system: on an order, its messages
the peer has not yet acknowledged and the last step it refused; for the status bar, the link.

Read as the principal signed in (``SEE_ORDERS``: the floor of the seat's platform and its shift
lead; an auditor or administrator is refused, ``not_allowed``, before anything is read). A site
that runs both platforms on one database has no exchange: no outbox rows, no peer row; every read
then says so (:data:`NO_ORDER_LINK`, :attr:`LinkState.NONE`) and the UI shows nothing of it.
No Qt here.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from console.domain.orders import Platform
from console.domain.refusals import REFUSALS, Refused
from console.domain.roles import Capability, Seated
from console.store import exchange as box
from console.store.engine import Database
from console.store.exchange_tables import PeerRow

log = logging.getLogger(__name__)

PEER_REFUSED = "the other platform refused the step"


class LinkState(enum.StrEnum):
    NONE = "none"  # no exchange at this site (one shared database): nothing to show
    UNKNOWN = "unknown"  # messages were queued, but no sender has reported on the link yet
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True, slots=True)
class OrderLinkView:
    """An order's messages to the peer: the oldest not yet acknowledged (``unacked_since``,
    ``unacked_age`` as of the read; ``unacked`` how many) and the last step the peer refused
    (``refusal``, said with ``refusal_text``; ``refused_at``)."""

    unacked_since: datetime | None
    unacked_age: timedelta | None
    unacked: int
    refusal: Refused | None
    refused_at: datetime | None

    @property
    def shows(self) -> bool:
        """Whether there is anything to show on the order."""
        return self.unacked > 0 or self.refusal is not None

    def age(self, now: datetime) -> timedelta | None:
        """How long the oldest unacknowledged message has waited at ``now``."""
        return None if self.unacked_since is None else max(now - self.unacked_since, timedelta())


NO_ORDER_LINK = OrderLinkView(None, None, 0, None, None)


@dataclass(frozen=True, slots=True)
class LinkView:
    """The link to the peer platform's system as this platform last found it: its state
    ``since`` when, the backlog (``queued``, the ``oldest`` and its age as of the read), the
    final refusals, the last acknowledgement and the last error the sender met."""

    peer: str  # the peer system's id ("" when no sender named it yet)
    peer_platform: Platform
    state: LinkState
    since: datetime | None
    queued: int
    oldest: datetime | None
    oldest_age: timedelta | None
    refused: int
    last_acked_at: datetime | None
    last_error: str = ""

    @property
    def shows(self) -> bool:
        return self.state is not LinkState.NONE


def peer_refusal(code: str, params: Mapping[str, str]) -> Refused:
    """The refusal the peer answered, as this console says it (an undeclared code — a newer
    peer's — is said as such, with the code)."""
    if code not in REFUSALS:
        log.warning("the peer refused with an undeclared code %r", code)
        return Refused("exchange_peer_rule", PEER_REFUSED, code=code)
    return Refused(code, PEER_REFUSED, **{k: str(v) for k, v in params.items() if k != "why"})


def _aware(at: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive (they are stored UTC)."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


class ExchangeReads:
    """``peer``: the peer system's id when the site names it; else the link's row is the one
    the sender wrote (a platform has one peer)."""

    def __init__(
        self, db: Database, clock: Callable[[], datetime], peer: str | None = None
    ) -> None:
        self._db, self._clock, self._peer = db, clock, peer

    def order_link(self, number: str, by: Seated) -> OrderLinkView:
        by.require(Capability.SEE_ORDERS)
        with self._db.read() as session:
            link = box.order_link(session, number)
        if not link.unacked and link.refusal_code is None:
            return NO_ORDER_LINK
        since = _aware(link.unacked_since)
        refusal = None
        if link.refusal_code is not None:
            refusal = peer_refusal(link.refusal_code, link.refusal_params)
        return OrderLinkView(
            unacked_since=since,
            unacked_age=None if since is None else max(self._clock() - since, timedelta()),
            unacked=link.unacked,
            refusal=refusal,
            refused_at=_aware(link.refused_at),
        )

    def link(self, by: Seated) -> LinkView:
        by.require(Capability.SEE_ORDERS)
        peer_platform = Platform.POLICE if by.platform is Platform.HOTLINE else Platform.HOTLINE
        with self._db.read() as session:
            backlog = box.backlog(session)
            if self._peer is not None:
                row = box.peer_state(session, self._peer)
            else:
                row = session.exec(
                    select(PeerRow).order_by(col(PeerRow.checked_at).desc()).limit(1)
                ).first()
        oldest = _aware(backlog.oldest)
        acked = _aware(backlog.last_acked_at)
        if row is None:
            state = LinkState.UNKNOWN if backlog.queued or backlog.refused or acked else None
            return LinkView(
                self._peer or "", peer_platform, state or LinkState.NONE, None,
                backlog.queued, oldest, self._age(oldest), backlog.refused, acked,
            )  # fmt: skip
        state = LinkState.UP if row.state == box.UP else LinkState.DOWN
        row_acked = _aware(row.last_acked_at)
        if acked is None or (row_acked is not None and row_acked > acked):
            acked = row_acked
        return LinkView(
            row.peer, peer_platform, state, _aware(row.since), backlog.queued, oldest,
            self._age(oldest), backlog.refused, acked, row.last_error,
        )  # fmt: skip

    def _age(self, at: datetime | None) -> timedelta | None:
        return None if at is None else max(self._clock() - at, timedelta())
