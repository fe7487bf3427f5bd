"""Emergency linkage (应急联动): the vocabulary of incidents, partners and linkage plans.

The plan's third mechanism: when a natural disaster, an accident, a public-health event or a
social-security event strikes, the platform that learns of it starts the linkage plan (预案) for
the event's type and response level, and every partner the plan names — 119, 120, 122, the
utilities, schools, hospitals, airports, highways, railways — is told what it is asked to do
and must acknowledge within its deadline. This module declares the words once: event types,
the four response levels of the national overall emergency plan (国家突发公共事件总体应急预案:
Ⅰ 特别重大 red, Ⅱ 重大 orange, Ⅲ 较大 yellow, Ⅳ 一般 blue), partner kinds, notification
channels and kinds, how an acknowledgement was given, and the one rule that derives a partner's
state on the board from its dates.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from console.domain.text import QT_TRANSLATE_NOOP, Text


class EventType(enum.StrEnum):
    """The four classes of 突发事件 (the national overall emergency plan, §1.3)."""

    NATURAL = "natural"  # 自然灾害
    ACCIDENT = "accident"  # 事故灾难
    HEALTH = "health"  # 公共卫生事件
    SOCIAL = "social"  # 社会安全事件

    @property
    def term(self) -> str:
        return _EVENT_TERMS[self]

    @property
    def name_text(self) -> Text:
        return _EVENT_NAMES[self]


_EVENT_TERMS = {
    EventType.NATURAL: "自然灾害",
    EventType.ACCIDENT: "事故灾难",
    EventType.HEALTH: "公共卫生事件",
    EventType.SOCIAL: "社会安全事件",
}
_EVENT_NAMES = {
    EventType.NATURAL: QT_TRANSLATE_NOOP("Emergency", "Natural disaster"),
    EventType.ACCIDENT: QT_TRANSLATE_NOOP("Emergency", "Accident disaster"),
    EventType.HEALTH: QT_TRANSLATE_NOOP("Emergency", "Public-health event"),
    EventType.SOCIAL: QT_TRANSLATE_NOOP("Emergency", "Social-security event"),
}


class Level(enum.StrEnum):
    """Response level (响应级别); the value is the Arabic numeral stored and written in files
    (``1`` = Ⅰ, the most severe). Compare severity with :attr:`severity` (higher = worse)."""

    I = "1"  # noqa: E741 - the national plan's own name for the level: Ⅰ 特别重大
    II = "2"  # Ⅱ 重大
    III = "3"  # Ⅲ 较大
    IV = "4"  # Ⅳ 一般

    @property
    def numeral(self) -> str:
        """The Roman numeral the plans print: Ⅰ Ⅱ Ⅲ Ⅳ."""
        return "ⅠⅡⅢⅣ"[int(self.value) - 1]

    @property
    def term(self) -> str:
        return ("特别重大", "重大", "较大", "一般")[int(self.value) - 1]

    @property
    def colour(self) -> str:
        """The level's colour name as the plans use it: red, orange, yellow, blue."""
        return ("red", "orange", "yellow", "blue")[int(self.value) - 1]

    @property
    def colour_text(self) -> Text:
        return _COLOUR_NAMES[int(self.value) - 1]

    @property
    def severity(self) -> int:
        """4 for Ⅰ down to 1 for Ⅳ: raising the level raises this."""
        return 5 - int(self.value)

    @property
    def name_text(self) -> Text:
        return _LEVEL_NAMES[int(self.value) - 1]


_COLOUR_NAMES = (
    QT_TRANSLATE_NOOP("Emergency", "red"),
    QT_TRANSLATE_NOOP("Emergency", "orange"),
    QT_TRANSLATE_NOOP("Emergency", "yellow"),
    QT_TRANSLATE_NOOP("Emergency", "blue"),
)
_LEVEL_NAMES = (
    QT_TRANSLATE_NOOP("Emergency", "Level I, extremely serious"),
    QT_TRANSLATE_NOOP("Emergency", "Level II, serious"),
    QT_TRANSLATE_NOOP("Emergency", "Level III, major"),
    QT_TRANSLATE_NOOP("Emergency", "Level IV, general"),
)


