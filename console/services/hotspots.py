"""Hot spots (热点分析) and the verification orders made from them (核查工单).

:meth:`HotspotService.scan` counts the last window's orders against their baseline (the test:
:mod:`console.domain.hotspots`; docs/hotspots.md) and stores the hot spots found, once per
window: a second scan of the same window (on demand, another console) finds them stored and
adds nothing, so nothing fires twice. :meth:`HotspotService.take_up` is the shift lead turning
one into a verification order: a new order of kind ``V-HS`` (核查) that names the hot spot and
its evidence, dispatched (派单) to the district government or department at once, in one
transaction with the hot spot's "taken up" mark. Its deadlines come from the deadline policy's
``V-HS`` rule (feedback within 24 hours) and its alarms are planned by the order writer like
every other order's.

No Qt here: the scheduler (console/scheduling/hotspots.py) runs :meth:`scan` in a worker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from console.domain.hotspot_keywords import GroupMatcher, keyword_groups
from console.domain.hotspots import (
    CHINA,
    Cell,
    Dimension,
    Hotspot,
    Method,
    State,
    Window,
    baseline_windows,
    detect,
    repeats,
    window_ending,
)
from console.domain.intake import check_clock
from console.domain.order_types import Action, Caller, Platform
from console.domain.orders import new_order
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.order_writer import OrderWriter
from console.store import consultation
from console.store import hotspots as store
from console.store import orders as repo
from console.store.departments import active_department
from console.store.engine import Database
from console.store.hotspots import StoredHotspot

VERIFY_KIND = "V-HS"  # 核查: migration 0016's catalogue entry, deadlines.toml's rule
VERIFY_CALLER = Caller("12345", "热点分析")  # the hotline itself asks for the verification
NUMBERS_SHOWN = 20  # order numbers a verification order's description lists

__all__ = ["VERIFY_KIND", "Finding", "HotspotService", "Scan", "StoredHotspot"]


@dataclass(frozen=True, slots=True)
class Scan:
    """A window's hot spots as stored (taken-up ones too, with their state) and which of them
    this scan found first (``new``: the ones to tell the shift lead about)."""

    window: Window
    hotspots: list[StoredHotspot]
    new: frozenset[int]


@dataclass(frozen=True, slots=True)
class Finding:
    """A hot spot as computed now, and as a scan stored it (None: no scan stored it yet)."""

    hotspot: Hotspot
    stored: StoredHotspot | None


class HotspotService:
    """``writer``: the order writer verification orders are made with (the composition root
    builds it as it builds the order service's: policy, calendar, audit trail, outbox)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        writer: OrderWriter,
        method: Method | None = None,
        platform: Platform = Platform.HOTLINE,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._writer = writer
        self.method = method or Method()
        self._platform = platform
        self._on_change = on_change

    def window(self, at: datetime | None = None) -> Window:
        """The last complete window at ``at`` (default: now)."""
        return window_ending(at or self._clock(), self.method)

    def find(self, window: Window) -> list[Hotspot]:
        """The hot spots of ``window`` with their evidence, computed (nothing is stored)."""
        method, platform = self.method, self._platform.value
        windows = [window, *baseline_windows(window, method)]
        with self._db.read() as session:
            groups = store.window_groups(session, windows, platform, VERIFY_KIND)
            orders = store.window_orders(session, window, platform, VERIFY_KIND)
            matcher = GroupMatcher(keyword_groups(consultation.items(session)))
            texts = store.window_texts(session, windows, platform, VERIFY_KIND) if matcher else []
        cells: list[dict[Cell, int]] = [defaultdict(int) for _ in windows]
        for w, district, kind, field, n in groups:
            cells[w][(Dimension.KIND, district, kind)] += n
            if field is not None:
                cells[w][(Dimension.FIELD, district, field)] += n
        behind: dict[Cell, list[str]] = defaultdict(list)  # the current window's, any cell
        for w, number, district, description in texts:
            for g in matcher.match(description):
                group: Cell = (Dimension.KEYWORDS, district, matcher.groups[g].subject)
                cells[w][group] += 1
                if w == 0:
                    behind[group].append(number)
        # A baseline window without a single order has no data (not zeros): left out.
        baseline = [c if c else None for c in cells[1:]]
        found = detect(window, cells[0], baseline, method)
        fired = {h.cell for h in found}
        for number, district, kind, field, _ in orders:
            for cell in (
                (Dimension.KIND, district, kind),
                (Dimension.FIELD, district, field or ""),
            ):
                if cell in fired:
                    behind[cell].append(number)
        addresses = [(number, district, address) for number, district, _, _, address in orders]
        with_numbers = [
            replace(
                h,
                numbers=tuple(sorted(behind[h.cell]))
                if h.dimension is Dimension.KEYWORDS
                else tuple(behind[h.cell]),
            )
            for h in found
        ]
        return with_numbers + repeats(window, addresses, method)

    def scan(self, at: datetime | None = None) -> Scan:
        """Find the hot spots of the last complete window at ``at`` (default: now), store the
        new ones, and return the window's stored hot spots."""
        window = self.window(at)
        found = self.find(window)
        now = self._clock()
        with self._db.write(notify=bool(found)) as session:
            new = store.add_new(session, self._platform.value, found, now)
            stored = store.in_window(session, window)
        if new:
            self._changed()
        return Scan(window, stored, frozenset(new))

    def look(self, at: datetime | None = None) -> tuple[Window, list[Finding]]:
        """The hot spots of the last complete window at ``at``, computed afresh, each with what
        a scan stored of it (its id, state, verification order); stores nothing (the command
        line's ``hotspots``)."""
        window = self.window(at)
        found = self.find(window)
        with self._db.read() as session:
            stored = {s.hotspot.cell: s for s in store.in_window(session, window)}
        return window, [Finding(h, stored.get(h.cell)) for h in found]

    def hotspots(self, by: Seated, hours: int = 24) -> list[StoredHotspot]:
        """The shift lead's list: hot spots of the windows that ended in the last ``hours``."""
        by.require(Capability.HOTSPOTS)
        with self._db.read() as session:
            return store.latest(session, self._clock() - timedelta(hours=hours))

    def take_up(self, by: Seated, hotspot_id: int, to_department: str) -> StoredHotspot:
        """Make a verification order of hot spot ``hotspot_id`` and dispatch it to
        ``to_department``; refused (``Refused``) for anyone but this platform's shift lead, a hot
        spot that does not exist or was taken up already, or a department not in the directory."""
        by.require(Capability.HOTSPOTS)
        now = self._clock()
        check_clock(now)
        with self._db.write() as session:
            spot = store.get(session, hotspot_id)
            if spot is None:
                raise Refused("unknown_hotspot", number=str(hotspot_id))
            if spot.state is not State.OPEN:
                raise Refused("hotspot_taken_up", number=spot.order_number or "")
            department = active_department(session, to_department)
            h = spot.hotspot
            order = new_order(
                number=repo.next_number(session, by.platform, now),
                actor=by.actor,
                at=now,
                caller=VERIFY_CALLER,
                kind=VERIFY_KIND,
                field=h.subject if h.dimension is Dimension.FIELD else None,
                district=h.district,
                address=h.subject if h.dimension is Dimension.ADDRESS else "",
                description=describe(spot),
            )
            stored = self._writer.add(session, order, now, by)
            dispatched = self._writer.act(
                session, stored, Action.DISPATCH, by, now, detail=department.code
            )
            number = dispatched.order.number
            if not store.mark_taken_up(session, hotspot_id, now, by.login, department.code, number):
                raise Refused("hotspot_taken_up", number="")  # another lead, a moment ago
            taken = store.get(session, hotspot_id)
        self._changed()
        assert taken is not None
        return taken

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


def describe(spot: StoredHotspot) -> str:
    """The verification order's description: which hot spot, its evidence, what is asked."""
    h = spot.hotspot
    start = h.window.start.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    end = h.window.end.astimezone(CHINA).strftime("%H:%M")
    what = {Dimension.KIND: "诉求类型", Dimension.FIELD: "领域", Dimension.ADDRESS: "地址",
            Dimension.KEYWORDS: "关键词组（互转清单）"}  # fmt: skip
    shown = "、".join(h.numbers[:NUMBERS_SHOWN]) + ("等" if len(h.numbers) > NUMBERS_SHOWN else "")
    if h.dimension is Dimension.ADDRESS:
        evidence = f"同一地址 {h.count} 件（热点件：≥{h.threshold:g} 件即预警）"
    else:
        base = "、".join("-" if n is None else str(n) for n in h.baseline)
        bound = "无基线（达最少件数即预警）" if h.bound is None else f"阈值 {h.bound:.1f}"
        evidence = (
            f"{h.count} 件，基线（前几日同时段，新→旧）{base}，均值 {h.mean:.1f}，"
            f"标准差 {h.sd:.1f}，{bound}"
        )
    return (
        f"核查热点 #{spot.id}：{start}–{end}（北京时间）区划 {h.district} "
        f"{what[h.dimension]} {h.subject}：{evidence}。相关工单：{shown}。"
        "请现场核查，24小时内反馈意见。"
    )
