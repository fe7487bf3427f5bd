"""Reports (报表): the figures of a period, the orders behind each, and the Excel exports.

``ReportService(db, clock).report(period, platform=None, district=None) -> Report`` (the plain
values of ``report_views``); ``orders_behind(report_or_period, figure_key, value)`` lists the
order numbers behind a figure; ``export_xlsx`` / ``export_orders_xlsx`` write workbooks row by
row, reporting ``progress(done, total)`` and stopping (leaving no file) when ``cancelled()``.
All are blocking database work: call them off the UI thread.

Order and call figures come from the daily roll-up (``console.store.report_rollup``, kept in the
order steps' own transactions; merges and unmerges too); alarms, hot spots, incidents, the
knowledge base's citations (answers by article) and the callers merged into orders (并单,
``order_caller``) from their own tables.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from console.services.report_export import ExportCancelled
from console.services.report_views import (
    AlarmFigures,
    CallerFigures,
    CallFigures,
    Count,
    DayTrend,
    DispatchLine,
    FigureKey,
    HotspotFigures,
    IncidentLine,
    Period,
    Report,
    SuggestionFigures,
    TransferLine,
)
from console.store import caller_told, knowledge
from console.store import report_figures as figures
from console.store.consultation import suggestion_figures
from console.store.engine import Database
from console.store.incident_report import IncidentFigure, incident_report

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
VERIFY_KIND = "V-HS"  # the verification orders' kind (console.services.hotspots.VERIFY_KIND)
PLATFORMS = ("12345", "110")
__all__ = ["ExportCancelled", "ReportService"]


class ReportService:
    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def report(
        self, period: Period, platform: str | None = None, district: str | None = None
    ) -> Report:
        start, end = period.start, period.end
        with self._db.read() as s:
            sums = figures.rollup_sums(s, start, end, platform, district)
            alarms = figures.alarm_sums(s, start, end, platform, district)
            found, taken_up = figures.hotspot_sums(s, start, end, platform, district)
            several, merged_away = figures.caller_sums(s, start, end, platform, district)
            incidents = incident_report(s, start, end, self._clock())
            cited = knowledge.cited_counts(s, *figures.span(start, end), platform, district)
            suggested = suggestion_figures(s, *figures.span(start, end), platform, district)
            told = caller_told.figures(s, *figures.span(start, end), platform, district)
            labels = {t: figures.names(s, t) for t in ("kind", "field", "district", "department")}

        def total(figure: str, value: str | None = None, by: str | None = None) -> int:
            return sum(
                n
                for (f, v, p), n in sums.by_figure.items()
                if f == figure and (value is None or v == value) and (by is None or p == by)
            )

        def counts(figure: str, catalogue: str | None = None) -> list[Count]:
            merged: dict[str, int] = {}
            for (f, v, _p), n in sums.by_figure.items():
                if f == figure and n:
                    merged[v] = merged.get(v, 0) + n
            names = labels.get(catalogue or "", {})
            return _sorted([Count(k, names.get(k, k), n) for k, n in merged.items()])

        calls = CallFigures(
            total("calls_offered"), total("calls_answered"), total("calls_in_target"),
            total("calls_abandoned"), total("calls_handling_ms") / 1000,
        )  # fmt: skip
        departments = {v for (f, v, _p) in sums.by_figure if f in ("dispatch", "feed_back")}
        dispatches = sorted(
            (
                DispatchLine(d, labels["department"].get(d, d), total("dispatch", d),
                             total("feed_back", d), total("fed_back_on_time", d))
                for d in departments
            ),
            key=lambda line: (-line.dispatched, line.department),
        )  # fmt: skip
        shown = [p for p in PLATFORMS if platform in (None, p)]
        by_platform = [Count(p, p, total("return", by=p)) for p in shown]
        return Report(
            period=period,
            platform=platform,
            district=district,
            made_at=self._clock(),
            calls=calls,
            created=total("create"),
            completed=total("complete"),
            by_kind=counts("kind", "kind"),
            by_field=counts("field", "field"),
            by_district=_sorted(
                [
                    Count(k, labels["district"].get(k, k), n)
                    for k, n in sums.created_by_district.items()
                ]
            ),
            transfers=[
                TransferLine(p, q, total("transfer", by=p), total("sign_for", by=q))
                for p, q in (("12345", "110"), ("110", "12345"))
                if platform in (None, p, q)
            ],
            three_way=counts("three_way"),
            first_contact=counts("first_contact"),
            dispatches=dispatches,
            escalations=total("escalate"),
            overdue=_sorted([Count(k, k, n) for k, n in alarms.overdue_by_deadline.items()]),
            returns=[c for c in by_platform if c.value],
            alarms=AlarmFigures(
                sum(alarms.by_level.values()),
                _sorted([Count(k, k, n) for k, n in alarms.by_level.items()]),
                alarms.acknowledged,
                alarms.median_ack_s,
            ),
            hotspots=HotspotFigures(found, taken_up, total("kind", VERIFY_KIND)),
            incidents=[_incident(i) for i in incidents if platform in (None, i.platform)],
            trend=[
                DayTrend(d, sums.by_day.get((d, "create"), 0), sums.by_day.get((d, "complete"), 0))
                for d in period.days
            ],
            knowledge=[Count(c.article_id, c.title, c.count) for c in cited],
            suggestions=SuggestionFigures(suggested.shown, suggested.accepted, suggested.ignored),
            callers=_callers(
                total("create") - merged_away, several, total("merge"), total("unmerge"), told.told
            ),
        )

    def orders_behind(
        self, report_or_period: Report | Period, figure_key: FigureKey | str,
        value: str | None = None, limit: int | None = None,
    ) -> list[str]:  # fmt: skip
        """The numbers of the orders behind a figure (by their first step in the period);
        with a Period, no filters."""
        ids = self.order_ids_behind(report_or_period, figure_key, value, limit)
        if not ids:
            return []
        numbers: dict[int, str] = {}
        with self._db.read() as s:
            for chunk in range(0, len(ids), 5000):
                part = ids[chunk : chunk + 5000]
                listed = ", ".join(str(i) for i in part)
                rows = s.execute(text(f"SELECT id, number FROM work_order WHERE id IN ({listed})"))
                numbers.update({int(i): str(n) for i, n in rows})
        return [numbers[i] for i in ids if i in numbers]

    def order_ids_behind(
        self, report_or_period: Report | Period, figure_key: FigureKey | str,
        value: str | None = None, limit: int | None = None,
    ) -> list[int]:  # fmt: skip
        period, platform, district = _scope(report_or_period)
        with self._db.read() as s:
            return list(
                figures.orders_behind(
                    s, period.start, period.end, platform, district, str(figure_key), value,
                    limit,
                )
            )  # fmt: skip

    def export_xlsx(
        self, report: Report, path: Path, progress: Progress, cancelled: Cancelled
    ) -> Path:
        """The report as a workbook: a cover sheet (period, filters), one sheet per table."""
        from console.services.report_export import write_report

        return write_report(report, path, progress, cancelled)

    def export_orders_xlsx(
        self, report_or_period: Report | Period, path: Path, progress: Progress,
        cancelled: Cancelled, figure_key: FigureKey | str | None = None, value: str | None = None,
    ) -> int:  # fmt: skip
        """The orders behind a figure (or all created in the period) as a workbook, phone
        numbers masked, in constant memory; returns the rows written."""
        from console.services.report_export import write_orders

        period, platform, district = _scope(report_or_period)
        ids = self.order_ids_behind(report_or_period, figure_key or FigureKey.ORDERS_CREATED, value)
        return write_orders(
            self._db, ids, period, platform, district, path, progress, cancelled, self._clock()
        )


def _callers(
    orders: int, several: dict[int, int], merges: int, unmerges: int, told: int
) -> CallerFigures:
    """``orders``: received and not merged away; ``several``: those with 2, 3 … callers;
    ``told``: callers told the result at feedback (告知来电人) in the period."""
    one = orders - sum(several.values())
    spread = ({1: one} if one else {}) | several
    return CallerFigures([Count(str(k), f"{k}位来电人", n) for k, n in sorted(spread.items())],
                         merges, unmerges, told)  # fmt: skip


def _scope(report_or_period: Report | Period) -> tuple[Period, str | None, str | None]:
    if isinstance(report_or_period, Report):
        r = report_or_period
        return r.period, r.platform, r.district
    return report_or_period, None, None


def _sorted(counts: list[Count]) -> list[Count]:
    return sorted(counts, key=lambda c: (-c.value, c.key))


def _incident(i: IncidentFigure) -> IncidentLine:
    answers = [p.minutes_to_answer for p in i.partners if p.minutes_to_answer is not None]
    return IncidentLine(
        i.number, i.platform, i.event_type, i.level, i.started_at, i.stood_down_at,
        i.linked_orders, len(i.partners), len(i.overdue),
        statistics.median(answers) if answers else None,
    )  # fmt: skip
