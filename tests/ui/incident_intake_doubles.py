"""An in-memory incident service for the intake offer and the alarm panel's tests: the methods
the UI calls on ``console.services.incidents.IncidentService``, with the same answers and the
same refusals (``Refused``) where the real one refuses — the role matrix first."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from console.domain.emergency import EventType, IncidentStatus, Level, city_of
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.incident_views import IncidentAlarm, IncidentLine

T0 = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # 10:00 China time


def incident(
    number: str,
    district: str = "210102",
    level: Level = Level.II,
    *,
    event_type: EventType = EventType.ACCIDENT,
    place: str = "南京北街 12 号",
    drill: bool = False,
    started_at: datetime = T0,
    status: IncidentStatus = IncidentStatus.ACTIVE,
    platform: Platform = Platform.HOTLINE,
) -> IncidentLine:
    return IncidentLine(
        id=int(number.rsplit("-", 1)[-1]), number=number, platform=platform.value,
        event_type=event_type, level=level, district=district, place=place, summary="燃气泄漏",
        drill=drill, status=status, started_at=started_at, started_by="值班长",
        stood_down_at=None, linked_orders=0, partners=8, acknowledged=6, overdue=2, refused=0,
    )  # fmt: skip


def overdue(
    alarm_id: int, line: IncidentLine, partner: str = "119 消防救援指挥中心", attempt: int = 2
) -> IncidentAlarm:
    return IncidentAlarm(
        id=alarm_id, incident_number=line.number, level=line.level, drill=line.drill,
        partner_code=f"P-{alarm_id}", partner_name=partner, attempt=attempt,
        fires_at=T0, raised_at=T0.replace(minute=32), acknowledged_by=None, ack_note=None,
    )  # fmt: skip


@dataclass
class FakeIncidents:
    """Incidents by number, their alarms by id, links as (incident, order) pairs; every call
    is counted in :attr:`asked` (thread-safe: reads and writes run on the operations' threads)."""

    incidents: dict[str, IncidentLine] = field(default_factory=dict)
    alarms: dict[int, IncidentAlarm] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, *lines: IncidentLine) -> FakeIncidents:
        for line in lines:
            self.incidents[line.number] = line
        return self

    def active_for(self, district: str) -> list[IncidentLine]:
        with self._lock:
            self.asked.append(f"active_for {district}")
            city = city_of(district)
            lines = [
                x
                for x in self.incidents.values()
                if x.status is IncidentStatus.ACTIVE and city_of(x.district) == city
            ]
        return sorted(lines, key=lambda x: (-x.level.severity, -x.started_at.timestamp()))

    def link(self, by: Seated, number: str, order_number: str) -> None:
        by.require(Capability.LINK_INCIDENT)
        with self._lock:
            self.asked.append(f"link {number} {order_number}")
            line = self.incidents.get(number)
            if line is None:
                raise Refused("unknown_incident", number=number)
            if line.status is not IncidentStatus.ACTIVE:
                raise Refused("incident_stood_down", number=number)
            if (number, order_number) in self.links:
                raise Refused("order_already_linked", order=order_number, number=number)
            self.links.append((number, order_number))

    def incidents_of(self, order_number: str) -> list[str]:
        with self._lock:
            return [number for number, order in self.links if order == order_number]

    def open_alarms(self) -> list[IncidentAlarm]:
        with self._lock:
            self.asked.append("open_alarms")
            return list(self.alarms.values())

    def acknowledge_alarm(self, by: Seated, alarm_id: int, note: str) -> None:
        by.require(Capability.RUN_INCIDENT)
        note = " ".join(note.split())
        if not note:
            raise Refused("ack_needs_note")
        with self._lock:
            alarm = self.alarms.get(alarm_id)
            if alarm is None:
                raise Refused("unknown_alarm", f"no incident alarm {alarm_id}")
            line = self.incidents.get(alarm.incident_number)
            if line is not None and line.platform != by.platform.value:
                raise Refused("incident_of_peer", number=line.number, platform=line.platform)
            if alarm.acknowledged_by is not None:
                raise Refused("already_acknowledged", agent=alarm.acknowledged_by)
            self.alarms[alarm_id] = replace(
                alarm, acknowledged_by=by.principal.display_name, ack_note=note
            )

    def stand_down(self, number: str) -> None:
        """What the lead's stand-down does to what the intake offer sees."""
        with self._lock:
            line = self.incidents[number]
            self.incidents[number] = replace(line, status=IncidentStatus.STOOD_DOWN)
