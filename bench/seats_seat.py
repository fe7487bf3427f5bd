"""One simulated seat of bench/seats.py, and a process's slice of the floor (not a benchmark).

A seat holds what a console holds: its own :class:`Database` (one pool connection in use at a
time: the seat does one thing at a time) and its own LISTEN connection (``watch_for``), and
works through the services a console uses. Its day is a timetable: calls arrive at random
(exponential gaps), each order's later steps are due some seconds after the one before, the
console's timers fire (200 ms change poll, 15 s alarm sweep, 30 s heartbeat).
"""

from __future__ import annotations

import heapq
import os
import random
import threading
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError

from console.domain.agent_state import AgentState
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.roles import Principal, Role, Seated
from console.services.alarms import AlarmService, load_site_policy
from console.services.inbox import InboxService
from console.services.orders import OrderService
from console.services.queues import QueueKind, QueueQuery, QueueService
from console.services.screen_pop import ScreenPopService
from console.services.seat import SeatStateService
from console.store import change_topics as ct
from console.store.changes import watch_for
from console.store.engine import Database

POLL_S = 0.2  # app_window.CHANGE_POLL_MS
SWEEP_S = 15.0  # the alarm sweep's safety period
HEARTBEAT_S = 30.0  # app_window.HEARTBEAT_MS
PANEL_EVERY_S = 1.0  # the alarm panel's refresh_soon: at most one re-read a second
PAGE = 50  # rows of a queue's first page
TRANSFERRED = 0.2  # of 12345 orders: sent to 110 at once (一键转接)
STEP_GAP_S = (5.0, 20.0)  # an order's next step, after the one before
RETRY_COMPLETE_S = 20.0  # 12345 tries 办结 of a transferred order until 110 has fed back
CALLERS = 20_000  # distinct phone numbers the floor's callers have
POP_SHOWN_S = 30.0  # the pop stays from the answer to the end of wrap-up (talk + wrap-up)
DEADLOCK_OR_SERIALIZATION = {"40P01", "40001"}


def _clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Tally:
    """What a slice measured; merged over processes by :func:`merge`."""

    writes: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    reads: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # Each write's CPU time on its seat's own thread (what a console spends on its own desktop):
    # the rest of a write's wall time is the server's, the network's and waiting for a CPU.
    writes_cpu: list[float] = field(default_factory=list)
    rereads: Counter[str] = field(default_factory=Counter)
    rereads_without_topics: Counter[str] = field(default_factory=Counter)  # same changes
    refused: Counter[str] = field(default_factory=Counter)
    db_errors: Counter[str] = field(default_factory=Counter)
    steps: dict[str, int] = field(default_factory=dict)  # order → events its steps added
    polls_changed: int = 0
    polls_everything: int = 0  # of those, how many the payloads could not narrow
    cpu_s: float = 0.0  # the seats' processes' own CPU time

    def as_dict(self) -> dict[str, Any]:
        return {"writes": dict(self.writes), "reads": dict(self.reads),
                "writes_cpu": self.writes_cpu,
                "rereads": dict(self.rereads),
                "rereads_without_topics": dict(self.rereads_without_topics),
                "refused": dict(self.refused),
                "db_errors": dict(self.db_errors), "steps": self.steps,
                "polls_changed": self.polls_changed,
                "polls_everything": self.polls_everything, "cpu_s": self.cpu_s}  # fmt: skip


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"writes": defaultdict(list), "reads": defaultdict(list),
                           "writes_cpu": [],
                           "rereads": Counter(), "rereads_without_topics": Counter(),
                           "refused": Counter(), "db_errors": Counter(),
                           "steps": Counter(), "polls_changed": 0,
                           "polls_everything": 0, "cpu_s": 0.0}  # fmt: skip
    for p in parts:
        for key in ("writes", "reads"):
            for name, samples in p[key].items():
                out[key][name] += samples
        for key in ("rereads", "rereads_without_topics", "refused", "db_errors", "steps"):
            out[key].update(p[key])
        out["writes_cpu"] += p["writes_cpu"]
        out["polls_changed"] += p["polls_changed"]
        out["polls_everything"] += p["polls_everything"]
        out["cpu_s"] += p["cpu_s"]
    return out


