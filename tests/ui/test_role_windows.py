"""Accounts that work no seat (issue 13): an auditor signing in at a seat gets a window of the
Audit tab only — no seat, no switch, no queues — and its sign-out is on the audit trail; a floor
account gets its seat window (with an administrator's tabs beside it when it has them)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from console.app_roles import SlotParts, seat_slots, works_a_seat
from console.domain.audit import AuditAction
from console.domain.orders import Platform
from console.domain.roles import Principal, Role
from console.services import audit
from console.store.engine import Database
from console.ui.admin.audit_view import AuditView
from tests.principals import at_seat
from tests.ui.role_harness import never
from tests.waiting import wait_until


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen only
def test_an_auditor_gets_the_audit_tab_only_and_signing_out_is_recorded(
    qtbot: QtBot, parts: SlotParts, sqlite_db: Database
) -> None:
    (slot,) = seat_slots([at_seat("审计", "A-01", Platform.HOTLINE)], parts, never, never)
    qtbot.addWidget(slot.screen)
    auditor = Principal("shenji", "审计员甲", Platform.HOTLINE, frozenset({Role.AUDITOR}))
    slot.open(auditor)
    window = slot.role_window
    assert window is not None
    qtbot.addWidget(window)
    assert window is not None and slot.part is None and slot.front is window
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    assert tabs.count() == 1 and isinstance(tabs.widget(0), AuditView)
    slot.sign_out()
    assert slot.role_window is None and slot.front is slot.screen
    wait_until(
        lambda: [r.action for r in audit.show(sqlite_db, who="shenji")] == [AuditAction.SIGN_OUT],
        what="the auditor's sign-out on the trail",
    )


def test_who_works_a_seat() -> None:
    agent = Principal("wangli", "王丽", Platform.HOTLINE, frozenset({Role.AGENT}))
    admin = Principal("it", "管理员", Platform.HOTLINE, frozenset({Role.ADMIN}))
    auditor = Principal("shenji", "审计员", Platform.HOTLINE, frozenset({Role.AUDITOR}))
    assert works_a_seat(agent, "A-01")
    assert not works_a_seat(admin, "A-01") and not works_a_seat(auditor, "A-01")
