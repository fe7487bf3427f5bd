"""Part of the composition root (see app.py): the 会商 tab — the disputed-matter agenda, the
consultation items and the rules — for a principal who may consult (the shift lead at their
platform, the administrator for the site; console.ui.consultation.may_consult). app_window.py
adds it to a seat's window once the window is built, built when first shown
(console/ui/lazy_page.py: ~2.5 s of agenda reads at 1 M orders, off the start); app_roles.py
adds it to the window of role tabs of an administrator who works no seat. Nothing else imports
this module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from console.domain.calendar import china_date
from console.domain.roles import Capability, Seated, allowed_anywhere
from console.services.audit import AuditTrail
from console.store.engine import Database
from console.store.seed import catalogue
from console.ui.lazy_page import LazyPage, built
from console.ui.main_window import MainWindow
from console.ui.operations import Operations

if TYPE_CHECKING:  # the tab's modules (~0.25 s of a start) load when it is first built
    from console.ui.consultation import ConsultationTab

KEY = "tab_consultation"  # Alt+2 (console/ui/keys.py)


def title() -> str:
    return QCoreApplication.translate("ConsultationTab", "Consultation")


def may_consult(by: Seated) -> bool:
    """console.ui.consultation.may_consult, without importing the tab's modules."""
    return allowed_anywhere(by.principal, Capability.CONSULTATION)


def make_consultation(
    *, by: Seated, db: Database, clock: Callable[[], datetime], trail: AuditTrail | None,
    ops: Operations, kind_names: Mapping[str, str], district_names: Mapping[str, str],
) -> ConsultationTab | None:  # fmt: skip
    """The 会商 tab acting as ``by`` (None when ``by`` may not consult); every change is
    recorded in ``trail`` under ``by``'s login and seat."""
    from console.services.agenda import AgendaService
    from console.services.rule_edits import RuleEdits
    from console.ui.consultation import consultation_tab

    return consultation_tab(
        AgendaService(db, clock, trail), RuleEdits(db, clock, trail), by=by, ops=ops,
        kind_names=kind_names, district_names=district_names,
        today=lambda: china_date(clock()),
    )  # fmt: skip


def add_consultation(
    window: MainWindow, *, by: Seated, db: Database, clock: Callable[[], datetime],
    trail: AuditTrail | None, ops: Operations, kind_names: Mapping[str, str],
    district_names: Mapping[str, str], changed: Callable[[], None] = lambda: None,
) -> LazyPage | None:  # fmt: skip
    """The 会商 tab, added to a seat's ``window`` (Alt+2) when ``by`` may consult, built when
    first shown (a :class:`ConsultationTab` then); ``changed`` runs after each change it made
    (the seat's suggestion follows at once)."""
    if not may_consult(by):
        return None

    def build() -> ConsultationTab:
        tab = make_consultation(by=by, db=db, clock=clock, trail=trail, ops=ops,
                                kind_names=kind_names, district_names=district_names)  # fmt: skip
        assert tab is not None  # may_consult, as above
        tab.done.connect(lambda _said: changed())
        return tab

    page = LazyPage(build)
    window.add_page(page, title(), KEY)
    return page


def follow_rules(page: QWidget | None) -> None:
    """The change feed says the rules may have changed (topic ``rules``; SQLite: any change):
    the 会商 ``page`` follows them if it is open (``ConsultationTab.follow_rules``); one not built
    yet reads them when it is."""
    if page is None or (isinstance(page, LazyPage) and not page.is_built):
        return
    cast("ConsultationTab", built(page)).follow_rules()


Consultation = Callable[[Seated], "ConsultationTab | None"]
"""The 会商 tab for a principal at a seat, or None when it may not consult."""


def consultation_for(
    db: Database, clock: Callable[[], datetime], trail: AuditTrail | None, ops: Operations
) -> Consultation:
    """The 会商 tab of a window of role tabs (an administrator who works no seat), with the
    catalogue's names in the language shown."""

    def make(by: Seated) -> ConsultationTab | None:
        if not may_consult(by):
            return None
        with db.read() as session:
            kinds, _fields, districts = catalogue(session)
        zh = QLocale().language() == QLocale.Language.Chinese
        return make_consultation(
            by=by, db=db, clock=clock, trail=trail, ops=ops,
            kind_names={k.code: k.name_zh if zh else k.name_en for k in kinds},
            district_names={d.code: d.name_zh if zh else d.name_en for d in districts},
        )  # fmt: skip

    return make