class PartnerKind(enum.StrEnum):
    """What a linkage partner (联动单位) is; plans name kinds, the directory names units."""

    FIRE = "fire"  # 119 消防救援
    AMBULANCE = "ambulance"  # 120 急救
    TRAFFIC = "traffic"  # 122 交通事故报警
    WATER = "water"  # 供水
    POWER = "power"  # 供电
    GAS = "gas"  # 燃气
    HEATING = "heating"  # 供热
    SCHOOL = "school"  # 学校 (the education bureau's duty office)
    HOSPITAL = "hospital"  # 医院
    AIRPORT = "airport"  # 机场
    HIGHWAY = "highway"  # 高速公路
    RAILWAY = "railway"  # 铁路
    EMERGENCY_BUREAU = "emergency_bureau"  # 应急管理局 (the emergency-management duty office)

    @property
    def term(self) -> str:
        return _KIND_TERMS[self]


_KIND_TERMS: Mapping[PartnerKind, str] = MappingProxyType({
    PartnerKind.FIRE: "119 消防救援",
    PartnerKind.AMBULANCE: "120 急救",
    PartnerKind.TRAFFIC: "122 交通事故报警",
    PartnerKind.WATER: "供水",
    PartnerKind.POWER: "供电",
    PartnerKind.GAS: "燃气",
    PartnerKind.HEATING: "供热",
    PartnerKind.SCHOOL: "学校",
    PartnerKind.HOSPITAL: "医院",
    PartnerKind.AIRPORT: "机场",
    PartnerKind.HIGHWAY: "高速公路",
    PartnerKind.RAILWAY: "铁路",
    PartnerKind.EMERGENCY_BUREAU: "应急管理局",
})  # fmt: skip


class Channel(enum.StrEnum):
    """How a partner is notified (its directory entry says which)."""

    SMS = "sms"  # an SMS gateway: ``address`` is the duty mobile
    PLATFORM = "platform"  # an emergency-management platform's interface: ``address`` the unit id
    SIMULATED = "simulated"  # the simulated partner desk (demo, tests)


class AckMeans(enum.StrEnum):
    """How an acknowledgement (or a refusal) reached us."""

    CHANNEL = "channel"  # the channel reported it (the partner answered the SMS or the platform)
    PHONE = "phone"  # by telephone, recorded by hand
    RADIO = "radio"  # by radio, recorded by hand
    IN_PERSON = "in_person"  # in person (the partner's liaison at the command post)
    OTHER = "other"


class NotificationKind(enum.StrEnum):
    """What a notification tells a partner; only asks expect an acknowledgement."""

    ASK = "ask"  # the plan asks this partner to act (start, or a level change that adds it)
    REPEAT = "repeat"  # the same ask again: not acknowledged by its deadline, or by hand
    LEVEL = "level"  # the level changed; the partner stays in the plan (no new deadline)
    RELEASE = "release"  # the level went down and the plan no longer needs this partner
    STAND_DOWN = "stand_down"  # 响应终止: the response is over

    @property
    def expects_ack(self) -> bool:
        return self in (NotificationKind.ASK, NotificationKind.REPEAT)


class IncidentAction(enum.StrEnum):
    """What a line of an incident's timeline records (the value is stored)."""

    START = "start"  # 启动: the plan started
    PLAN_GAP = "plan_gap"  # the plan names kinds the city's directory has no partner for
    LEVEL = "level"  # 升级/降级
    ACKNOWLEDGED = "acknowledged"  # a partner acknowledged (by the channel or by hand)
    REFUSED = "refused"  # a partner refused
    OVERDUE = "overdue"  # a partner's deadline passed unanswered
    REPEAT = "repeat"  # a partner notified again
    LINK = "link"  # an order linked
    STAND_DOWN = "stand_down"  # 响应终止


class IncidentStatus(enum.StrEnum):
    ACTIVE = "active"  # 响应中
    STOOD_DOWN = "stood_down"  # 响应终止


