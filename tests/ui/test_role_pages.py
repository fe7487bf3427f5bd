"""Which role tabs each role gets (the role matrix decides), and how they sit in a window."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.roles import Principal, Role
from console.services.accounts import AccountService
from console.services.audit import create_key, show, verify_trail
from console.store.engine import Database
from console.ui.admin.audit_view import AuditView
from console.ui.admin.pages import RoleServices, RoleWindow, role_pages
from console.ui.admin.users_view import UsersView
from console.ui.operations import Operations
from tests.ui.admin_harness import ADMIN, AUDITOR, FakeClock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _principal(platform: Platform, *roles: Role) -> Principal:
    return Principal("someone", "某人", platform, frozenset(roles))


@pytest.mark.parametrize(
    ("principal", "tabs"),
    [
        (ADMIN, ["tab_users"]),
        (AUDITOR, ["tab_audit"]),
        (_principal(Platform.HOTLINE, Role.AGENT), []),
        (_principal(Platform.POLICE, Role.OPERATOR, Role.SHIFT_LEAD), []),
        (_principal(Platform.HOTLINE, Role.SHIFT_LEAD, Role.ADMIN), ["tab_users"]),
    ],
)
def test_each_role_gets_its_tabs_only(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_ops: Operations,
    tmp_path: Path,
    principal: Principal,
    tabs: list[str],
) -> None:
    key = create_key(tmp_path / "audit.key")
    services = RoleServices(
        accounts=AccountService(sqlite_db, FakeClock(), SecurityPolicy()),
        audit_page=partial(show, sqlite_db),
        verify=partial(verify_trail, sqlite_db, key),
        clock=FakeClock(),
    )
    pages = role_pages(principal, services, admin_ops)
    assert [p.key for p in pages] == tabs
    kinds = {"tab_users": UsersView, "tab_audit": AuditView}
    assert all(isinstance(p.widget, kinds[p.key]) for p in pages)
    window = RoleWindow(principal)
    qtbot.addWidget(window)
    for page in pages:
        window.add_page(page.widget, page.title, page.key)
    assert window.tabs.count() == len(tabs)
    if principal is AUDITOR:
        audit = pages[0].widget
        assert isinstance(audit, AuditView)
        qtbot.waitUntil(lambda: "0" in audit.page_label.text())  # its first page was asked
        assert window.tabs.tabText(0) == "Audit trail(&J)"
