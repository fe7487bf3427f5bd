"""The adapter factory: the site config names the switch; each adapter passes the contract."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.config import Settings
from console.telephony import Line, SimulatedSwitch
from console.telephony.adapters import ADAPTERS, PEER_SEAT, SwitchSite, build_telephony

KNOWN = "13800138000"


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


def test_every_adapter_has_its_contract_test() -> None:
    """A new adapter is one module, its entry in ADAPTERS and tests/telephony/test_<name>.py."""
    for name in ADAPTERS:
        tests = Path(__file__).with_name(f"test_{name}.py")
        assert tests.is_file(), f"adapter {name!r} has no {tests.name}"
        assert "(TelephonyContract[" in tests.read_text(encoding="utf-8"), tests.name


def test_the_config_chooses_the_simulated_switch(loop: asyncio.AbstractEventLoop) -> None:
    settings = Settings(
        db_url="sqlite://", telephony_adapter="simulated", sim_calls_per_min=0, sim_colleagues=0
    )
    asked: list[bool] = []

    def known() -> list[str]:
        asked.append(True)
        return [KNOWN]

    switch = build_telephony(SwitchSite(settings, loop, {Line.HOTLINE}, known))
    # Asked at each repeat call, not when built: the console reads them after its first data.
    assert isinstance(switch, SimulatedSwitch) and asked == []
    # The 110 line has no console seat in this process: a simulated agent takes its calls.
    assert switch.place_call(Line.POLICE).seat == PEER_SEAT
    switch.register_seat("A-01", Line.HOTLINE, False)
    callers = {switch.place_call(Line.HOTLINE).caller for _ in range(40)}
    assert KNOWN in callers and len(callers) > 1  # 60 % repeat callers, the rest fresh
    assert asked
    loop.run_until_complete(switch.stop())


def test_two_console_lines_get_no_simulated_agent(loop: asyncio.AbstractEventLoop) -> None:
    settings = Settings(db_url="sqlite://", sim_calls_per_min=0, sim_colleagues=0)
    switch = build_telephony(SwitchSite(settings, loop, set(Line), list))
    assert isinstance(switch, SimulatedSwitch)
    assert switch.place_call(Line.POLICE).seat is None  # queued for the 110 console seat
    assert switch.place_call(Line.HOTLINE).seat is None


def test_the_floor_has_colleagues_on_the_console_lines_only(
    loop: asyncio.AbstractEventLoop,
) -> None:
    settings = Settings(db_url="sqlite://", sim_calls_per_min=0, sim_colleagues=3)
    switch = build_telephony(SwitchSite(settings, loop, {Line.HOTLINE}, list))
    assert isinstance(switch, SimulatedSwitch)
    assert sorted(switch.colleagues.names) == ["SIM-12345-01", "SIM-12345-02", "SIM-12345-03"]
    assert switch.place_call(Line.HOTLINE).seat == "SIM-12345-01"  # a colleague takes it
    assert switch.place_call(Line.POLICE).seat == PEER_SEAT
    loop.run_until_complete(switch.stop())


def test_repeat_calls_before_the_callers_are_read_come_from_fresh_numbers(
    loop: asyncio.AbstractEventLoop,
) -> None:
    settings = Settings(db_url="sqlite://", sim_calls_per_min=0, sim_colleagues=0)
    known: list[str] = []  # the console's list, filled once its read comes back
    switch = build_telephony(SwitchSite(settings, loop, {Line.HOTLINE}, lambda: known))
    switch.register_seat("A-01", Line.HOTLINE, False)
    before = {switch.place_call(Line.HOTLINE).caller for _ in range(20)}
    assert KNOWN not in before and len(before) == 20
    known.append(KNOWN)
    after = {switch.place_call(Line.HOTLINE).caller for _ in range(40)}
    assert KNOWN in after
    loop.run_until_complete(switch.stop())
