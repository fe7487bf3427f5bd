"""kill -9 during a stream of transfers and feedbacks (issue 14), the moving parts:

- :class:`Serving`: one platform's ``exchange serve`` process that can be started, killed with
  SIGKILL and started again — forked warm from :mod:`tests.exchange.warm_serve` (the same code
  from ``main()`` on, without ~2 s of imports a start), or a cold ``python -m console`` process;
- :class:`Stream`: the seats of both platforms in the test process, through ``OrderService`` as
  a seat builds it (:func:`seat_orders`: each step written with its outbox message and its
  audit row, on the trail the serve process appends to as well): 12345 creates and transfers
  orders, 110 signs for, handles, reports progress and feeds back (or returns), 12345 completes
  or cancels. A seat takes an order's next step once every earlier step has reached its side
  (its copy's timeline is as long as the steps taken), so no two seats race on an order;
- :class:`Killer`: picks a side, waits until it is at work (its sender, or the peer's sender to
  it, settled a delivery since it listened), lets a random 0–400 ms pass — the kill lands
  mid-apply, mid-delivery or mid-commit — kills it with SIGKILL and starts it again.

The checks after the drain are in :mod:`tests.exchange.kill_checks`.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from console.app_exchange import Endpoint
from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.alarms import load_site_policy
from console.services.audit import AuditTrail, open_key
from console.services.orders import OrderService
from console.store import exchange as box
from console.store.orders import UnknownOrder
from tests.exchange.serving import System
from tests.principals import at_seat
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
H, P = Platform.HOTLINE, Platform.POLICE
SEATS = {H: at_seat("王丽", "A-01", H), P: at_seat("李强", "J-07", P)}
POLL_S = 0.01

Step = tuple[Platform, Action, str]
PLANS: dict[str, tuple[tuple[Step, ...], int]] = {  # name: (steps after the transfer, weight)
    "full": (
        (
            (P, Action.SIGN_FOR, ""),
            (P, Action.START_HANDLING, ""),
            (P, Action.PROGRESS, "民警正在现场处置"),
            (P, Action.FEED_BACK, "民警已到场处置，双方已调解"),
            (H, Action.COMPLETE, ""),
        ),
        6,
    ),
    "cancel": (((H, Action.CANCEL, "来电人撤回诉求"),), 1),
    "cancel_late": (((P, Action.SIGN_FOR, ""), (H, Action.CANCEL, "来电人撤回诉求")), 1),
    "returned": (((P, Action.RETURN, "不属于公安职责，退回12345"), (H, Action.CANCEL, "已另行处理")), 1),
}  # fmt: skip


class WarmServer:
    """The fork server of :mod:`tests.exchange.warm_serve` (one for any number of platforms)."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.exchange.warm_serve"], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self._lock = threading.Lock()

    def _ask(self, command: dict[str, object]) -> dict[str, int]:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        with self._lock:
            process.stdin.write(json.dumps(command) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the warm serve fork server died (exit {process.wait(10)})")
        answer: dict[str, int] = json.loads(line)
        return answer

    def spawn(self, argv: list[str], env: Mapping[str, str], log: Path) -> int:
        return self._ask({"op": "spawn", "argv": argv, "env": dict(env), "log": str(log)})["pid"]

    def signal(self, pid: int, sig: int) -> int:
        """Send ``sig`` and wait for the child to be gone; its wait status."""
        return self._ask({"op": "kill", "pid": pid, "signal": sig})["status"]

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=30)
        if self._process.stdout is not None:
            self._process.stdout.close()


@dataclass
class Serving:
    """A platform's ``exchange serve`` under the killer: warm (``warm`` given) or cold."""

    system: System
    logs: Path
    warm: WarmServer | None = None
    starts: int = 0
    kills: int = 0
    listened_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    _pid: int | None = None

    @property
    def running(self) -> bool:
        return self._pid is not None or (
            self.system.process is not None and self.system.process.poll() is None
        )

    def start(self, timeout: float = 60.0) -> None:
        """Start the endpoint; return once it says it listens."""
        self.starts += 1
        if self.warm is None:
            self.system.start()
        else:
            log = self.logs / f"serve-{self.system.platform}-{self.starts}.log"
            argv = ["--config", str(self.system.config), "exchange", "serve"]
            env = {"CONSOLE_DB": self.system.url, **self.system.extra_env}
            self._pid = self.warm.spawn(argv, env, log)
            wait_until(lambda: "listening on" in _text(log), timeout,
                       lambda: f"{self.system.platform} to listen: {_text(log)[-3000:]}")  # fmt: skip
        self.listened_at = datetime.now(UTC)

    def kill(self) -> None:
        """SIGKILL, and wait until the process is gone."""
        self.kills += 1
        self._signal(9)

    def stop(self) -> None:
        """SIGTERM (a clean stop), and wait until the process is gone."""
        self._signal(15)

    def _signal(self, sig: int) -> None:
        if self.warm is None:
            (self.system.kill if sig == 9 else self.system.stop)()
        elif self._pid is not None:
            self.warm.signal(self._pid, sig)
            self._pid = None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def _now() -> datetime:
    return datetime.now(UTC)


