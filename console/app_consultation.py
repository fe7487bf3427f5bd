"""Part of the composition root (see app.py): the 会商 tab in a seat's window — the disputed-
matter agenda, the consultation items and the rules — for a principal who may consult (the
shift lead; console.ui.consultation.may_consult). Nothing else imports this module
(app_window.py adds the tab once the window is built)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain.calendar import china_date
from console.domain.roles import Seated
from console.services.agenda import AgendaService
from console.services.audit import AuditTrail
from console.services.rule_edits import RuleEdits
from console.store.engine import Database
from console.ui.consultation import ConsultationTab, consultation_tab
from console.ui.main_window import MainWindow
from console.ui.operations import Operations


def add_consultation(
    window: MainWindow, *, by: Seated, db: Database, clock: Callable[[], datetime],
    trail: AuditTrail | None, ops: Operations, kind_names: Mapping[str, str],
    district_names: Mapping[str, str],
) -> ConsultationTab | None:  # fmt: skip
    """The 会商 tab, added to ``window`` (Alt+2) when ``by`` may consult; every change is
    recorded in ``trail``."""
    tab = consultation_tab(
        AgendaService(db, clock, trail), RuleEdits(db, clock, trail), by=by, ops=ops,
        kind_names=kind_names, district_names=district_names,
        today=lambda: china_date(clock()),
    )  # fmt: skip
    if tab is not None:
        title = QCoreApplication.translate("ConsultationTab", "Consultation")
        window.add_page(tab, title, "tab_consultation")
    return tab
