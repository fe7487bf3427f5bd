"""Hot spots found in planted data, with their evidence; stored once per window; a hot spot
taken up becomes a verification order dispatched with a 24-hour feedback deadline and does not
fire again for its window. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.consultation import Direction, TransferItem
from console.domain.consultation_file import RuleBook
from console.domain.hotspots import Dimension, Fired, State
from console.domain.order_types import Platform, Status
from console.domain.refusals import Refused
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.hotspots import VERIFY_KIND, HotspotService
from console.services.order_writer import OrderWriter
from console.store import consultation as rules_store
from console.store import orders as repo
from console.store.engine import Database
from tests.hotspot_data import background, china, order_rows, plant
from tests.principals import at_seat, lead

LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
CELLS = [("210102", "C-QZ", "F-GF"), ("210103", "C-TS", "F-SH"), ("210104", "C-ZX", "F-GF")]
END = china(2026, 11, 20, 16)  # the window 12:00–16:00 China time


def service(db: Database, clock: FakeClock) -> HotspotService:
    writer = OrderWriter(load_site_policy(db), load_calendar())
    return HotspotService(db, clock.now, writer)


@pytest.fixture
def planted(db: Database) -> Database:
    """Twelve quiet days (Poisson 3 a window and cell), then a spike of 20 heating complaints in
    one district's last window and 4 orders at one address spelt three ways."""
    plant(db, background(china(2026, 11, 8), 13, CELLS, 3.0))
    spike = END - timedelta(hours=3)
    plant(db, order_rows(spike, "210102", "C-QZ", "F-GF", 20))
    for i, spelt in enumerate(
        ["和平区南京北街1号", "和平区 南京北街１号", "和平区南京北街1号。", "和平区南京北街1号"]
    ):
        plant(db, order_rows(spike + timedelta(minutes=i), "210103", "C-TS", "F-SH", 1, spelt))
    return db


def test_the_planted_spike_is_found_with_its_evidence(planted: Database) -> None:
    clock = FakeClock(END + timedelta(minutes=5))
    scan = service(planted, clock).scan()
    assert scan.window.end == END and scan.window.start == END - timedelta(hours=4)
    by_cell = {s.hotspot.cell: s for s in scan.hotspots}
    kind = by_cell[(Dimension.KIND, "210102", "C-QZ")].hotspot
    assert kind.count >= 20 and kind.count > kind.threshold
    assert len(kind.baseline) == 7 and all(n is not None and n < 12 for n in kind.baseline)
    assert kind.mean == pytest.approx(sum(kind.baseline) / 7)  # type: ignore[arg-type]
    assert len(kind.numbers) == kind.count
    assert (Dimension.FIELD, "210102", "F-GF") in by_cell
    address = by_cell[(Dimension.ADDRESS, "210103", "和平区南京北街1号")].hotspot
    assert address.count == 4 and len(address.numbers) == 4
    # Nothing else in the quiet cells.
    assert {c[1] for c in by_cell} == {"210102", "210103"}
    assert scan.new == {s.id for s in scan.hotspots}


def test_a_second_scan_of_the_window_adds_nothing(planted: Database) -> None:
    clock = FakeClock(END + timedelta(minutes=5))
    hotspots = service(planted, clock)
    first = hotspots.scan()
    clock.advance(3600)  # on demand, later, same window
    again = hotspots.scan()
    assert again.new == frozenset() and [s.id for s in again.hotspots] == [
        s.id for s in first.hotspots
    ]


def test_taking_up_makes_a_dispatched_verification_order_and_it_does_not_fire_again(
    planted: Database,
) -> None:
    clock = FakeClock(END + timedelta(minutes=5))
    hotspots = service(planted, clock)
    spot = next(s for s in hotspots.scan().hotspots if s.hotspot.dimension is Dimension.KIND)
    with pytest.raises(Refused) as refused:
        hotspots.take_up(AGENT, spot.id, "210100-GOV")
    assert refused.value.code == "not_allowed"
    taken = hotspots.take_up(LEAD, spot.id, "210100-GOV")
    assert taken.state is State.TAKEN_UP and taken.department == "210100-GOV"
    assert taken.taken_up_by == LEAD.login and taken.order_number
    with planted.read() as session:
        order = repo.get(session, taken.order_number).order
    assert order.kind == VERIFY_KIND and order.status is Status.DISPATCHED
    assert f"#{spot.id}" in order.description and spot.hotspot.numbers[0] in order.description
    assert order.deadlines.feedback == END + timedelta(hours=24, minutes=5)  # deadlines.toml
    with planted.read() as session:
        alarms = session.execute(
            text("SELECT count(*) FROM alarm a JOIN work_order o ON o.id = a.order_id "
                 "WHERE o.number = :n AND a.deadline = 'feedback'"), {"n": order.number}
        ).scalar_one()  # fmt: skip
    assert alarms >= 2  # warning, due, overdue are planned by the order writer
    with pytest.raises(Refused) as twice:
        hotspots.take_up(LEAD, spot.id, "210100-GOV")
    assert twice.value.code == "hotspot_taken_up" and order.number in str(twice.value.params)
    clock.advance(1800)
    rescan = hotspots.scan()
    assert spot.id not in rescan.new
    assert next(s for s in rescan.hotspots if s.id == spot.id).state is State.TAKEN_UP
    # The verification order is not counted as one more order of the cell.
    assert next(s for s in rescan.hotspots if s.id == spot.id).hotspot.count == spot.hotspot.count


