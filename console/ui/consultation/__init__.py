"""The 会商 tab (joint consultation): :class:`~console.ui.consultation.tab.ConsultationTab`, and
:func:`consultation_tab`, which gives it only to a principal the role matrix lets take part
(``consultation``: the shift lead at their platform, the administrator); the composition root
(console/app_consultation.py) adds it to the window."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from console.domain.roles import Capability, Seated, allowed_anywhere
from console.ui.consultation.ports import AgendaReads, RuleWrites
from console.ui.consultation.tab import ConsultationTab
from console.ui.operations import Operations


def may_consult(by: Seated) -> bool:
    return allowed_anywhere(by.principal, Capability.CONSULTATION)


def consultation_tab(
    agenda: AgendaReads, rules: RuleWrites, *, by: Seated, ops: Operations,
    kind_names: Mapping[str, str], district_names: Mapping[str, str],
    today: Callable[[], date],
) -> ConsultationTab | None:  # fmt: skip
    """The tab for ``by``, its first reads asked for; None when ``by`` may not consult."""
    if not may_consult(by):
        return None
    tab = ConsultationTab(agenda, rules, by=by, ops=ops, kind_names=kind_names,
                          district_names=district_names, today=today)  # fmt: skip
    tab.refresh()
    return tab


__all__ = ["ConsultationTab", "consultation_tab", "may_consult"]
