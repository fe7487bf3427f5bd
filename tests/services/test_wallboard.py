"""The wallboard's read over the real services (SQLite and PostgreSQL): the seats' recorded
states counted (offline apart, logged out left out), the open alarms per level, no incident and
no link alarm, the hot spots a scan stored and the one taken up; a 110 lead sees no hot spots,
an agent nothing. And the call figures: a snapshot of the seat's counts, today's share."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.domain.agent_state import AgentState, NotReadyReason
from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import load_calendar
from console.domain.call_stats import CallStats
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.exchange_alarms import ExchangeAlarms
from console.services.hotspots import HotspotService
from console.services.incident_reads import IncidentReads
from console.services.order_writer import OrderWriter
from console.services.seat import SeatStateService
from console.services.wallboard import WallboardService, call_figures
from console.store.engine import Database
from tests.hotspot_data import background, china, order_rows, plant
from tests.principals import at_seat, lead

END = china(2026, 11, 20, 16)
LEAD = lead("赵班长", "A-09", Platform.HOTLINE)


def wall(db: Database, clock: FakeClock, by: object = LEAD) -> WallboardService:
    writer = OrderWriter(load_site_policy(db), load_calendar())
    return WallboardService(
        by=by,  # type: ignore[arg-type]
        clock=clock.now,
        seats=SeatStateService(db, clock.now, LEAD),
        alarms=AlarmService(db, clock.now, "A-09"),
        incidents=IncidentReads(db, clock.now),
        link=ExchangeAlarms(db, clock.now, "A-09"),
        hotspots=HotspotService(db, clock.now, writer),
    )


def test_the_floor_is_counted_from_what_the_services_read(db: Database) -> None:
    plant(db, background(china(2026, 11, 8), 13, [("210102", "C-QZ", "F-GF")], 3.0))
    plant(db, order_rows(END - timedelta(hours=3), "210102", "C-QZ", "F-GF", 20))
    clock = FakeClock(END + timedelta(minutes=5))
    writer = OrderWriter(load_site_policy(db), load_calendar())
    found = HotspotService(db, clock.now, writer).scan().hotspots
    assert found
    HotspotService(db, clock.now, writer).take_up(LEAD, found[0].id, "210102-GOV")
    moves = {"A-01": [AgentState.READY], "A-02": [AgentState.READY, AgentState.ON_CALL],
             "A-03": [AgentState.NOT_READY], "A-04": [AgentState.READY, AgentState.LOGGED_OUT],
             "A-05": [AgentState.READY]}  # fmt: skip
    for seat, states in moves.items():
        states_of = SeatStateService(db, clock.now, at_seat(f"坐席{seat}", seat, Platform.HOTLINE))
        for state in states:
            clock.advance(1)
            states_of.change(state, NotReadyReason.BREAK if state is AgentState.NOT_READY else None)
    clock.advance(120)
    for seat in ("A-01", "A-02", "A-03"):  # A-05's console went quiet: offline (90 s)
        SeatStateService(db, clock.now, at_seat(f"坐席{seat}", seat, Platform.HOTLINE)).heartbeat()
    floor = wall(db, clock).read()
    agents = floor.agents
    assert (agents.ready, agents.on_call, agents.not_ready, agents.offline) == (1, 1, 1, 1)
    assert set(floor.alarms) == set(AlarmLevel) and floor.link is None
    assert floor.partners_overdue == 0 and floor.drills == 0
    assert floor.incidents is not None and not any(floor.incidents.values())
    assert floor.hotspots_taken == 1 and floor.hotspots_open == len(found) - 1


def test_a_110_lead_sees_no_hot_spots_and_an_agent_nothing(db: Database) -> None:
    clock = FakeClock(END)
    police = lead("钱班长", "B-09", Platform.POLICE)
    assert wall(db, clock, police).read().hotspots_open is None
    with pytest.raises(Refused):
        wall(db, clock, at_seat("王丽", "A-01", Platform.HOTLINE)).read()


def test_the_call_figures_are_a_snapshot_of_the_seats_counts() -> None:
    stats, now = CallStats(), END
    stats.arrived("a", now - timedelta(seconds=40))
    stats.arrived("b", now - timedelta(seconds=10))
    stats.answered_at("b", now)
    figures = call_figures(stats, now)
    stats.arrived("c", now)  # later calls do not change the snapshot
    assert (figures.waiting, figures.answered, figures.in_target) == (1, 1, 1)
    assert figures.longest_wait(now) == timedelta(seconds=40)
    assert figures.service_level == 1.0
