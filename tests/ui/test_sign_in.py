"""The sign-in form (console/ui/sign_in.py): keyboard only, refusals said under the form with
the login kept and the password cleared, the next steps in the same window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.roles import Principal, Role
from console.services.accounts import AccountService
from console.services.sessions import SeatSessions, SessionEvent, SessionNote
from console.store.engine import Database
from console.ui.sign_in import CHANGE, CREDENTIALS, ENROL, RECOVERY, SignInForm
from tests.ui.ops_doubles import InlineOperations

PASSWORD = "Seat-pass-1"
# The offscreen platform says so when a shown form's minimum size changes (a field appears).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Scene:
    def __init__(self, db: Database, qtbot: QtBot) -> None:
        self.clock = Clock()
        self.accounts = AccountService(db, self.clock, SecurityPolicy())
        self.notes: list[SessionNote] = []
        self.sessions = SeatSessions(self.accounts, self.clock, "A-01", Platform.HOTLINE)
        self.sessions.listen(self.notes.append)
        self.form = SignInForm(self.sessions, InlineOperations())
        qtbot.addWidget(self.form)
        self.form.show()
        self.signed: list[Principal] = []
        self.form.signed_in.connect(self.signed.append)

    def add(self, login: str, roles: set[Role], ready: bool = True) -> None:
        self.accounts.add(login, login.title(), Platform.HOTLINE, roles, "First-pass-1")
        if ready:
            self.accounts.change_password(login, "First-pass-1", PASSWORD)

    def type_in(self, login: str, password: str) -> None:
        self.form.login.setFocus()
        self.form.login.clear()
        QTest.keyClicks(self.form.login, login)
        QTest.keyClick(self.form.login, Qt.Key.Key_Return)  # Enter moves on to the password
        assert self.form.password.hasFocus()
        self.form.password.setText(password)  # keyClicks would take seconds for 10 kB
        QTest.keyClick(self.form.password, Qt.Key.Key_Return)


@pytest.fixture
def scene(qtbot: QtBot, sqlite_db: Database) -> Scene:
    return Scene(sqlite_db, qtbot)


def test_the_right_password_signs_in(scene: Scene) -> None:
    scene.add("wangli", {Role.AGENT})
    scene.type_in("wangli", PASSWORD)
    assert [p.login for p in scene.signed] == ["wangli"]
    assert scene.form.password.text() == ""  # nothing kept once signed in
    assert [n.event for n in scene.notes][-1] is SessionEvent.SIGNED_IN


def test_a_wrong_password_is_refused_in_chinese_the_login_kept(scene: Scene, chinese: None) -> None:
    scene.add("wangli", {Role.AGENT})
    scene.type_in("WangLi", "wrong-password-1")
    assert scene.signed == []
    assert scene.form.message.text().startswith("账号或口令错误")
    assert scene.form.login.text() == "WangLi"
    assert scene.form.password.text() == ""
    assert scene.form.password.hasFocus()


def test_five_wrong_tries_lock_the_account_even_the_right_password_then(scene: Scene) -> None:
    scene.add("wangli", {Role.AGENT})
    for _ in range(5):
        scene.type_in("wangli", "wrong-password-1")
    assert "locked until" in scene.form.message.text()
    scene.type_in("wangli", PASSWORD)
    assert scene.signed == []
    assert "locked until" in scene.form.message.text()
    assert SessionEvent.LOCKED_OUT in [n.event for n in scene.notes]
    scene.clock.now += timedelta(minutes=31)
    scene.type_in("wangli", PASSWORD)
    assert [p.login for p in scene.signed] == ["wangli"]


@pytest.mark.parametrize(
    ("password", "said"),
    [
        ("", "Enter your login and your password."),
        ("x" * 10_240, "A password has at most"),
        ("Seat\x00pass-1", "The login or the password is wrong"),
    ],
)
def test_hostile_input_is_a_refusal_never_a_traceback(
    scene: Scene, password: str, said: str
) -> None:
    scene.add("wangli", {Role.AGENT})
    scene.type_in("wangli", password)
    if not password:  # Enter on an empty password field: said, not tried
        QTest.keyClick(scene.form.password, Qt.Key.Key_Return)
    assert scene.form.message.text().startswith(said)
    assert scene.signed == []


def test_the_first_sign_in_changes_the_password_in_the_same_window(scene: Scene) -> None:
    scene.add("wangli", {Role.AGENT}, ready=False)
    scene.type_in("wangli", "First-pass-1")
    assert scene.form.pages.currentIndex() == CHANGE
    assert scene.form.new_password.hasFocus()
    QTest.keyClicks(scene.form.new_password, "New-pass-22")
    QTest.keyClick(scene.form.new_password, Qt.Key.Key_Return)
    QTest.keyClicks(scene.form.repeat, "New-pass-23")
    QTest.keyClick(scene.form.repeat, Qt.Key.Key_Return)
    assert "differ" in scene.form.message.text()
    QTest.keyClicks(scene.form.repeat, "New-pass-22")
    QTest.keyClick(scene.form.repeat, Qt.Key.Key_Return)
    assert [p.login for p in scene.signed] == ["wangli"]
    assert scene.form.pages.currentIndex() == CREDENTIALS
    assert scene.accounts.sign_in("wangli", "New-pass-22").login == "wangli"


def test_an_administrator_enrols_an_authenticator_app_then_signs_in_with_its_code(
    scene: Scene,
) -> None:
    scene.add("admin1", {Role.ADMIN}, ready=False)
    scene.type_in("admin1", "First-pass-1")
    for field in (scene.form.new_password, scene.form.repeat):
        QTest.keyClicks(field, PASSWORD)
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert scene.form.pages.currentIndex() == ENROL
    assert not scene.form.qr.pixmap().isNull()  # the QR code, from the PNG bytes
    secret = scene.form.secret.text()
    code = pyotp.TOTP(secret).at(scene.clock.now)
    QTest.keyClicks(scene.form.enrol_code, code)
    QTest.keyClick(scene.form.enrol_code, Qt.Key.Key_Return)
    assert scene.form.pages.currentIndex() == RECOVERY
    assert len(scene.form.codes.text().splitlines()) == 10  # shown once
    assert scene.signed == []
    scene.form.codes_go.click()
    assert [p.login for p in scene.signed] == ["admin1"]
    assert scene.form.codes.text() == ""

    scene.clock.now += timedelta(minutes=1)  # the next sign-in asks for the code
    scene.type_in("admin1", PASSWORD)
    assert scene.form.code.isVisible() and scene.form.code.hasFocus()
    QTest.keyClicks(scene.form.code, pyotp.TOTP(secret).at(scene.clock.now))
    QTest.keyClick(scene.form.code, Qt.Key.Key_Return)
    assert [p.login for p in scene.signed] == ["admin1", "admin1"]


def test_an_account_of_the_other_platform_is_refused_at_this_seat(scene: Scene) -> None:
    scene.accounts.add("liqiang", "李强", Platform.POLICE, {Role.OPERATOR}, "First-pass-1")
    scene.accounts.change_password("liqiang", "First-pass-1", PASSWORD)
    scene.type_in("liqiang", PASSWORD)
    assert scene.signed == []
    assert "This seat takes 12345 calls" in scene.form.message.text()
