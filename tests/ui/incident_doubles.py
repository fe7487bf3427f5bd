"""An in-memory :class:`IncidentService` for the emergency board's tests and screenshots: the same
methods and return types as ``console/services/incidents.py`` (see notes/incident_api.md), the
same refusals (:class:`Refused` with the declared codes) where the real one gives them, a clock
the test moves. Partner states are derived by the domain's one rule (``partner_state``).

:func:`seeded` is the board the screenshots show: an active Ⅱ-level incident with 8 partners,
5 acknowledged, 1 waiting, 2 overdue; a Ⅳ-level drill; one stood down this morning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from console.domain.emergency import (
    AckMeans,
    Channel,
    EventType,
    IncidentStatus,
    Level,
    Partner,
    PartnerKind,
    Plan,
    PlanStep,
    city_of,
    partner_state,
    plan_partners,
)
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.incident_views import (
    IncidentAlarm,
    IncidentDetail,
    IncidentDraft,
    IncidentEvent,
    IncidentLine,
    LinkedOrder,
    PartnerLine,
)

K = PartnerKind
CITY = "210100"  # 沈阳市
DIRECTORY = [
    Partner("SY-119", "沈阳市消防救援支队指挥中心", K.FIRE, CITY, "024-119", Channel.SIMULATED, "sim-1", True),
    Partner("SY-120", "沈阳市急救中心", K.AMBULANCE, CITY, "024-120", Channel.SIMULATED, "sim-2", True),
    Partner("SY-122", "沈阳市公安局交警支队", K.TRAFFIC, CITY, "024-122", Channel.SIMULATED, "sim-3", True),
    Partner("SY-WATER", "沈阳水务集团调度中心", K.WATER, CITY, "024-2288", Channel.SMS, "13800000001", True),
    Partner("SY-POWER", "国网沈阳供电公司调度", K.POWER, CITY, "024-95598", Channel.SMS, "13800000002", True),
    Partner("SY-GAS", "沈阳燃气集团抢修中心", K.GAS, CITY, "024-2345", Channel.SMS, "13800000003", True),
    Partner("SY-HOSP", "中国医大一院急诊科", K.HOSPITAL, CITY, "024-8328", Channel.PLATFORM, "H-01", True),
    Partner("SY-YJJ", "沈阳市应急管理局值班室", K.EMERGENCY_BUREAU, CITY, "024-2271", Channel.PLATFORM, "Y-01", True),
    Partner("SY-HEAT", "沈阳供暖集团", K.HEATING, CITY, "024-2411", Channel.SMS, "13800000004", True),
    Partner("SY-EDU", "沈阳市教育局值班室", K.SCHOOL, CITY, "024-2273", Channel.SMS, "13800000005", True),
    Partner("SY-RAIL", "沈阳铁路局调度所", K.RAILWAY, CITY, "024-6206", Channel.PLATFORM, "R-01", True),
]  # fmt: skip
_ASKS = {
    K.FIRE: ("出动救援力量，控制现场", 10), K.AMBULANCE: ("派出救护车，现场急救", 10),
    K.TRAFFIC: ("现场交通管制，开辟救援通道", 15), K.WATER: ("关阀止水，保障供水", 15),
    K.POWER: ("排查线路，保障救援用电", 15), K.GAS: ("关闭燃气阀门，排查泄漏", 15),
    K.HOSPITAL: ("准备收治伤员", 20), K.EMERGENCY_BUREAU: ("启动应急响应，协调各方", 60),
    K.HEATING: ("排查供热管网", 30), K.SCHOOL: ("组织学生避险", 30),
    K.RAILWAY: ("调整列车运行", 30), K.AIRPORT: ("调整航班", 30),
}  # fmt: skip
_BY_LEVEL = {
    Level.IV: (K.FIRE, K.AMBULANCE, K.TRAFFIC),
    Level.III: (K.FIRE, K.AMBULANCE, K.TRAFFIC, K.WATER, K.POWER, K.GAS),
    Level.II: (K.FIRE, K.AMBULANCE, K.TRAFFIC, K.WATER, K.POWER, K.GAS, K.HOSPITAL,
               K.EMERGENCY_BUREAU),
    Level.I: (K.FIRE, K.AMBULANCE, K.TRAFFIC, K.WATER, K.POWER, K.GAS, K.HOSPITAL,
              K.EMERGENCY_BUREAU, K.HEATING, K.SCHOOL, K.RAILWAY, K.AIRPORT),
}  # fmt: skip
T0 = datetime(2026, 12, 5, 6, 20, tzinfo=UTC)  # 14:20 China time


def plan(event_type: EventType, level: Level) -> Plan:
    steps = tuple(PlanStep(k, _ASKS[k][0], _ASKS[k][1]) for k in _BY_LEVEL[level])
    return Plan(event_type, level, steps, "演示预案（本站数字）", "db/plans/demo.toml")


@dataclass
class _Partner:
    partner: Partner
    task: str
    revision: int
    notified_at: datetime
    ack_due_at: datetime
    attempts: int = 1
    acked_at: datetime | None = None
    means: AckMeans | None = None
    ack_by: str | None = None
    recorded_by: str | None = None
    refused: bool = False
    released_at: datetime | None = None


@dataclass
class _Incident:
    line: IncidentLine
    partners: dict[str, _Partner] = field(default_factory=dict)
    events: list[IncidentEvent] = field(default_factory=list)
    orders: list[LinkedOrder] = field(default_factory=list)
    missing: list[PartnerKind] = field(default_factory=list)
    revision: int = 0


class FakeIncidents:
    """The incident service in memory. ``now`` is its clock; ``calls`` every write asked."""

    def __init__(self, platform: str = "12345", now: datetime = T0) -> None:
        self.platform = platform
        self.now = now
        self.districts = {"210100", "210102", "210103", "210104", "210105", "210106"}
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self._incidents: dict[str, _Incident] = {}

    # -------------------------------------------------------------- writes

    def start(self, by: Seated, draft: IncidentDraft) -> IncidentLine:
        by.require(Capability.RUN_INCIDENT)
        self.calls.append(("start", (draft,)))
        if not draft.place.strip():
            raise Refused("incident_needs_place")
        if not draft.summary.strip():
            raise Refused("incident_needs_summary")
        if draft.district not in self.districts:
            raise Refused("unknown_district", district=draft.district)
        day = self.now.strftime("%Y%m%d")
        number = f"{self.platform}-YJ-{day}-{len(self._incidents) + 1:03}"
        line = IncidentLine(
            id=len(self._incidents) + 1, number=number, platform=self.platform,
            event_type=draft.event_type, level=draft.level, district=draft.district,
            place=draft.place, summary=draft.summary, drill=draft.drill,
            status=IncidentStatus.ACTIVE, started_at=self.now, started_by=by.actor.name,
            stood_down_at=None, linked_orders=0, partners=0, acknowledged=0, overdue=0, refused=0,
        )  # fmt: skip
        incident = _Incident(line)
        self._incidents[number] = incident
        self._event(incident, by, "start", f"{draft.level.numeral} {draft.summary}")
        self._notify_plan(incident, by)
        if draft.from_order:
            self.link(by, number, draft.from_order)
        return self._line(incident)

    def change_level(self, by: Seated, number: str, level: Level, note: str) -> IncidentLine:
        incident = self._runnable(by, number)
        self.calls.append(("change_level", (number, level, note)))
        if level is incident.line.level:
            raise Refused("same_level")
        incident.line = replace(incident.line, level=level)
        incident.revision += 1
        self._event(incident, by, "level", f"{level.numeral} {note}")
        self._notify_plan(incident, by)
        return self._line(incident)

    def record_answer(
        self, by: Seated, number: str, partner_code: str, means: AckMeans, who: str,
        at: datetime | None = None, note: str = "", refused: bool = False,
    ) -> None:  # fmt: skip
        incident = self._runnable(by, number)
        self.calls.append(("record_answer", (number, partner_code, means, who, at, note, refused)))
        held = self._partner(incident, partner_code)
        if held.acked_at is not None:
            raise Refused("already_answered", partner=held.partner.name, by=held.ack_by or "")
        if not who.strip():
            raise Refused("answer_needs_who")
        if at is not None and at > self.now:
            raise Refused("answer_in_future")
        held.acked_at, held.means, held.ack_by = at or self.now, means, who
        held.recorded_by, held.refused = by.actor.name, refused
        action = "refused" if refused else "acknowledged"
        self._event(incident, by, action, f"{held.partner.name}: {who} {note}".strip())

    def repeat(self, by: Seated, number: str, partner_code: str) -> None:
        incident = self._runnable(by, number)
        self.calls.append(("repeat", (number, partner_code)))
        held = self._partner(incident, partner_code)
        if held.acked_at is not None:
            raise Refused("already_answered", partner=held.partner.name, by=held.ack_by or "")
        held.attempts += 1
        held.ack_due_at = self.now + timedelta(minutes=_ASKS[held.partner.kind][1])
        self._event(incident, by, "repeat", held.partner.name)

    def stand_down(self, by: Seated, number: str, summary: str) -> None:
        incident = self._runnable(by, number)
        self.calls.append(("stand_down", (number, summary)))
        if not summary.strip():
            raise Refused("incident_needs_summary")
        incident.line = replace(
            incident.line, status=IncidentStatus.STOOD_DOWN, stood_down_at=self.now
        )
        self._event(incident, by, "stand_down", summary)

    def link(self, by: Seated, number: str, order_number: str) -> None:
        by.require(Capability.LINK_INCIDENT)
        incident = self._find(number)
        if any(o.number == order_number for o in incident.orders):
            raise Refused("order_already_linked", order=order_number, number=number)
        incident.orders.append(
            LinkedOrder(order_number, "C-QZ", "received", self.now, self.now, by.actor.name)
        )
        self._event(incident, by, "link", order_number)

    def acknowledge_alarm(self, by: Seated, alarm_id: int, note: str) -> None:
        by.require(Capability.RUN_INCIDENT)

    # -------------------------------------------------------------- reads

    def preview(
        self, event_type: EventType, level: Level, district: str
    ) -> tuple[list[tuple[Partner, PlanStep]], list[PartnerKind]]:
        if district not in self.districts:
            raise Refused("unknown_district", district=district)
        return plan_partners(plan(event_type, level), DIRECTORY, city_of(district))

    def board(self) -> list[IncidentLine]:
        lines = [self._line(i) for i in self._incidents.values()]
        active = [x for x in lines if x.status is IncidentStatus.ACTIVE]
        active.sort(key=lambda x: (-x.level.severity, -x.started_at.timestamp()))
        over = [x for x in lines if x.status is IncidentStatus.STOOD_DOWN and x.stood_down_at
                and self.now - x.stood_down_at < timedelta(hours=24)]  # fmt: skip
        return active + sorted(over, key=lambda x: x.started_at, reverse=True)

    def detail(self, number: str) -> IncidentDetail:
        incident = self._find(number)
        partners = [self._partner_line(p) for p in incident.partners.values()]
        return IncidentDetail(self._line(incident), partners, list(reversed(incident.events)),
                              list(incident.orders), list(incident.missing))  # fmt: skip

    def active_for(self, district: str) -> list[IncidentLine]:
        return [x for x in self.board() if x.status is IncidentStatus.ACTIVE
                and city_of(x.district) == city_of(district)]  # fmt: skip

    def incidents_of(self, order_number: str) -> list[str]:
        return [n for n, i in self._incidents.items()
                if any(o.number == order_number for o in i.orders)]  # fmt: skip

    def open_alarms(self) -> list[IncidentAlarm]:
        alarms = []
        for incident in self._incidents.values():
            if incident.line.status is not IncidentStatus.ACTIVE:
                continue
            for held in incident.partners.values():
                line = self._partner_line(held)
                if line.state.value == "overdue":
                    alarms.append(IncidentAlarm(
                        len(alarms) + 1, incident.line.number, incident.line.level,
                        incident.line.drill, held.partner.code, held.partner.name,
                        held.attempts, held.ack_due_at, held.ack_due_at, None, None,
                    ))  # fmt: skip
        return alarms

    # -------------------------------------------------------------- the fake's own

    def _find(self, number: str) -> _Incident:
        incident = self._incidents.get(number)
        if incident is None:
            raise Refused("unknown_incident", number=number)
        return incident

    def _runnable(self, by: Seated, number: str) -> _Incident:
        by.require(Capability.RUN_INCIDENT)
        incident = self._find(number)
        if incident.line.status is IncidentStatus.STOOD_DOWN:
            raise Refused("incident_stood_down", number=number)
        if incident.line.platform != by.platform.value:
            raise Refused("incident_of_peer", number=number, platform=incident.line.platform)
        return incident

    def _partner(self, incident: _Incident, code: str) -> _Partner:
        held = incident.partners.get(code)
        if held is None:
            raise Refused("unknown_partner", partner=code)
        if held.released_at is not None:
            raise Refused("partner_released", partner=held.partner.name)
        return held

    def _notify_plan(self, incident: _Incident, by: Seated) -> None:
        line = incident.line
        chosen, incident.missing = plan_partners(
            plan(line.event_type, line.level), DIRECTORY, city_of(line.district)
        )
        wanted = {p.code for p, _ in chosen}
        for code, held in incident.partners.items():
            if code not in wanted and held.released_at is None:
                held.released_at = self.now
            elif code in wanted:
                held.released_at = None
        for partner, step in chosen:
            if partner.code not in incident.partners:
                incident.partners[partner.code] = _Partner(
                    partner, step.task, incident.revision, self.now,
                    self.now + timedelta(minutes=step.ack_minutes),
                )  # fmt: skip

    def _partner_line(self, held: _Partner) -> PartnerLine:
        p = held.partner
        state = partner_state(self.now, held.notified_at, held.ack_due_at, held.acked_at,
                              held.refused, held.released_at)  # fmt: skip
        return PartnerLine(
            p.code, p.name, p.kind, p.duty_phone, held.task, state, held.revision,
            held.notified_at, held.notified_at, held.ack_due_at, held.attempts, held.acked_at,
            held.means, held.ack_by, held.recorded_by, held.released_at,
        )  # fmt: skip

    def _line(self, incident: _Incident) -> IncidentLine:
        states = [self._partner_line(p).state.value for p in incident.partners.values()]
        return replace(
            incident.line,
            linked_orders=len(incident.orders),
            partners=sum(s != "released" for s in states),
            acknowledged=states.count("acknowledged"),
            overdue=states.count("overdue"),
            refused=states.count("refused"),
        )

    def _event(self, incident: _Incident, by: Seated, action: str, detail: str) -> None:
        incident.events.append(IncidentEvent(self.now, action, by.actor.name, by.seat,
                                             by.platform.value, detail))  # fmt: skip


def seeded(by: Seated, now: datetime = T0) -> FakeIncidents:
    """The screenshots' board (``by``: a shift lead of 12345): a Ⅱ-level accident 40 minutes old
    with 8 partners — 5 acknowledged, the emergency bureau waiting, power and gas overdue —
    and 3 linked orders; a Ⅳ-level drill; a Ⅲ-level incident stood down this morning."""
    fake = FakeIncidents(by.platform.value, now - timedelta(hours=6))
    gone = fake.start(by, IncidentDraft(EventType.NATURAL, Level.III, "210106", "北二路积水路段",
                                        "暴雨致道路积水，多车被困"))  # fmt: skip
    fake.now += timedelta(minutes=8)
    for code in ("SY-119", "SY-120", "SY-122", "SY-WATER", "SY-POWER", "SY-GAS"):
        fake.record_answer(by, gone.number, code, AckMeans.CHANNEL, "值班员")
    fake.now += timedelta(hours=2)
    fake.stand_down(by, gone.number, "积水排除，交通恢复")
    fake.now = now - timedelta(minutes=40)
    big = fake.start(by, IncidentDraft(
        EventType.ACCIDENT, Level.II, "210103", "青年大街与十一纬路交叉口",
        "燃气管道破裂起火，周边居民楼疏散，多人受伤", from_order="12345-20261205-000123",
    ))  # fmt: skip
    fake.now = now - timedelta(minutes=25)
    for code, who in (("SY-119", "李队长"), ("SY-120", "王医生"), ("SY-122", "赵警官"),
                      ("SY-WATER", "调度 刘"), ("SY-HOSP", "急诊 陈主任")):  # fmt: skip
        fake.record_answer(by, big.number, code, AckMeans.PHONE if code == "SY-HOSP"
                           else AckMeans.CHANNEL, who)  # fmt: skip
    for order in ("12345-20261205-000131", "12345-20261205-000140"):
        fake.link(by, big.number, order)
    fake.now = now - timedelta(minutes=12)
    fake.start(by, IncidentDraft(EventType.HEALTH, Level.IV, "210102", "南京南街某小学",
                                 "疑似食物中毒处置演练", drill=True))  # fmt: skip
    fake.now = now
    fake.calls.clear()
    return fake
