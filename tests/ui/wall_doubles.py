"""Stand-ins for the wallboard's read and the hot-spot service in widget tests and screenshots.

:class:`FakeFloor` answers ``read()`` with :attr:`floor` (the test changes it) and counts the
reads; :func:`busy_floor` is the floor the screenshots show. :class:`FakeHotspots` has the
methods and return types of ``console/services/hotspots.py``'s ``HotspotService`` the view uses,
the same refusals (``Refused`` with the declared codes) where the real one gives them, and a
directory of departments.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from console.domain.alarm_levels import AlarmLevel
from console.domain.call_stats import CallStats
from console.domain.catalogue import Department, DepartmentKind
from console.domain.emergency import Level
from console.domain.hotspots import Dimension, Hotspot, State, Window
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.exchange_alarms import LinkAlarm
from console.services.hotspots import StoredHotspot
from console.services.wallboard import Agents, Floor

NOW = datetime(2026, 12, 5, 6, 20, 30, tzinfo=UTC)  # 14:20:30 China time


@dataclass
class FakeFloor:
    floor: Floor
    reads: int = 0

    def read(self) -> Floor:
        self.reads += 1
        return self.floor


def busy_floor(at: datetime = NOW) -> Floor:
    """A busy afternoon: 31 seats, alarms of every level, 2 partners overdue, the link to 110
    backed up, 3 hot spots to verify, an active Ⅱ-level incident and a drill."""
    return Floor(
        at=at,
        agents=Agents(ready=12, on_call=9, wrap_up=3, not_ready=5, offline=2),
        alarms={AlarmLevel.WARNING: 14, AlarmLevel.DUE: 6, AlarmLevel.OVERDUE: 3},
        partners_overdue=2,
        link=LinkAlarm(
            1,
            "110",
            at - timedelta(minutes=4),
            17,
            at - timedelta(minutes=6, seconds=12),
            None,
            None,
        ),
        incidents={Level.I: 0, Level.II: 1, Level.III: 0, Level.IV: 0},
        drills=1,
        hotspots_open=3,
        hotspots_taken=2,
        hotspots_keywords=1,
    )


def queue(now: datetime = NOW) -> CallStats:
    """7 calls waiting, the longest 1:42; 126 answered today, 109 within 15 s, 9 abandoned."""
    stats = CallStats()
    for n in range(126):
        stats.arrived(f"a{n}", now - timedelta(minutes=30))
        late = 20 if n < 17 else 5
        stats.answered_at(f"a{n}", now - timedelta(minutes=30) + timedelta(seconds=late))
    for n in range(9):
        stats.arrived(f"x{n}", now - timedelta(minutes=20))
        stats.gone(f"x{n}")
    for n in range(7):
        stats.arrived(f"w{n}", now - timedelta(seconds=102 - 10 * n))
    return stats


DEPARTMENTS = [
    Department("210102-GOV", "和平区人民政府", "Heping District Government", "210102",
               DepartmentKind.GOVERNMENT),
    Department("210103-GOV", "沈河区人民政府", "Shenhe District Government", "210103",
               DepartmentKind.GOVERNMENT),
    Department("210102-HEAT", "和平区供热办", "Heping Heating Office", "210102",
               DepartmentKind.FUNCTIONAL),
    Department("210100-HEAT", "沈阳市供暖集团", "Shenyang Heating Group", "210100",
               DepartmentKind.FUNCTIONAL),
]  # fmt: skip
WINDOW = Window(datetime(2026, 12, 5, 0, 0, tzinfo=UTC), datetime(2026, 12, 5, 4, 0, tzinfo=UTC))


def _spot(n: int, h: Hotspot, state: State = State.OPEN, **taken: object) -> StoredHotspot:
    return StoredHotspot(id=n, platform="12345", hotspot=h, found_at=WINDOW.end, state=state,
                         **taken)  # type: ignore[arg-type]  # fmt: skip


def planted() -> list[StoredHotspot]:
    """Heating complaints in 和平区 far above their baseline, a repeat at one address, the
    transfer list's heating words in 沈河区 where there were none before (no threshold: the
    minimum count fired it), and one already taken up."""
    heat = Hotspot(WINDOW, Dimension.KIND, "210102", "C-TS", 11, (2, 1, None, 3, 2, 1, 2),
                   1.83, 0.75, 6.1, tuple(f"H2026120500{n:02d}" for n in range(1, 12)))  # fmt: skip
    repeat = Hotspot(WINDOW, Dimension.ADDRESS, "210103", "沈河区青年大街100号", 4,
                     threshold=3.0, numbers=("H202612050031", "H202612050032", "H202612050040",
                                             "H202612050044"))  # fmt: skip
    field_ = Hotspot(WINDOW, Dimension.FIELD, "210102", "F-GR", 7, (1, 0, 1, 2, 1, 0, 1),
                     0.86, 0.69, 4.4, tuple(f"H2026120501{n:02d}" for n in range(7)))  # fmt: skip
    words = Hotspot(WINDOW, Dimension.KEYWORDS, "210103", "110→12345 1.3 供暖不热、停暖", 6,
                    (0, 0, 0, 0, 0, 0, 0), numbers=tuple(f"H2026120502{n:02d}" for n in range(6)))  # fmt: skip
    return [
        _spot(1, heat),
        _spot(2, repeat),
        _spot(4, words),
        _spot(3, field_, State.TAKEN_UP, taken_up_at=WINDOW.end + timedelta(minutes=20),
              taken_up_by="李班长", department="210102-HEAT", order_number="H202612050300"),
    ]  # fmt: skip


@dataclass
class FakeHotspots:
    spots: list[StoredHotspot] = field(default_factory=planted)
    refuse: Refused | None = None  # the next take-up is refused with this
    taken: list[tuple[int, str]] = field(default_factory=list)

    def hotspots(self, by: Seated, hours: int = 24) -> list[StoredHotspot]:
        by.require(Capability.HOTSPOTS)
        return list(self.spots)

    def take_up(self, by: Seated, hotspot_id: int, to_department: str) -> StoredHotspot:
        by.require(Capability.HOTSPOTS)
        if self.refuse is not None:
            error, self.refuse = self.refuse, None
            raise error
        at = next((n for n, s in enumerate(self.spots) if s.id == hotspot_id), None)
        if at is None:
            raise Refused("unknown_hotspot", id=str(hotspot_id))
        spot = self.spots[at]
        if spot.state is not State.OPEN:
            raise Refused("hotspot_taken_up", number=spot.order_number or "")
        if to_department not in {d.code for d in DEPARTMENTS}:
            raise Refused("unknown_department", department=to_department)
        number = f"H2026120503{len(self.taken):02d}"
        self.taken.append((hotspot_id, to_department))
        self.spots[at] = replace(spot, state=State.TAKEN_UP, taken_up_at=NOW,
                                 taken_up_by=by.login, department=to_department,
                                 order_number=number)  # fmt: skip
        return self.spots[at]
