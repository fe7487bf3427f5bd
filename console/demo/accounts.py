"""The demo's accounts: one for each kind of seat and a shift lead, with one known password.

``python -m console demo-data`` adds them (once; an existing login is left alone) and
``--demo-sign-in`` signs the one of the seat's platform in, so ``make run`` opens both seats
with no typing. A real site never runs either: its accounts come from ``users add``.
"""

from __future__ import annotations

from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Role
from console.services.accounts import AccountService

DEMO_PASSWORD = "Demo-2026"
_FIRST = "Demo-first-1"  # replaced at once: a new account's password is to be changed

DEMO_ACCOUNTS: tuple[tuple[str, str, Platform, frozenset[Role]], ...] = (
    ("demo12345", "王丽（演示）", Platform.HOTLINE, frozenset({Role.AGENT})),
    ("demo110", "李强（演示）", Platform.POLICE, frozenset({Role.OPERATOR})),
    ("demolead", "张敏（演示值班长）", Platform.HOTLINE, frozenset({Role.SHIFT_LEAD})),
)


def demo_login(platform: Platform) -> tuple[str, str]:
    """The login and password ``--demo-sign-in`` uses at a seat of ``platform``."""
    login = "demo12345" if platform is Platform.HOTLINE else "demo110"
    return login, DEMO_PASSWORD


def add_demo_accounts(accounts: AccountService) -> int:
    """Add the demo accounts that are missing, ready to sign in; returns how many were added."""
    added = 0
    for login, name, platform, roles in DEMO_ACCOUNTS:
        try:
            accounts.add(login, name, platform, roles, _FIRST)
        except Refused as exc:
            if exc.code == "login_taken":
                continue
            raise
        accounts.change_password(login, _FIRST, DEMO_PASSWORD)
        added += 1
    return added
