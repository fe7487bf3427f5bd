"""The principals tests act as, made in one place: a signed-in account of each role at a seat.

``at_seat(name, seat, platform)`` is the platform's floor role (12345 agent, 110 operator) at a
seat — what most tests need; ``lead``, ``nobody``, ``admin`` and ``auditor`` the others. The
login is the display name unless given: the audit trail shows it.
"""

from __future__ import annotations

from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated

FLOOR_ROLE = {Platform.HOTLINE: Role.AGENT, Platform.POLICE: Role.OPERATOR}


def principal(name: str, platform: Platform, *roles: Role, login: str | None = None) -> Principal:
    return Principal(login or name, name, platform, frozenset(roles))


def at_seat(
    name: str, seat: str, platform: Platform, *roles: Role, login: str | None = None
) -> Seated:
    """``name`` at ``seat``, with ``roles`` (the platform's floor role when none are given)."""
    held = roles or (FLOOR_ROLE[platform],)
    return Seated(principal(name, platform, *held, login=login), seat)


def lead(name: str, seat: str, platform: Platform) -> Seated:
    """A shift lead (值班长) of ``platform`` who also works a seat."""
    return at_seat(name, seat, platform, FLOOR_ROLE[platform], Role.SHIFT_LEAD)


def nobody(seat: str = "A-01", platform: Platform = Platform.HOTLINE) -> Seated:
    """A signed-in account with no roles at all: refused everything."""
    return Seated(principal("无角色", platform), seat)


def admin(seat: str = "A-01", platform: Platform = Platform.HOTLINE) -> Seated:
    return at_seat("管理员", seat, platform, Role.ADMIN)


def auditor(seat: str = "A-01", platform: Platform = Platform.HOTLINE) -> Seated:
    return at_seat("审计员", seat, platform, Role.AUDITOR)


def forged(seat: str, platform: Platform) -> Seated:
    """A 12345 agent's roles on an account claiming ``platform``: the matrix counts the roles
    at their own platform only, so at 110 it is refused."""
    return at_seat("冒充", seat, platform, Role.AGENT)
