"""Part of the composition root (see app.py): the 会商 tab in a seat's window — the disputed-
matter agenda, the consultation items and the rules — for a principal who may consult (the
shift lead; console.ui.consultation.may_consult). Nothing else imports this module
(app_window.py adds the tab once the window is built). The tab is built, and reads its agenda,
when first shown (console/ui/lazy_page.py): ~2.5 s of reads at 1 M orders, off the start."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.domain.calendar import china_date
from console.domain.roles import Capability, Seated, allowed_anywhere
from console.services.audit import AuditTrail
from console.store.engine import Database
from console.ui.lazy_page import LazyPage
from console.ui.main_window import MainWindow
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.ui.consultation import ConsultationTab


def add_consultation(
    window: MainWindow, *, by: Seated, db: Database, clock: Callable[[], datetime],
    trail: AuditTrail | None, ops: Operations, kind_names: Mapping[str, str],
    district_names: Mapping[str, str],
) -> LazyPage | None:  # fmt: skip
    """The 会商 tab, added to ``window`` (Alt+2) when ``by`` may consult, built when first shown
    (a :class:`ConsultationTab` then); every change is recorded in ``trail``."""
    if not allowed_anywhere(by.principal, Capability.CONSULTATION):  # may_consult, unimported
        return None

    def build() -> ConsultationTab:
        # Imported here: the tab's modules (~0.25 s of a start) load when it is first shown.
        from console.services.agenda import AgendaService
        from console.services.rule_edits import RuleEdits
        from console.ui.consultation import consultation_tab

        tab = consultation_tab(
            AgendaService(db, clock, trail), RuleEdits(db, clock, trail), by=by, ops=ops,
            kind_names=kind_names, district_names=district_names,
            today=lambda: china_date(clock()),
        )  # fmt: skip
        assert tab is not None  # may_consult, as above
        return tab

    page = LazyPage(build)
    window.add_page(page, QCoreApplication.translate("ConsultationTab", "Consultation"),
                    "tab_consultation")  # fmt: skip
    return page
