"""A small emergency scene the incident tests share: a directory of partners in one city, a plan
book with two levels, a clock the test moves, and a channel that records what it was handed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from console.domain.emergency import (
    Channel,
    EventType,
    Level,
    Partner,
    PartnerKind,
    Plan,
    PlanBook,
    PlanStep,
)
from console.services.partner_notifier import Answer, ChannelDown, Handover, Notification
from console.store.engine import Database
from console.store.incident_tables import PartnerRow

CITY, DISTRICT = "210100", "210102"  # 沈阳市, 和平区
T0 = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)

# Level IV asks eight kinds, level II adds three more.
IV_KINDS = (
    PartnerKind.FIRE, PartnerKind.AMBULANCE, PartnerKind.TRAFFIC, PartnerKind.POWER,
    PartnerKind.WATER, PartnerKind.GAS, PartnerKind.HOSPITAL, PartnerKind.EMERGENCY_BUREAU,
)  # fmt: skip
II_EXTRA = (PartnerKind.HEATING, PartnerKind.SCHOOL, PartnerKind.RAILWAY)


def plan_book() -> PlanBook:
    def plan(level: Level, kinds: Sequence[PartnerKind], minutes: int) -> Plan:
        steps = tuple(PlanStep(k, f"{k.term}：到场处置", minutes) for k in kinds)
        return Plan(EventType.NATURAL, level, steps, "test plan", "test.toml")

    return PlanBook({
        (EventType.NATURAL, Level.IV): plan(Level.IV, IV_KINDS, 30),
        (EventType.NATURAL, Level.II): plan(Level.II, IV_KINDS + II_EXTRA, 15),
    })  # fmt: skip


def seed_partners(db: Database) -> list[Partner]:
    """One partner of every kind in the city (the directory replaced)."""
    partners = [
        Partner(
            f"SY-{k.value}",
            f"沈阳{k.term}",
            k,
            CITY,
            "024-0000000",
            Channel.SIMULATED,
            f"SY-{k.value}",
        )
        for k in PartnerKind
    ]
    with db.write() as session:
        session.execute(delete(PartnerRow))
        for p in partners:
            session.add(PartnerRow(
                code=p.code, name=p.name, kind=p.kind.value, city=p.city, duty_phone=p.duty_phone,
                channel="simulated", address=p.address,
            ))  # fmt: skip
    return partners


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@dataclass
class Desk:
    """Records every hand-over; a key handed twice is a duplicate; answers queued by the test."""

    handed: list[Notification] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    pending: list[Answer] = field(default_factory=list)
    down: bool = False

    def send(self, notification: Notification) -> Handover:
        if self.down:
            raise ChannelDown("test channel down")
        if notification.key in self.keys:
            return Handover.DUPLICATE
        self.keys.add(notification.key)
        self.handed.append(notification)
        return Handover.ACCEPTED

    def answers(self) -> list[Answer]:
        out, self.pending = self.pending, []
        return out

    def to(self, code: str) -> list[Notification]:
        return [n for n in self.handed if n.partner_code == code]
