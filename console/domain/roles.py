"""Who may do what, declared once: the roles, the capabilities and the role matrix.

An account holds one or more :class:`Role`; a signed-in account is a :class:`Principal`. Every
capability a service offers — each order action (an :class:`~console.domain.orders.Action`
member) and the other duties (:class:`Capability`) — has one entry in :data:`MATRIX` naming
which roles may do it at which platform. Anything not granted there is refused:
:func:`allowed` is the one question services ask. ``python -m console roles`` prints it.

Platform-bound roles act only at their own platform: a 12345 shift lead leads 12345, not 110.
The site-wide roles (系统管理员, 审计员) act on the site as a whole, never on orders or calls,
and no account holds both (三员分立: who runs the system does not audit it).

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from console.domain.order_types import Action, Actor, Platform
from console.domain.refusals import Refused
from console.domain.text import QT_TRANSLATE_NOOP, Text


class Role(enum.StrEnum):
    AGENT = "agent"  # 话务员: a 12345 hotline agent
    OPERATOR = "operator"  # 接警员: a 110 alarm operator
    SHIFT_LEAD = "lead"  # 值班长: leads the floor of the account's platform
    ADMIN = "admin"  # 系统管理员: accounts, the directory, policy and configuration
    AUDITOR = "auditor"  # 审计员: reads the audit trail, nothing else


@dataclass(frozen=True, slots=True)
class RoleSpec:
    role: Role
    term: str  # the Chinese term the floor uses (the CLI prints it beside the value)
    name: Text  # what the UI shows
    platform: Platform | None  # the only platform an account with it may belong to; None: any
    site_wide: bool = False  # acts on the site, never at a platform (admin, auditor)


ROLES: Mapping[Role, RoleSpec] = MappingProxyType({s.role: s for s in (
    RoleSpec(Role.AGENT, "话务员", QT_TRANSLATE_NOOP("Roles", "12345 agent"), Platform.HOTLINE),
    RoleSpec(Role.OPERATOR, "接警员", QT_TRANSLATE_NOOP("Roles", "110 operator"), Platform.POLICE),
    RoleSpec(Role.SHIFT_LEAD, "值班长", QT_TRANSLATE_NOOP("Roles", "Shift lead"), None),
    RoleSpec(Role.ADMIN, "系统管理员", QT_TRANSLATE_NOOP("Roles", "System administrator"), None, site_wide=True),
    RoleSpec(Role.AUDITOR, "审计员", QT_TRANSLATE_NOOP("Roles", "Auditor"), None, site_wide=True),
)})  # fmt: skip

EXCLUSIVE = (frozenset({Role.ADMIN, Role.AUDITOR}),)
"""Roles no one account may hold together (三员分立)."""

TOTP_REQUIRED = frozenset({Role.ADMIN, Role.AUDITOR})
"""Roles that always sign in with a one-time code (the site may ask it of everyone)."""


class Capability(enum.StrEnum):
    """What a service offers besides the order actions (those are :class:`Action` members)."""

    TAKE_CALLS = "take_calls"  # answer, hold, hang up; agent states (就绪/示忙); wrap-up codes
    SEE_ORDERS = "see_orders"  # the queues, an order's detail, a caller's history (screen pop)
    ACK_ALARM = "ack_alarm"  # acknowledge an alarm of the platform's own orders
    ESCALATE_ALARM = "escalate_alarm"  # 督办: escalate an alarm to a named person
    SEE_FLOOR = "see_floor"  # every seat's agent state, for the shift lead
    REPORT = "report"  # linkage figures for a period (统计)
    EXPORT = "export"  # orders out to a file
    REVEAL_PERSONAL = "reveal_personal"  # a caller's full number and address, unmasked
    MANAGE_USERS = "manage_users"  # add, disable, reset, set roles
    MANAGE_DIRECTORY = "manage_directory"  # the 12345 dispatch directory (承办单位)
    CHANGE_CONFIG = "change_config"  # site configuration, deadline and security policy
    READ_AUDIT = "read_audit"  # the audit trail, and its export
    SEE_INCIDENTS = "see_incidents"  # the emergency incidents (应急联动): board, intake offer
    LINK_INCIDENT = "link_incident"  # link a call's order to an active incident at intake
    RUN_INCIDENT = "run_incident"  # start a plan, change its level, record answers, stand down
    HOTSPOTS = "hotspots"  # see hot spots (热点分析), make a verification order (核查工单) of one
    CONSULTATION = "consultation"  # 会商: the disputed-matter agenda, its items, rule edits
    MANAGE_KNOWLEDGE = "manage_knowledge"  # the knowledge base's articles (知识库): new versions


Can = Action | Capability
"""Anything :func:`allowed` is asked about."""

SITE = None
"""The "platform" of a site-wide capability (users, policy, the audit trail)."""

H, P = Platform.HOTLINE, Platform.POLICE
_HOTLINE_FLOOR = frozenset({Role.AGENT, Role.SHIFT_LEAD})
_POLICE_FLOOR = frozenset({Role.OPERATOR, Role.SHIFT_LEAD})
_Grants = Mapping[Platform | None, frozenset[Role]]
_FLOORS: _Grants = {H: _HOTLINE_FLOOR, P: _POLICE_FLOOR}  # each platform's seats and its lead
_LEADS: _Grants = {H: frozenset({Role.SHIFT_LEAD}), P: frozenset({Role.SHIFT_LEAD})}
_ADMIN: _Grants = {SITE: frozenset({Role.ADMIN})}

# One line a capability: at which platform (or SITE) which roles may do it. Order actions
# follow the order rules (console/domain/actions.py): dispatch, the department's sign-for and
# escalation to 110 happen at 12345 only; every other step happens at either platform.
_DECLARED: tuple[tuple[Can, _Grants], ...] = (
    (Action.CREATE, _FLOORS),
    (Action.SIGN_FOR, _FLOORS),
    (Action.DEPT_SIGN_FOR, {H: _HOTLINE_FLOOR}),
    (Action.START_HANDLING, _FLOORS),
    (Action.DISPATCH, {H: _HOTLINE_FLOOR}),
    (Action.PROGRESS, _FLOORS),
    (Action.FEED_BACK, _FLOORS),
    (Action.COMPLETE, _FLOORS),
    (Action.RETURN, _FLOORS),
    (Action.TRANSFER, _FLOORS),
    (Action.THREE_WAY, _FLOORS),
    (Action.FIRST_CONTACT, _FLOORS),
    (Action.ESCALATE, {H: _HOTLINE_FLOOR}),
    (Action.CANCEL, _FLOORS),
    (Action.MERGE, _FLOORS),
    (Action.MERGED_IN, _FLOORS),
    (Action.UNMERGE, _FLOORS),
    (Action.SPLIT_OFF, _FLOORS),
    (Capability.TAKE_CALLS, _FLOORS),
    (Capability.SEE_ORDERS, _FLOORS),
    (Capability.ACK_ALARM, _FLOORS),
    (Capability.ESCALATE_ALARM, _LEADS),
    (Capability.SEE_FLOOR, _LEADS),
    (Capability.REPORT, {**_LEADS, **_ADMIN}),  # leads at their platform; admins, the site
    (Capability.EXPORT, _LEADS),
    (Capability.REVEAL_PERSONAL, _FLOORS),
    (Capability.MANAGE_USERS, _ADMIN),
    (Capability.MANAGE_DIRECTORY, _ADMIN),
    (Capability.CHANGE_CONFIG, _ADMIN),
    (Capability.MANAGE_KNOWLEDGE, _ADMIN),
    (Capability.READ_AUDIT, {SITE: frozenset({Role.AUDITOR})}),
    (Capability.SEE_INCIDENTS, _FLOORS),
    (Capability.LINK_INCIDENT, _FLOORS),
    (Capability.RUN_INCIDENT, _LEADS),
    (Capability.HOTSPOTS, {H: frozenset({Role.SHIFT_LEAD})}),  # 12345 dispatches (派单)
    (Capability.CONSULTATION, {**_LEADS, **_ADMIN}),  # 会商: leads at their platform; admins
)

MATRIX: Mapping[Can, _Grants] = MappingProxyType(
    {can: MappingProxyType(dict(grants)) for can, grants in _DECLARED}
)
"""Every capability → {platform, or SITE: the roles that may do it there}. Not listed: refused."""


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in account: who acts, at which platform, with which roles."""

    login: str
    display_name: str
    platform: Platform
    roles: frozenset[Role]


