"""The report's headline tiles: calls, orders, merges and callers, the floor's alarms and hot
spots — each a big number, its name, and the orders behind it where there are some."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.report_views import FigureKey, Report
from console.ui.reports.tiles import Headline
from console.ui.reports.words import count_text, seconds_text, share_text


def headlines(report: Report) -> list[Headline]:
    """The tiles, in reading order: calls, then orders, the floor's alarms and hot spots, then
    callers per order and merges (并单)."""

    translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")
    c, a, h, m = report.calls, report.alarms, report.hotspots, report.callers
    return [
        Headline(translate("ReportHeadlines", "Calls offered"), count_text(c.offered)),
        Headline(translate("ReportHeadlines", "Answered"), count_text(c.answered)),
        Headline(translate("ReportHeadlines", "Answered within 15 s"), share_text(c.service_level),
                 note=translate("ReportHeadlines", "GB/T 33358 service level")),
        Headline(translate("ReportHeadlines", "Abandoned"), count_text(c.abandoned)),
        Headline(translate("ReportHeadlines", "Average handling time"), seconds_text(c.average_handling_s)),
        Headline(translate("ReportHeadlines", "Orders received"), count_text(report.created), FigureKey.ORDERS_CREATED),
        Headline(translate("ReportHeadlines", "Orders completed"), count_text(report.completed), FigureKey.ORDERS_COMPLETED),
        Headline(translate("ReportHeadlines", "Escalated to 110"), count_text(report.escalations), FigureKey.ESCALATIONS),
        Headline(translate("ReportHeadlines", "Alarms raised"), count_text(a.raised), FigureKey.ALARMS,
                 note=translate("ReportHeadlines", "{n} acknowledged, median {t}").format(
                     n=count_text(a.acknowledged), t=seconds_text(a.median_ack_s))),
        Headline(translate("ReportHeadlines", "Hot spots found"), count_text(h.found),
                 note=translate("ReportHeadlines", "{n} taken up").format(n=count_text(h.taken_up))),
        Headline(translate("ReportHeadlines", "Verification orders"), count_text(h.verification_orders),
                 FigureKey.VERIFICATIONS),
        Headline(translate("ReportHeadlines", "Emergency incidents"), count_text(len(report.incidents)),
                 note=translate("ReportHeadlines", "drills left out")),
        Headline(translate("ReportHeadlines", "Callers per order"), _mean(m.mean),
                 note=translate("ReportHeadlines", "{n} orders with 2 or more callers").format(
                     n=count_text(m.with_more))),
        Headline(translate("ReportHeadlines", "Merges"), count_text(m.merges), FigureKey.MERGES,
                 note=translate("ReportHeadlines", "{n} undone").format(n=count_text(m.unmerges))),
    ]  # fmt: skip


def _mean(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
