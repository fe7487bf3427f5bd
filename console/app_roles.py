"""Part of the composition root (see app.py): the pages of the site-wide roles and the audit of
seat sessions.

A 系统管理员 gets the Users and Knowledge tabs and a 审计员 the Audit tab
(:func:`console.ui.admin.pages.role_pages` decides from the role matrix). An account that also
works the floor gets them beside its seat's tabs; an account that works no seat (an auditor; an
administrator without a floor role) gets a window of those tabs only, with no seat, switch or
queues — and, for an administrator, the 会商 tab (Alt+2: the agenda, the rules to edit and
retire, each rule's matter before and after it; ``app_consultation``) and the Reports tab
(报表), which a seat's window already has (``app_window``, ``app_floor``). Nothing else imports
this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget

from console.app_consultation import KEY as CONSULTATION_KEY
from console.app_consultation import Consultation, consultation_for
from console.app_consultation import title as consultation_title
from console.app_sign_in import SeatSlot
from console.app_window import WindowParts, watch_changes
from console.config import Settings
from console.domain.calendar import china_date
from console.domain.roles import Capability, Principal, Seated
from console.services import audit
from console.services.accounts import AccountService
from console.services.audit import AuditTrail
from console.services.knowledge import KnowledgeService
from console.services.sessions import SeatSessions, audited
from console.store.change_topics import Topics, concerns
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from console.store.seed import catalogue
from console.ui.keys import sequence
from console.ui.main_window import MainWindow
from console.ui.operations import Operations

if TYPE_CHECKING:  # the role tabs' modules load with the first role tab (not on a seat's start)
    from console.ui.admin.pages import RoleServices
    from console.ui.consultation import ConsultationTab
    from console.ui.reports import ReportsTab


def role_services(
    db: Database,
    key: bytes,
    accounts: AccountService,
    clock: Callable[[], datetime],
    knowledge: KnowledgeService | None = None,
) -> RoleServices:
    from console.ui.admin.pages import RoleServices

    return RoleServices(
        accounts=accounts,
        audit_page=partial(audit.show, db),
        verify=partial(audit.verify_trail, db, key),
        clock=clock,
        knowledge=knowledge,
    )


def works_a_seat(principal: Principal, seat: str) -> bool:
    """Whether the account takes calls at a seat (else it gets a window of its role tabs)."""
    return Seated(principal, seat).may(Capability.TAKE_CALLS)


def add_role_pages(
    window: MainWindow, principal: Principal, services: RoleServices, ops: Operations
) -> None:
    from console.ui.admin.pages import role_pages

    for page in role_pages(principal, services, ops):
        window.add_page(page.widget, page.title, page.key)


Reports = Callable[[Principal], "ReportsTab | None"]
"""The reports tab for a principal, or None when it may not see reports."""


def reports_for(db: Database, clock: Callable[[], datetime], ops: Operations) -> Reports:
    def make(principal: Principal) -> ReportsTab | None:
        from console.services.reports import ReportService
        from console.ui.reports import reports_tab

        with db.read() as session:
            districts = catalogue(session)[2]
        chinese = QLocale().language() == QLocale.Language.Chinese
        return reports_tab(
            ReportService(db, clock), principal=principal, ops=ops,
            today=lambda: china_date(clock()), districts=districts, chinese=chinese,
        )  # fmt: skip

    return make


def role_window(
    principal: Principal,
    services: RoleServices,
    ops: Operations,
    reports: Reports | None = None,
    consultation: tuple[str, Consultation] | None = None,
    changes: Callable[[], ChangeWatch | None] | None = None,
) -> QWidget:
    """``consultation``: the seat signed in at and the 会商 tab's maker (its changes are
    recorded at that seat); ``changes``: a watcher of the database, so the tab follows another
    seat's edits of the rules (closed with the window)."""
    from console.ui.admin.pages import RoleWindow, role_pages

    window = RoleWindow(principal)
    for page in role_pages(principal, services, ops):
        window.add_page(page.widget, page.title, page.key)
    if consultation is not None:
        seat, make = consultation
        consult = make(Seated(principal, seat))
        if consult is not None:
            window.add_page(consult, consultation_title(), CONSULTATION_KEY)
            if changes is not None:
                follow_feed(consult, changes(), principal)
    tab = reports(principal) if reports is not None else None
    if tab is not None:  # it reads its first report when first shown
        window.add_page(tab, QCoreApplication.translate("RolePages", "Reports"), "tab_reports")
        shortcut = QShortcut(sequence("tab_reports"), window)
        shortcut.activated.connect(lambda: window.tabs.setCurrentWidget(tab))
    return window