@dataclass(frozen=True)
class Plan:
    url: str
    seats: list[int]  # indexes on the floor: every third seat is a 110 seat (see platform_of)
    police_seats: int  # on the whole floor: seat 3k+2 signs for the orders crc32 % this == k
    calls_per_s: float  # per seat
    topics: bool  # False: every change re-reads everything (before the fan-out work)
    start_at: float  # time.time() the floor starts at
    seconds: float


class SimSeat:
    def __init__(self, plan: Plan, index: int, platform: Platform, shared: dict[str, Any],
                 tally: Tally, lock: threading.Lock) -> None:  # fmt: skip
        self.plan, self.index, self.platform = plan, index, platform
        role = Role.AGENT if platform is Platform.HOTLINE else Role.OPERATOR
        prefix = "A" if platform is Platform.HOTLINE else "J"
        self.by = Seated(Principal(f"s{index}", f"坐席{index}", platform, frozenset({role})),
                         f"{prefix}-{index:03d}")  # fmt: skip
        self.db = Database.open(plan.url)
        self.watch = watch_for(self.db.engine)
        self.orders = OrderService(self.db, _clock, shared["policy"], shared["calendar"])
        self.queues = QueueService(self.db, self.by)
        self.pop = ScreenPopService(self.db, _clock, self.by)
        self.states = SeatStateService(self.db, _clock, self.by)
        self.alarms = AlarmService(self.db, _clock, self.by.seat)
        self.inbox = InboxService(self.db, _clock, self.by.seat, platform)
        kind = QueueKind.MINE if platform is Platform.HOTLINE else QueueKind.AWAITING_SIGN_FOR
        self.query = QueueQuery(kind, platform=platform, seat=self.by.seat)
        self.rng = random.Random(index)
        self.tally, self.lock = tally, lock
        self.shown: str | None = None  # the order in the detail
        self.sent: str | None = None  # the order the linkage strip follows
        self.timeline: dict[str, int] = {}  # orders this seat works on → timeline length seen
        self.signed: set[str] = set()
        self.due: list[tuple[float, str, str]] = []  # (when, number, action): later steps
        self.last_panel = self.last_panel_all = 0.0
        self.caller: str | None = None  # the screen pop's caller, from answer to wrap-up's end
        self.pop_until = 0.0

    # -- timing and counting

    def _timed(self, kind: str, name: str, fn: Any, *args: Any, **kw: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            result = fn(*args, **kw)
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None) or "other"
            with self.lock:
                self.tally.db_errors[f"{name}:{code}"] += 1
            return None
        except Exception as exc:  # a refusal by the rules (a race two seats may lose): counted
            with self.lock:
                self.tally.refused[f"{name}:{type(exc).__name__}"] += 1
            return None
        ms = (time.perf_counter() - start) * 1000
        cpu_ms = (time.thread_time() - cpu) * 1000
        with self.lock:
            getattr(self.tally, kind)[name].append(ms)
            if kind == "writes":
                self.tally.writes_cpu.append(cpu_ms)
        return result

    def _stepped(self, number: str, events: int) -> None:
        with self.lock:
            self.tally.steps[number] = self.tally.steps.get(number, 0) + events

    # -- the seat's work

    def call(self) -> None:
        self._timed("writes", "agent_state", self.states.change, AgentState.ON_CALL)
        phone = f"139{self.rng.randrange(CALLERS):08d}"
        self._timed("reads", "screen_pop", self.pop.pop, phone)
        self.caller, self.pop_until = phone, time.monotonic() + POP_SHOWN_S
        police = self.platform is Platform.POLICE
        draft = Draft(caller_phone=phone, kind="P-ZA" if police else "C-TS",
                      field="" if police else "F-SH", district="210102", address="中山路1号",
                      description="模拟来电：楼下夜间噪音扰民", consent=True)  # fmt: skip
        stored = self._timed("writes", "create", self.orders.create, draft, self.by)
        if stored is not None:
            number = stored.order.number
            self._stepped(number, 1)
            self.shown = number
            self.timeline[number] = len(stored.order.timeline)
            if not police and self.rng.random() < TRANSFERRED:
                done = self._timed("writes", "transfer", self.orders.transfers.transfer,
                                   number, self.by, "涉嫌违法，转110", key=f"t-{number}")  # fmt: skip
                if done is not None:
                    self._stepped(number, 1)
                    self.sent = number
                    self._later(RETRY_COMPLETE_S, number, Action.COMPLETE)
            else:
                self._later(self.rng.uniform(*STEP_GAP_S), number, Action.START_HANDLING)
        self._timed("writes", "agent_state", self.states.change, AgentState.WRAP_UP)
        self._read_queue()  # the console re-reads its queue after its own save
        self._timed("writes", "agent_state", self.states.change, AgentState.READY)

    def _later(self, seconds: float, number: str, action: Action) -> None:
        heapq.heappush(self.due, (time.monotonic() + seconds, number, action.value))

    def step(self, number: str, action: Action) -> None:
        stored = self._timed("reads", "order", self.orders.get, number)  # the detail opened
        if stored is None:
            return
        self.shown = number
        seen = len(stored.order.timeline)
        if action is Action.COMPLETE and stored.order.status is not Status.FED_BACK:
            if stored.order.status in (Status.TRANSFERRED, Status.SIGNED_FOR, Status.HANDLING):
                self._later(RETRY_COMPLETE_S, number, action)  # 110 has not fed back yet
            return
        note = "已处置完毕，已电话告知来电人" if action is Action.FEED_BACK else ""
        saved = self._timed("writes", action.value, self.orders.act, number, action, self.by,
                            note, seen=seen)  # fmt: skip
        if saved is None:
            return
        self._stepped(number, len(saved.order.timeline) - seen)
        nxt = {Action.START_HANDLING: Action.FEED_BACK, Action.SIGN_FOR: Action.START_HANDLING}
        if action in nxt:
            self._later(self.rng.uniform(*STEP_GAP_S), number, nxt[action])
        elif action is Action.FEED_BACK and number not in self.signed:  # its own: it judges
            self._later(self.rng.uniform(*STEP_GAP_S), number, Action.COMPLETE)
        self._read_queue()

    def _read_queue(self) -> Any:
        page = self._timed("reads", "queue_page", self.queues.read_page, self.query, None, PAGE)
        if page is not None and self.platform is Platform.POLICE:  # 待签收: sign for ours
            rows, _after = page
            for row in rows:
                mine = zlib.crc32(row.number.encode()) % self.plan.police_seats
                if mine == self.index // 3 and row.number not in self.signed:
                    self.signed.add(row.number)
                    self._later(0.0, row.number, Action.SIGN_FOR)
        return page

    def _parts(self, topics: ct.Topics, last_panel: float, now: float) -> list[str]:
        """What a window re-reads on ``topics`` (app_window.on_topics), in this seat's state."""
        what = ct.concerns(topics, self.platform.value, self.shown, self.caller)
        return [part for part, wanted in (
            ("queues", what.platform), ("inbox", what.platform),
            ("pop", what.caller and self.caller is not None),
            ("strip", what.orders and self.sent is not None),
            ("panel", what.alarms and now - last_panel >= PANEL_EVERY_S),
            ("detail", what.order and self.shown is not None),
            ("incidents", what.incidents),  # none in this mix: counted only
        ) if wanted]  # fmt: skip

    def poll(self) -> None:
        """The window's change poll and ``on_topics`` (app_window), the re-reads counted; and,
        from the same changes, what the window would have re-read without topics."""
        assert self.watch is not None
        topics = self.watch.topics()
        if not topics:
            return
        if ct.EVERYTHING in topics:
            with self.lock:
                self.tally.polls_everything += 1
        if not self.plan.topics:
            topics = ct.ALL
        now = time.monotonic()
        if now > self.pop_until:
            self.caller = self.sent = None  # wrap-up is over: the pop and the strip cleared
        would = self._parts(ct.ALL, self.last_panel_all, now)
        if "panel" in would:
            self.last_panel_all = now
        did = self._parts(topics, self.last_panel, now)
        reads = {
            "queues": self._read_queue,
            "inbox": lambda: self._timed("reads", "inbox", self.inbox.read),
            "pop": lambda: self._timed("reads", "screen_pop", self.pop.pop, self.caller),
            "strip": lambda: self._timed("reads", "order", self.orders.get, self.sent),
            "panel": lambda: self._timed("reads", "alarm_panel", self.alarms.panel),
            "detail": lambda: self._timed("reads", "order", self.orders.get, self.shown),
        }
        for part in did:
            reads.get(part, lambda: None)()
        if "panel" in did:
            self.last_panel = now
        with self.lock:
            self.tally.polls_changed += 1
            self.tally.rereads.update(did)
            self.tally.rereads_without_topics.update(would)

    def run(self) -> None:
        self._timed("writes", "agent_state", self.states.change, AgentState.READY)
        end = self.plan.start_at + self.plan.seconds
        while time.time() < self.plan.start_at:
            time.sleep(0.01)
        base = time.monotonic()
        offset = self.rng.random()
        next_call = base + self.rng.expovariate(self.plan.calls_per_s)
        next_poll = base + offset * POLL_S
        next_sweep = base + offset * SWEEP_S
        next_beat = base + offset * HEARTBEAT_S
        while time.time() < end:
            now = time.monotonic()
            if self.due and self.due[0][0] <= now:
                _at, number, action = heapq.heappop(self.due)
                self.step(number, Action(action))
            elif next_poll <= now:
                next_poll = now + POLL_S
                self.poll()
            elif next_call <= now:
                next_call = now + self.rng.expovariate(self.plan.calls_per_s)
                self.call()
            elif next_sweep <= now:
                next_sweep = now + SWEEP_S
                self._timed("writes", "alarm_sweep", self.alarms.sweep)
            elif next_beat <= now:
                next_beat = now + HEARTBEAT_S
                self._timed("writes", "heartbeat", self.states.heartbeat)
            else:
                soonest = min(next_poll, next_call, next_sweep, next_beat,
                              self.due[0][0] if self.due else next_poll)  # fmt: skip
                time.sleep(max(0.0, min(soonest - time.monotonic(), POLL_S)))

    def close(self) -> None:
        if self.watch is not None:
            self.watch.close()
        self.db.dispose()


def platform_of(index: int) -> Platform:
    """Two 12345 seats to one 110 seat."""
    return Platform.POLICE if index % 3 == 2 else Platform.HOTLINE


def run_slice(plan: Plan) -> dict[str, Any]:
    """Run ``plan.seats`` as threads of this process; their tally when the floor's time is up."""
    policy_db = Database.open(plan.url)
    shared = {"policy": load_site_policy(policy_db), "calendar": load_calendar()}
    policy_db.dispose()
    tally, lock = Tally(), threading.Lock()
    cpu = os.times()
    seats = [SimSeat(plan, i, platform_of(i), shared, tally, lock) for i in plan.seats]
    threads = [threading.Thread(target=s.run, name=f"seat-{s.index}") for s in seats]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done = os.times()
    tally.cpu_s = done.user + done.system - cpu.user - cpu.system
    for s in seats:
        s.close()
    return tally.as_dict()
