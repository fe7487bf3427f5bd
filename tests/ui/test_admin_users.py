"""The administrator's Users tab: add (password typed twice), new password (unlocks),
roles, disable, remove the app — from the keyboard, refusals (三员分立) said in Chinese; on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.domain.roles import Role
from console.services.accounts import AccountService
from console.store.engine import Database
from console.ui.admin.account_form import Mode
from console.ui.admin.accounts_model import AccountsModel
from console.ui.admin.users_view import UsersView
from console.ui.operations import Operations
from tests.ui.admin_harness import ADMIN, AUDITOR, FakeClock

# The offscreen platform says so when a form row shows or hides in a top-level widget.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
FIRST = "Start-2026x"
GOOD = "Better-2027y"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _view(qtbot: QtBot, service: AccountService, ops: Operations, clock: FakeClock) -> UsersView:
    view = UsersView(service, principal=ADMIN, ops=ops, clock=clock)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    return view


def _type(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.setFocus()
    qtbot.keyClicks(box, text)


def _confirm(qtbot: QtBot, view: UsersView) -> None:
    QTest.keyClick(view.form.focusWidget() or view.form, Qt.Key.Key_Return, CTRL)


def _cell(view: UsersView, login: str, column: int) -> str:
    return str(view.model.index(view.model.row_of(login), column).data())


@pytest.mark.usefixtures("chinese")
def test_admin_adds_resets_sets_roles_disables(
    qtbot: QtBot, db: Database, admin_ops: Operations
) -> None:
    clock = FakeClock()
    service = AccountService(db, clock, SecurityPolicy())
    view = _view(qtbot, service, admin_ops, clock)
    assert view.model.rowCount() == 0
    assert view.model.headerData(AccountsModel.ROLES, Qt.Orientation.Horizontal) == "角色"

    QTest.keyClick(view, Qt.Key.Key_N, ALT)  # New account
    form = view.form
    qtbot.waitUntil(lambda: form.isVisible() and form.login.hasFocus())
    assert form.password.echoMode() is QLineEdit.EchoMode.Password
    _type(qtbot, form.login, "zhangwei")
    form.name.setText("张伟")  # QTest types ASCII only
    form.platform.setCurrentIndex(form.platform.findData(Platform.HOTLINE))
    QTest.keyClick(view, Qt.Key.Key_O, ALT)  # the role list; Space ticks 话务员 (the first)
    qtbot.waitUntil(form.roles.hasFocus)
    QTest.keyClick(form.roles, Qt.Key.Key_Space)
    assert form.ticked() == {Role.AGENT}
    _type(qtbot, form.password, FIRST)
    _type(qtbot, form.again, FIRST + "!")
    _confirm(qtbot, view)
    assert form.message.text() == "两次输入的密码不一致：请把新密码输入两遍。"
    assert form.password.text() == form.again.text() == ""  # typed again, never kept
    _type(qtbot, form.password, FIRST)
    _type(qtbot, form.again, FIRST)
    _confirm(qtbot, view)
    qtbot.waitUntil(lambda: view.model.row_of("zhangwei") >= 0 or bool(form.message.text()))
    assert form.message.text() == ""
    assert not form.isVisible()
    assert _cell(view, "zhangwei", AccountsModel.ROLES) == "话务员"
    assert _cell(view, "zhangwei", AccountsModel.PASSWORD_AGE) == "0 天（待修改）"
    assert _cell(view, "zhangwei", AccountsModel.TOTP) == "未绑定"
    assert view.selected() is not None and view.selected().login == "zhangwei"  # type: ignore[union-attr]
    service.change_password("zhangwei", FIRST, GOOD)

    # Five wrong passwords lock it; a new password from the tab unlocks it.
    for _ in range(5):
        with pytest.raises(Refused):
            service.sign_in("zhangwei", "wrong")
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert _cell(view, "zhangwei", AccountsModel.LOCKED) == "2026-12-05 16:30"
    QTest.keyClick(view, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: form.isVisible() and form.password.hasFocus())
    assert not form.login.isVisible() and not form.roles.isVisible()
    _type(qtbot, form.password, FIRST)
    _type(qtbot, form.again, FIRST)
    with qtbot.waitSignal(view.done, timeout=10_000):
        _confirm(qtbot, view)
    qtbot.waitUntil(lambda: _cell(view, "zhangwei", AccountsModel.LOCKED) == "")
    with pytest.raises(Refused) as refused:
        service.sign_in("zhangwei", FIRST)
    assert refused.value.code == "password_change_needed"  # the new password works, unlocked

    # Roles: add 值班长; then 系统管理员 beside 审计员 is refused (三员分立), in Chinese.
    QTest.keyClick(view, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: form.isVisible() and form.roles.hasFocus())
    assert form.ticked() == {Role.AGENT}
    _tick(form.roles, Role.SHIFT_LEAD)
    with qtbot.waitSignal(view.done, timeout=10_000):
        _confirm(qtbot, view)
    qtbot.waitUntil(lambda: "值班长" in _cell(view, "zhangwei", AccountsModel.ROLES))
    view.open_form(Mode.ROLES)
    for role in (Role.AGENT, Role.SHIFT_LEAD, Role.ADMIN, Role.AUDITOR):
        _tick(form.roles, role)
    assert form.ticked() == {Role.ADMIN, Role.AUDITOR}
    _confirm(qtbot, view)
    qtbot.waitUntil(lambda: form.message.text() != "")
    assert form.message.text() == "同一账号不能既是系统管理员又是审计员（三员分立）。"
    assert form.isVisible() and form.confirm_button.isEnabled()
    QTest.keyClick(form.roles, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())

    # Disable: a yes in the form, then it cannot sign in.
    QTest.keyClick(view, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(form.isVisible)
    assert form.title.text() == "停用 zhangwei (张伟)？停用后不能再登录。"
    with qtbot.waitSignal(view.done, timeout=10_000):
        _confirm(qtbot, view)
    qtbot.waitUntil(lambda: _cell(view, "zhangwei", AccountsModel.ENABLED) == "已停用")
    assert view.status.text() == "已停用账号 zhangwei。"


def _tick(roles: object, role: Role) -> None:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(roles, QListWidget)
    for i in range(roles.count()):
        item = roles.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == role:
            on = item.checkState() is Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)


@pytest.mark.usefixtures("chinese")
def test_a_login_taken_and_a_weak_password_are_said_under_the_form(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations, qtmodeltester: ModelTester
) -> None:
    clock = FakeClock()
    service = AccountService(sqlite_db, clock, SecurityPolicy())
    service.add("liqiang", "李强", Platform.POLICE, [Role.OPERATOR], FIRST)
    view = _view(qtbot, service, admin_ops, clock)
    view.open_form(Mode.ADD)
    form = view.form
    form.login.setText("LiQiang")
    form.name.setText("李强")
    _tick(form.roles, Role.AGENT)
    for box in (form.password, form.again):
        box.setText("short")
    _confirm(qtbot, view)
    qtbot.waitUntil(lambda: form.message.text() != "")
    assert "8" in form.message.text() and form.login.text() == "LiQiang"
    for box in (form.password, form.again):
        box.setText(FIRST)
    form.message.clear()
    _confirm(qtbot, view)
    qtbot.waitUntil(lambda: form.message.text() != "")
    assert "liqiang" in form.message.text()
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)


def test_an_auditor_is_refused_by_the_service_itself(
    qtbot: QtBot, sqlite_db: Database, admin_ops: Operations
) -> None:
    """The tab makes every call as the signed-in principal: the service checks the matrix."""
    clock = FakeClock()
    service = AccountService(sqlite_db, clock, SecurityPolicy())
    view = UsersView(service, principal=AUDITOR, ops=admin_ops, clock=clock)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.status.text() != "")
    assert "Your roles do not allow this." in view.status.text()
    assert view.model.rowCount() == 0
