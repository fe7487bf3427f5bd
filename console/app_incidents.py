"""Part of the composition root (see app.py): one platform's emergency linkage — the incident
service its seats use, the channels its partners are notified through, and the background work
that hands notifications over, takes in answers and raises missed deadlines.

Every console on the platform's database runs the background work: raising an alarm is one
conditional statement (once, whoever sweeps first) and a notification two consoles both hand
over carries one idempotency key (the channel answers the second DUPLICATE). Nothing else
imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from console.channels.build import build_notifier
from console.config import Settings
from console.domain.emergency import PlanBook
from console.scheduling.clock import Clock
from console.scheduling.incidents import IncidentWork, Worked
from console.services.audit import AuditTrail
from console.services.incident_pump import IncidentPump
from console.services.incidents import IncidentService
from console.services.partner_notifier import PartnerNotifier
from console.store.engine import Database

if TYPE_CHECKING:  # the exchange's modules (jsonschema) load only where an exchange is on
    from console.services.incident_exchange import IncidentPublisher


class Emergency:
    """``publisher``: the exchange's (the peer sees this platform's incidents); ``notifier``:
    the channels (default: built from the site's ``[emergency]`` settings)."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        clock: Clock,
        plans: PlanBook,
        trail: AuditTrail | None,
        publisher: IncidentPublisher | None,
        data_dir: Path | None,
        notifier: PartnerNotifier | None = None,
    ) -> None:
        publish = publisher.publish if publisher is not None else None
        self.service = IncidentService(db, clock.now, plans, trail, publish=publish)
        self.notifier = notifier or build_notifier(settings.emergency(), clock, data_dir)
        self.pump = IncidentPump(db, clock.now, self.notifier, self.service, settings.seat)
        self.work: IncidentWork | None = None

    def schedule(
        self,
        scheduler: AsyncIOScheduler,
        executor: Executor,
        on_worked: Callable[[Worked], None],
    ) -> IncidentWork:
        """The background work on ``scheduler`` (started with it), on ``executor``'s thread."""
        self.work = IncidentWork(scheduler, self.pump, executor, on_worked)
        return self.work
