"""Which role tabs a signed-in principal gets, decided by the role matrix
(``console.domain.roles.allowed``): an administrator (MANAGE_USERS) the Users tab, and
(MANAGE_KNOWLEDGE) the Knowledge tab when the knowledge service is given, an auditor
(READ_AUDIT) the Audit tab. Nothing else is offered here: seats and queues are the floor's.

The composition root builds :class:`RoleServices` once (the accounts service, the trail's page
and check with the database and key bound) and adds each page to the window:
:meth:`console.ui.main_window.MainWindow.add_page` for an account that also works a seat, or a
:class:`RoleWindow` — tabs only, no seat, no call area — for one that does not (an auditor).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from console.domain.audit import Verdict
from console.domain.roles import SITE, Capability, Principal, allowed
from console.services.accounts import AccountService
from console.services.knowledge import KnowledgeService
from console.ui.admin.audit_model import Fetch
from console.ui.admin.audit_view import AuditView
from console.ui.admin.knowledge_view import KnowledgeView
from console.ui.admin.users_view import UsersView
from console.ui.keys import KEYS, marked
from console.ui.operations import Operations


@dataclass(frozen=True, slots=True)
class RoleServices:
    """``audit_page``: ``functools.partial(console.services.audit.show, db)``;
    ``verify``: ``functools.partial(console.services.audit.verify_trail, db, key)``;
    ``knowledge``: the knowledge base, its edits recorded at this seat (None: no tab)."""

    accounts: AccountService
    audit_page: Fetch
    verify: Callable[[], Verdict]
    clock: Callable[[], datetime]
    knowledge: KnowledgeService | None = None


@dataclass(frozen=True, slots=True)
class RolePage:
    widget: QWidget
    title: str  # translated, without its Alt letter
    key: str  # its tab key's name in console/ui/keys.py


def role_pages(principal: Principal, services: RoleServices, ops: Operations) -> list[RolePage]:
    """The role tabs ``principal`` may have, in tab order (none for a floor account). Each
    page loads its first rows at once."""
    translate = QCoreApplication.translate
    pages: list[RolePage] = []
    if allowed(principal, Capability.MANAGE_USERS, SITE):
        users = UsersView(services.accounts, principal=principal, ops=ops, clock=services.clock)
        users.refresh()
        pages.append(RolePage(users, translate("RolePages", "Users"), "tab_users"))
    if services.knowledge is not None and allowed(principal, Capability.MANAGE_KNOWLEDGE, SITE):
        knowledge = KnowledgeView(services.knowledge, principal=principal, ops=ops)
        knowledge.refresh()
        pages.append(RolePage(knowledge, translate("RolePages", "Knowledge"), "tab_knowledge"))
    if allowed(principal, Capability.READ_AUDIT, SITE):
        audit = AuditView(services.audit_page, services.verify, ops=ops)
        audit.apply_filter()
        pages.append(RolePage(audit, translate("RolePages", "Audit trail"), "tab_audit"))
    return pages


class RoleWindow(QMainWindow):
    """A window of role tabs only, for an account that works no seat (an auditor, an
    administrator without a floor role)."""

    def __init__(self, principal: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.setWindowTitle(
            self.tr("{name} ({login}) · 12345 ⇄ 110 linkage console").format(
                name=principal.display_name, login=principal.login
            )
        )
        self.resize(1100, 700)

    def add_page(self, widget: QWidget, title: str, key: str) -> None:
        """As :meth:`console.ui.main_window.MainWindow.add_page`: its key in its tooltip."""
        index = self.tabs.addTab(widget, marked(title, key))
        self.tabs.setTabToolTip(index, KEYS[key].keys[0])