def seat_orders(system: System) -> OrderService:
    """The platform's order service as a seat builds it, its steps recorded in the platform's
    audit trail (the key file its serve process uses) and queued in its outbox."""
    assert system.db is not None and system.settings.audit_key_file is not None
    clock = _now
    trail = AuditTrail(open_key(system.db, system.settings.audit_key_file), clock)
    policy, calendar = load_site_policy(system.db), load_calendar()
    endpoint = Endpoint.build(system.settings, system.db, clock, trail, policy, calendar,
                              runs_here=False)  # fmt: skip
    assert endpoint is not None
    return OrderService(system.db, clock, policy, calendar, audit=trail, outbox=endpoint.outbox)


def delivered_since(db_system: System, peer_id: str, since: datetime) -> bool:
    """Whether ``db_system``'s sender settled a delivery to ``peer_id`` at or after ``since``."""
    assert db_system.db is not None
    with db_system.db.read() as session:
        row = box.peer_state(session, peer_id)
        if row is None or row.state != box.UP:
            return False
        checked = row.checked_at
    return (checked if checked.tzinfo else checked.replace(tzinfo=UTC)) >= since


class Killer:
    """Kills the sides' serve processes at random moments of their work and starts them again.
    12345's kills land mostly while it sends, 110's mostly while it receives."""

    def __init__(
        self,
        serving: Mapping[str, Serving],
        rng: random.Random,
        most_delay_s: float = 0.4,
        busy_wait_s: float = 10.0,
    ) -> None:
        self._serving, self._rng = serving, rng
        self._most_delay_s, self._busy_wait_s = most_delay_s, busy_wait_s
        self.idle_kills = 0  # kills that came after waiting in vain for the side to be at work
        self.busy_wait_s = self.restart_s = 0.0  # time spent waiting for work, restarting

    def run(self, kills_each: int) -> None:
        left = dict.fromkeys(self._serving, kills_each)
        while any(left.values()):
            platform = self._rng.choice(sorted(p for p, n in left.items() if n))
            self.kill_once(platform)
            left[platform] -= 1

    def kill_once(self, platform: str) -> None:
        me = self._serving[platform]
        peer = self._serving[_peer(platform)]
        my_id, peer_id = me.system.settings.exchange_ids()
        sending = self._rng.random() < (0.75 if platform == "12345" else 0.25)
        deliverer, to = (me, peer_id) if sending else (peer, my_id)
        since, waiting = me.listened_at, time.perf_counter()
        try:
            wait_until(lambda: delivered_since(deliverer.system, to, since), self._busy_wait_s)
        except AssertionError:
            self.idle_kills += 1  # nothing moved: kill it anyway (the drain checks the rest)
        self.busy_wait_s += time.perf_counter() - waiting
        time.sleep(self._rng.uniform(0, self._most_delay_s))  # the scenario: a random moment
        me.kill()
        restarting = time.perf_counter()
        me.start()
        self.restart_s += time.perf_counter() - restarting


def _peer(platform: str) -> str:
    return "110" if platform == "12345" else "12345"


@dataclass
class Stream:
    """The seats' stream of orders and steps. ``taken`` is every step a seat took, per order,
    in order (create and transfer included): what both timelines must hold at the end."""

    seats: Mapping[Platform, OrderService]
    rng: random.Random
    in_flight: int = 16
    taken: dict[str, list[tuple[Platform, Action]]] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)
    error: BaseException | None = None
    _open: dict[str, list[Step]] = field(default_factory=dict)

    def run(self, stop: threading.Event) -> None:
        """Until ``stop``: rounds of steps; a round with nothing ready waits for arrivals."""
        try:
            while not stop.is_set():
                if not self.round():
                    stop.wait(POLL_S)  # nothing ready: poll for the messages to land
        except BaseException as exc:  # handed to the test thread, which fails with it
            self.error = exc

    def round(self) -> bool:
        did = False
        if len(self._open) < self.in_flight:
            self._new()
            did = True
        numbers = list(self._open)
        self.rng.shuffle(numbers)
        for number in numbers:
            did = self._next_step(number) or did
        return did

    def _new(self) -> None:
        hotline = self.seats[H]
        names = sorted(PLANS)
        plan = self.rng.choices(names, weights=[PLANS[n][1] for n in names])[0]
        draft = Draft(
            caller_phone=f"138{self.rng.randrange(10**8):08d}", kind="C-TS", field="F-SH",
            district="210102", description="有人在小区门口持械斗殴", consent=True,
        )  # fmt: skip
        number = hotline.create(draft, SEATS[H]).order.number
        self.taken[number] = [(H, Action.CREATE)]
        self.plans[number] = plan
        hotline.transfers.transfer(number, SEATS[H], "涉嫌违法，转110", key=f"k-{number}")
        self.taken[number].append((H, Action.TRANSFER))
        self._open[number] = list(PLANS[plan][0])

    def _next_step(self, number: str) -> bool:
        side, action, note = self._open[number][0]
        taken = self.taken[number]
        try:
            order = self.seats[side].get(number).order
        except UnknownOrder:
            return False  # the transfer has not reached 110 yet
        if len(order.timeline) != len(taken):
            return False  # an earlier step is still on its way here
        self.seats[side].act(number, action, SEATS[side], note, seen=len(taken))
        taken.append((side, action))
        self._open[number].pop(0)
        if not self._open[number]:
            del self._open[number]
        return True
