"""The child side of the kill -9 test (issue 15) and its fork server.

``python -m tests.emergency.kill_start`` imports the incident service once, then reads JSON
commands a line on stdin and answers each with a JSON line: ``{"op": "run", "url", "channel",
"log"}`` forks a child that starts an incident (30 partners), pumps its notifications into the
durable channel at ``channel``, raises its level (6 partners released, 24 told, 6 more asked)
and pumps again, then exits 0 (``{"pid"}``); ``{"op": "kill", "pid"}`` sends SIGKILL if it
still runs and reaps it (``{"status"}``: its wait status). A fork costs milliseconds where a
cold interpreter importing SQLAlchemy costs a second: 200 loops fit in CI's time.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import configure_mappers

from console.domain.emergency import (
    Channel,
    EventType,
    Level,
    PartnerKind,
    Plan,
    PlanBook,
    PlanStep,
)
from console.domain.orders import Platform
from console.services.incident_pump import IncidentPump
from console.services.incident_views import IncidentDraft
from console.services.incidents import IncidentService
from console.store.engine import Database
from console.store.incident_tables import PartnerRow
from tests.emergency.kill_desk import DurableDesk
from tests.principals import lead

CITY, DISTRICT = "210100", "210102"
KINDS = tuple(PartnerKind)[:12]
PER_KIND = 3
START_KINDS, RAISED_KINDS = KINDS[:10], KINDS[2:12]  # Ⅳ: 30 partners; Ⅱ: 6 out, 6 in
LEAD = lead("王班长", "L-01", Platform.HOTLINE)
DRAFT = IncidentDraft(EventType.NATURAL, Level.IV, DISTRICT, "和平区南京北街", "暴雨积水")


def plan_book() -> PlanBook:
    def plan(level: Level, kinds: tuple[PartnerKind, ...]) -> Plan:
        steps = tuple(PlanStep(k, f"{k.term}：到场处置", 30) for k in kinds)
        return Plan(EventType.NATURAL, level, steps, "kill test", "kill.toml")

    return PlanBook({
        (EventType.NATURAL, Level.IV): plan(Level.IV, START_KINDS),
        (EventType.NATURAL, Level.II): plan(Level.II, RAISED_KINDS),
    })  # fmt: skip


def seed_partners(db: Database) -> None:
    """3 partners of each of 12 kinds in the city (the seeded demo directory replaced)."""
    with db.write() as session:
        session.execute(delete(PartnerRow))
        for k in KINDS:
            for n in range(PER_KIND):
                code = f"K-{k.value}-{n}"
                session.add(PartnerRow(
                    code=code, name=f"沈阳{k.term}{n + 1}", kind=k.value, city=CITY,
                    duty_phone="024-0000000", channel=Channel.SIMULATED.value, address=code,
                ))  # fmt: skip


def now() -> datetime:
    return datetime.now(UTC)


def services(db: Database, channel: Path) -> tuple[IncidentService, IncidentPump, DurableDesk]:
    desk = DurableDesk(channel)
    service = IncidentService(db, now, plan_book())
    return service, IncidentPump(db, now, desk, service, "L-01"), desk


def drain(pump: IncidentPump) -> int:
    """Pump until nothing is queued; how many were handed."""
    handed = 0
    while True:
        done = pump.pump()
        handed += done.handed
        assert done.failed == 0 and done.waiting == 0, f"the channel refused: {done}"
        if done.handed == 0:
            return handed


def work(url: str, channel: Path) -> None:
    """What the child does (and what the kill interrupts anywhere)."""
    db = Database.open(url)
    service, pump, _desk = services(db, channel)
    number = service.start(LEAD, DRAFT).number
    drain(pump)
    service.change_level(LEAD, number, Level.II, "灾情扩大")
    drain(pump)


def _child(command: dict[str, str]) -> None:
    code = 1
    try:
        with open(command["log"], "a") as log:
            try:
                work(command["url"], Path(command["channel"]))
                code = 0
            except BaseException:
                traceback.print_exc(file=log)
    finally:
        os._exit(code)


def main() -> None:
    configure_mappers()  # once here, not in every child
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "run":
            pid = os.fork()
            if pid == 0:
                _child(command)
            answer = {"pid": pid}
        else:
            pid = int(command["pid"])
            if command["op"] == "kill":
                os.kill(pid, signal.SIGKILL)  # a zombie still takes it: reaped just below
            answer = {"status": os.waitpid(pid, 0)[1]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