def allowed(principal: Principal, can: Can, platform: Platform | None) -> bool:
    """Whether ``principal`` may do ``can`` at ``platform`` (:data:`SITE` for site-wide
    capabilities). A platform role counts only at the principal's own platform; anything the
    matrix does not grant, or asks at the wrong kind of place, is refused."""
    grants = MATRIX.get(can)
    if grants is None or platform not in grants:
        return False
    if platform is not SITE and platform != principal.platform:
        return False
    return bool(grants[platform] & principal.roles)


def allowed_anywhere(principal: Principal, can: Can) -> bool:
    """Whether ``principal`` may do ``can`` at its own platform or for the site (a shift
    lead's tab, which an administrator has site-wide)."""
    return allowed(principal, can, principal.platform) or allowed(principal, can, SITE)


def require(principal: Principal, can: Can, platform: Platform | None) -> None:
    """Refuse (``not_allowed``) what :func:`allowed` does not grant; the log names who and what."""
    if not allowed(principal, can, platform):
        where = "the site" if platform is SITE else platform.value
        raise Refused("not_allowed", f"{principal.login!r} may not {can.value} at {where}")


@dataclass(frozen=True, slots=True)
class Seated:
    """A signed-in principal at a seat: how a service learns who acts. The :class:`Actor` every
    step is stamped with is derived here — the principal's display name and platform, the
    seat's id — so no caller can name an identity or a platform of its own. The audit trail
    records the principal's login."""

    principal: Principal
    seat: str
    actor: Actor = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        p = self.principal
        object.__setattr__(self, "actor", Actor(p.display_name, self.seat, p.platform))

    @property
    def login(self) -> str:
        return self.principal.login

    @property
    def platform(self) -> Platform:
        return self.principal.platform

    def may(self, can: Can) -> bool:
        """Whether the principal may do ``can`` at this seat's (its own) platform."""
        return allowed(self.principal, can, self.principal.platform)

    def require(self, can: Can) -> None:
        """Refuse (``not_allowed``) what the principal may not do at this seat."""
        require(self.principal, can, self.principal.platform)


def check_roles(roles: Iterable[Role], platform: Platform) -> frozenset[Role]:
    """The roles an account of ``platform`` may hold together, or :class:`Refused`."""
    held = frozenset(roles)
    if not held:
        raise Refused("roles_empty")
    for exclusive in EXCLUSIVE:
        if exclusive <= held:
            a, b = sorted(exclusive)
            raise Refused("roles_exclusive", first=ROLES[a].term, second=ROLES[b].term)
    for role in sorted(held):
        bound = ROLES[role].platform
        if bound is not None and bound != platform:
            raise Refused("role_wrong_platform", role=ROLES[role].term, platform=bound.value)
    return held


def needs_totp(roles: Iterable[Role], for_all: bool) -> bool:
    """Whether an account with ``roles`` signs in with a one-time code."""
    return for_all or bool(TOTP_REQUIRED & frozenset(roles))


def matrix_rows() -> list[tuple[str, str, list[str]]]:
    """The matrix as (capability, platform or "site", roles in declaration order) rows."""
    rows = []
    for can, grants in MATRIX.items():
        for platform, roles in grants.items():
            where = "site" if platform is SITE else platform.value
            rows.append((can.value, where, [r.value for r in Role if r in roles]))
    return rows
