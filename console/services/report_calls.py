"""Every offered call recorded for the reports (``call_record``, migration 0017).

:class:`CallRecorder` follows the switch's events for one line (subscribed by the composition
controller passes it each event): it notes in memory when each call was answered — quick, on
the thread that delivers the events — and when the call ends returns the one write for a worker
to run (the console's write queue), so recording never blocks a call. Several consoles on one line each
see the call: the row is keyed by (call, seat) and written once (``ON CONFLICT DO NOTHING``),
and the roll-up counts it only when its row was written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from console.store import report_rollup
from console.store.engine import Database
from console.telephony.port import CallEvent

log = logging.getLogger(__name__)

_INSERT = text(
    "INSERT INTO call_record (call_id, platform, seat, arrived_at, answered_at, ended_at, "
    "abandoned, handling_s) VALUES (:call_id, :platform, :seat, :arrived, :answered, :ended, "
    ":abandoned, :handling) ON CONFLICT (call_id, seat) DO NOTHING"
)


@dataclass(frozen=True, slots=True)
class CallRecord:
    call_id: str
    platform: str
    seat: str  # the seat it rang at or was answered by; "" if it never left the queue
    arrived: datetime
    answered: datetime | None
    ended: datetime
    abandoned: bool  # the caller hung up before anyone answered

    @property
    def handling_s(self) -> float | None:
        if self.answered is None:
            return None
        return max(0.0, (self.ended - self.answered).total_seconds())


def record_call(db: Database, call: CallRecord) -> bool:
    """Write ``call`` and count it in the roll-up, once; False if it was written already."""
    with db.write(notify=False) as session:

        def at(value: datetime | None) -> object:
            return None if value is None else report_rollup.instant(session, value)

        result = session.execute(
            _INSERT,
            {
                "call_id": call.call_id, "platform": call.platform, "seat": call.seat,
                "arrived": at(call.arrived), "answered": at(call.answered),
                "ended": at(call.ended), "abandoned": call.abandoned, "handling": call.handling_s,
            },
        )  # fmt: skip
        if not result.rowcount:  # type: ignore[attr-defined]
            return False
        report_rollup.record_call(
            session, call.platform, call.arrived, call.answered, call.ended, call.abandoned
        )
        return True


class CallRecorder:
    def __init__(self, db: Database, line: str) -> None:
        self._db, self._line = db, line
        self._answered: dict[str, tuple[datetime, str]] = {}  # call id → (answered, seat)

    def on_event(self, event: CallEvent) -> Callable[[], bool] | None:
        """A switch event, noted in memory; at a call's end, the write that records it (run it
        on a worker: it touches the database)."""
        call = event.call
        if call.line.value != self._line:
            return None
        if event.kind == "answered" and call.call_id not in self._answered:
            self._answered[call.call_id] = (event.at, call.seat or "")
        elif event.kind == "ended":
            answered = self._answered.pop(call.call_id, None)
            record = CallRecord(
                call.call_id, self._line,
                answered[1] if answered else (call.seat or ""), call.arrived_at,
                answered[0] if answered else None, event.at, answered is None,
            )  # fmt: skip
            return lambda: record_call(self._db, record)
        return None