def test_take_up_refusals(planted: Database) -> None:
    hotspots = service(planted, FakeClock(END + timedelta(minutes=5)))
    spot = hotspots.scan().hotspots[0]
    with pytest.raises(Refused) as unknown:
        hotspots.take_up(LEAD, 99999, "210100-GOV")
    assert unknown.value.code == "unknown_hotspot"
    with pytest.raises(Refused) as department:
        hotspots.take_up(LEAD, spot.id, "NOPE")
    assert department.value.code == "unknown_department"
    assert hotspots.hotspots(LEAD)[0].state is State.OPEN  # nothing half made
    police_lead = lead("钱班长", "J-09", Platform.POLICE)
    with pytest.raises(Refused):
        hotspots.take_up(police_lead, spot.id, "210100-GOV")


def test_a_site_without_history_gets_only_repeats(db: Database) -> None:
    plant(db, order_rows(END - timedelta(hours=1), "210102", "C-QZ", "F-GF", 30, "同一小区"))
    scan = service(db, FakeClock(END)).scan()
    assert {s.hotspot.dimension for s in scan.hotspots} == {Dimension.ADDRESS}


HEATING = "110→12345 1.3 供暖不热、停暖"
KEYWORD_CELLS = [("210104", "C-ZX", "F-GF")]
QUIET_TEXTS = ("家里暖气不热，室温只有十二度", "小区门口有人被骗了", "路灯不亮", "楼道堆放杂物")


def transfer_items(db: Database) -> None:
    items = (
        TransferItem(Direction.TO_12345, "1.3", "水电气热", "供暖不热、停暖",
                     ("暖气不热", "供暖", "停暖")),
        TransferItem(Direction.TO_110, "1.2", "违法犯罪", "诈骗、电信网络诈骗线索", ("诈骗", "被骗")),
    )  # fmt: skip
    with db.write() as session:
        rules_store.import_book(session, RuleBook(items=items), "tester", "test", END)


def test_a_spike_in_one_keyword_group_is_found_with_its_evidence(db: Database) -> None:
    """The heating words in one district's descriptions, spread over three kinds and no field
    so that no kind or field cell fires: only the keyword group does."""
    transfer_items(db)
    plant(db, background(china(2026, 11, 8), 13, KEYWORD_CELLS, 3.0, descriptions=QUIET_TEXTS))
    spike = END - timedelta(hours=2)
    for n, kind in enumerate(("C-ZX", "C-QZ", "C-TS")):
        plant(db, order_rows(spike + timedelta(minutes=n), "210104", kind, None, 4,
                             description=f"{n}号楼停暖三天了，供暖公司不接电话"))  # fmt: skip
    scan = service(db, FakeClock(END + timedelta(minutes=5))).scan()
    assert [s.hotspot.dimension for s in scan.hotspots] == [Dimension.KEYWORDS]
    h = scan.hotspots[0].hotspot
    assert (h.district, h.subject) == ("210104", HEATING)
    assert h.count >= 12 and h.count > h.threshold and h.fired is Fired.BOUND
    assert len(h.baseline) == 7 and all(n is not None and n < 6 for n in h.baseline)
    assert h.mean == pytest.approx(sum(h.baseline) / 7)  # type: ignore[arg-type]
    assert len(h.numbers) == h.count
    with db.read() as session:
        texts = [repo.get(session, n).order.description for n in h.numbers]
    assert all("暖气不热" in t or "供暖" in t or "停暖" in t for t in texts)
    # The verification order names the group.
    taken = service(db, FakeClock(END + timedelta(minutes=6))).take_up(
        LEAD, scan.hotspots[0].id, "210100-GOV"
    )
    with db.read() as session:
        order = repo.get(session, taken.order_number or "").order
    assert "关键词组" in order.description and HEATING in order.description


def test_no_transfer_list_no_keyword_groups(db: Database) -> None:
    plant(db, background(china(2026, 11, 8), 13, KEYWORD_CELLS, 3.0, descriptions=QUIET_TEXTS))
    plant(db, order_rows(END - timedelta(hours=2), "210104", "C-QZ", None, 4, description="停暖"))
    scan = service(db, FakeClock(END)).scan()
    assert all(s.hotspot.dimension is not Dimension.KEYWORDS for s in scan.hotspots)


def test_a_cell_with_a_baseline_of_zeros_fires_on_the_minimum_count_without_a_bound(
    planted: Database,
) -> None:
    plant(planted, order_rows(END - timedelta(hours=1), "210105", "C-JB", None, 6))
    scan = service(planted, FakeClock(END)).scan()
    new = next(s.hotspot for s in scan.hotspots if s.hotspot.district == "210105")
    assert new.baseline == (0,) * 7 and new.fired is Fired.MIN_COUNT and new.bound is None
    kind = next(s.hotspot for s in scan.hotspots if s.hotspot.district == "210102")
    assert kind.fired is Fired.BOUND and kind.bound == kind.threshold > 0