class PartnerState(enum.StrEnum):
    """A partner's line on the board, derived from its dates by :func:`partner_state`."""

    QUEUED = "queued"  # the notification is written, not yet handed to the channel
    NOTIFIED = "notified"  # handed over, waiting for the acknowledgement, inside the deadline
    OVERDUE = "overdue"  # not acknowledged by the deadline
    ACKNOWLEDGED = "acknowledged"
    REFUSED = "refused"  # the partner (or its channel) refused the ask
    RELEASED = "released"  # no longer needed at the current level


def partner_state(
    now: datetime,
    handed_at: datetime | None,
    ack_due_at: datetime | None,
    acked_at: datetime | None,
    refused: bool,
    released_at: datetime | None,
) -> PartnerState:
    """The one rule the board, the report and the peer's copy all read a partner's state by:
    released beats everything (the level went down), then an answer (refused or acknowledged),
    then the deadline (overdue once ``now`` is past ``ack_due_at``), then handed or queued."""
    if released_at is not None:
        return PartnerState.RELEASED
    if acked_at is not None:
        return PartnerState.REFUSED if refused else PartnerState.ACKNOWLEDGED
    if ack_due_at is not None and now > ack_due_at:
        return PartnerState.OVERDUE
    return PartnerState.NOTIFIED if handed_at is not None else PartnerState.QUEUED


@dataclass(frozen=True, slots=True)
class Partner:
    """One linkage partner of the directory (联动单位), in a city (its six-digit code, e.g.
    ``210100``); ``address`` is where its channel reaches it (a mobile for SMS, a unit id for a
    platform). ``demo`` marks the seeded demo directory."""

    code: str
    name: str
    kind: PartnerKind
    city: str
    duty_phone: str
    channel: Channel
    address: str
    demo: bool = False


def notification_key(
    incident_number: str, partner_code: str, kind: NotificationKind, revision: int, attempt: int
) -> str:
    """The idempotency key a channel deduplicates on, fixed when the notification is written:
    one per partner per level change (``revision``), and per repeat (``attempt``). A crash
    never makes a second key for the same notification: the key is stored before it is sent."""
    return f"{incident_number}/{partner_code}/{kind.value}/{revision}/{attempt}"


def city_of(district: str) -> str:
    """The city (地级市) code of a six-digit district code: ``210102`` → ``210100``."""
    if len(district) != 6 or not district.isdigit():
        raise ValueError(f"district code {district!r} must be six digits")
    return district[:4] + "00"


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One line of a plan: every partner of ``kind`` in the incident's city is asked ``task``
    and must acknowledge within ``ack_minutes``. ``figure_ours``: no published figure exists
    for the deadline; the site chose it (the plan file says so)."""

    kind: PartnerKind
    task: str
    ack_minutes: int
    figure_ours: bool = True


@dataclass(frozen=True, slots=True)
class Plan:
    """The linkage plan (预案) for one event type at one response level, from ``source`` (the
    published plan it follows, named in the file) in the file ``path``."""

    event_type: EventType
    level: Level
    steps: tuple[PlanStep, ...]
    source: str
    path: str


@dataclass(frozen=True, slots=True)
class PlanBook:
    """Every plan of the site, by (event type, level). A missing pair has no plan: starting one
    is refused (``no_plan``), so the site sees the gap at once."""

    plans: Mapping[tuple[EventType, Level], Plan]

    def plan(self, event_type: EventType, level: Level) -> Plan | None:
        return self.plans.get((event_type, level))


def plan_partners(
    plan: Plan, directory: Sequence[Partner], city: str
) -> tuple[list[tuple[Partner, PlanStep]], list[PartnerKind]]:
    """Who the plan notifies in ``city``: every partner of each step's kind there, in the plan's
    order (a partner named by two steps is asked once, by the first); and the kinds the plan
    names that the directory has no partner for in that city (the board shows the gap)."""
    chosen: list[tuple[Partner, PlanStep]] = []
    seen: set[str] = set()
    missing: list[PartnerKind] = []
    for step in plan.steps:
        found = [p for p in directory if p.kind is step.kind and p.city == city]
        if not found:
            missing.append(step.kind)
        for partner in sorted(found, key=lambda p: p.code):
            if partner.code not in seen:
                seen.add(partner.code)
                chosen.append((partner, step))
    return chosen, missing