def follow_feed(tab: ConsultationTab, changes: ChangeWatch | None, by: Principal) -> None:
    """The change feed, polled as a seat's window polls it (``app_window.watch_changes``), for
    a window with no seat: the 会商 tab follows the ``rules`` topic; the watcher closes with
    the tab."""

    def told(topics: Topics) -> None:
        if concerns(topics, by.platform.value).rules:
            tab.follow_rules()

    watch_changes(tab, changes, lambda: None, on_topics=told)
    if changes is not None:
        tab.destroyed.connect(lambda *_: changes.close())


def audit_sessions(
    sessions: SeatSessions, trail: AuditTrail, db: Database, pool: Executor
) -> SeatSessions:
    """``sessions`` with its idle locks, unlocks and sign-outs recorded in the audit trail (the
    writes run on ``pool``, off the GUI thread)."""
    sessions.listen(audited(trail, db, sessions.seat, pool.submit))
    return sessions


@dataclass(frozen=True)
class SlotParts:
    """What every seat's sign-in shares."""

    db: Database
    clock: Callable[[], datetime]
    settings: Settings
    trail: AuditTrail
    key: bytes
    audit_pool: Executor
    ops: Operations


def seat_slots(
    seats: Sequence[Seated],
    shared: SlotParts,
    open_window: Callable[[Seated], WindowParts],
    close_window: Callable[[WindowParts], None],
) -> list[SeatSlot]:
    """A sign-in slot for each seat of the process; each seat's account service records the
    sign-ins made at it, and its idle locks, unlocks and sign-outs are recorded too."""
    slots = []
    for seat in seats:
        accounts = AccountService(
            shared.db, shared.clock, shared.settings.security(), audit=shared.trail, seat=seat.seat
        )
        knowledge = KnowledgeService(shared.db, shared.clock, audit=shared.trail, seat=seat.seat)
        roles = role_services(shared.db, shared.key, accounts, shared.clock, knowledge)
        sessions = audit_sessions(
            SeatSessions(accounts, shared.clock, seat.seat, seat.platform),
            shared.trail, shared.db, shared.audit_pool,
        )  # fmt: skip
        slots.append(
            SeatSlot(
                sessions, shared.ops,
                open_window=_seat_opener(open_window, roles, shared.ops),
                close_window=close_window,
                open_roles=_roles_opener(
                    seat.seat, roles, shared.ops, reports_for(shared.db, shared.clock, shared.ops),
                    consultation_for(shared.db, shared.clock, shared.trail, shared.ops),
                    lambda: watch_for(shared.db.engine, shared.settings.db_listen_url or None),
                ),
                idle_minutes=shared.settings.idle_lock_min,
            )
        )  # fmt: skip
    return slots


def _seat_opener(
    open_window: Callable[[Seated], WindowParts], roles: RoleServices, ops: Operations
) -> Callable[[Seated], WindowParts]:
    def open_seat(by: Seated) -> WindowParts:
        part = open_window(by)
        add_role_pages(part.window, by.principal, roles, ops)  # an admin who also works a seat
        return part

    return open_seat


def _roles_opener(
    seat: str, roles: RoleServices, ops: Operations, reports: Reports, consult: Consultation,
    changes: Callable[[], ChangeWatch | None],
) -> Callable[[Principal], QWidget | None]:  # fmt: skip
    def open_roles(principal: Principal) -> QWidget | None:
        if works_a_seat(principal, seat):
            return None
        return role_window(principal, roles, ops, reports, (seat, consult), changes)

    return open_roles
