"""Record the wrap-up code (话后小结) of a call that ended without a saved order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from console.domain.agent_state import Seat
from console.domain.dispositions import UNCHOSEN, Disposition
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.store.dispositions import add_disposition
from console.store.engine import Database


class DispositionService:
    """The wrap-up codes of the principal signed in at one seat (``by``: refused, ``not_allowed``,
    unless its roles take calls); ``catalogue`` is the site's (the seat may record only those,
    and :data:`~console.domain.dispositions.UNCHOSEN`)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        by: Seated,
        catalogue: Sequence[Disposition],
    ) -> None:
        self._db = db
        self._clock = clock
        self._by = by
        self._seat = Seat(by.seat, by.actor.name)
        self._platform = by.platform
        self.catalogue = tuple(catalogue)

    def record(self, call_id: str, code: str) -> str:
        """Record ``code`` for the call; returns the code. A code not in the catalogue is
        refused (``unknown_disposition``)."""
        self._by.require(Capability.TAKE_CALLS)
        if code != UNCHOSEN.code and all(d.code != code for d in self.catalogue):
            raise Refused("unknown_disposition", f"unknown wrap-up code {code!r}", code=code)
        with self._db.write(notify=False) as session:  # no queue shows it
            add_disposition(
                session, call_id=call_id, seat=self._seat.seat, agent=self._seat.agent,
                platform=self._platform.value, code=code, at=self._clock(),
            )  # fmt: skip
        return code
