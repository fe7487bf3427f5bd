"""Every offered call is recorded once, and the report's call figures equal a direct count over
the recorded calls (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from console.services.report_calls import CallRecorder
from console.services.report_views import Period
from console.services.reports import ReportService
from console.store.engine import Database
from console.store.report_tables import CallRecordRow
from console.telephony.port import Call, CallEvent, CallState, Line

T0 = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)  # 10:00 in China


def calls(recorder: CallRecorder) -> list[object]:
    """Four calls: answered in 5 s and in 40 s, abandoned, and one of the other line."""
    jobs = []
    plan = [("c1", 5, 200), ("c2", 40, 60), ("c3", None, 30)]
    for call_id, answer_s, talk_s in plan:
        call = Call(call_id, "13812345678", Line.HOTLINE, T0, seat="A-01")
        events = []
        if answer_s is not None:
            answered = T0 + timedelta(seconds=answer_s)
            events.append(CallEvent(call, "answered", answered))
            end = answered + timedelta(seconds=talk_s)
        else:
            end = T0 + timedelta(seconds=talk_s)
        ended = Call(call_id, "13812345678", Line.HOTLINE, T0, CallState.ENDED, seat="A-01")
        events.append(CallEvent(ended, "ended", end))
        jobs += [job for e in events if (job := recorder.on_event(e)) is not None]
    other = Call("p1", "13812345678", Line.POLICE, T0, CallState.ENDED, seat="J-07")
    assert recorder.on_event(CallEvent(other, "ended", T0)) is None
    return jobs


def test_calls_are_recorded_once_and_counted(db: Database) -> None:
    jobs = calls(CallRecorder(db, "12345"))
    assert [job() for job in jobs] == [True, True, True]  # type: ignore[operator]
    again = calls(CallRecorder(db, "12345"))  # a second console on the line saw them too
    assert [job() for job in again] == [False, False, False]  # type: ignore[operator]
    with db.read() as s:
        rows = list(s.execute(select(CallRecordRow)).scalars())
    assert len(rows) == 3
    r = ReportService(db, lambda: T0).report(Period.day(date(2026, 11, 3)))
    answered = [x for x in rows if x.answered_at is not None]
    assert r.calls.offered == len(rows)
    assert r.calls.answered == len(answered) == 2
    assert r.calls.abandoned == sum(1 for x in rows if x.abandoned) == 1
    assert r.calls.answered_in_target == 1
    assert r.calls.service_level == 1 / 3
    assert r.calls.average_handling_s == sum(x.handling_s or 0 for x in rows) / 2 == 130
    assert (
        ReportService(db, lambda: T0).report(Period.day(date(2026, 11, 3)), "110").calls.offered
        == 0
    )
