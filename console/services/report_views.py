"""A report (报表) as plain values: what the reports tab shows, ``report --json`` prints and the
Excel export writes — one :class:`Report`, built by ``console.services.reports.ReportService``.

Periods are China dates, both ends inclusive. The filters: ``platform`` (whose seats took the
step: the orders a platform created, the transfers it sent, the calls it was offered) and
``district`` (the order's district; calls have no district, so calls are never district-filtered
and :attr:`Report.calls_filtered_by_district` says so).

Every figure that counts orders has a :class:`FigureKey`; ``ReportService.orders_behind(report,
key, value)`` lists the order numbers behind it (``value``: the row's :attr:`Count.key`, or the
day as ``YYYY-MM-DD`` for the trend, or ``None`` for a single figure).

:func:`report_tables` flattens a report into :class:`Table` values (Chinese headers, typed
cells) that the tab's tables, the JSON and the Excel sheets share. Pure Python: no Qt, no
database.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from console.services.report_parts import (
    AlarmFigures,
    CallerFigures,
    CallFigures,
    Count,
    DayTrend,
    DispatchLine,
    HotspotFigures,
    IncidentLine,
    SuggestionFigures,
    TransferLine,
)

__all__ = [
    "AlarmFigures",
    "CallFigures",
    "CallerFigures",
    "Column",
    "Count",
    "DayTrend",
    "DispatchLine",
    "FigureKey",
    "HotspotFigures",
    "IncidentLine",
    "Period",
    "Report",
    "SuggestionFigures",
    "Table",
    "TransferLine",
    "report_json",
    "report_tables",
]


@dataclass(frozen=True, slots=True)
class Period:
    """China dates, ``end`` inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day)

    @classmethod
    def week(cls, any_day: date) -> Period:
        """The Monday-to-Sunday week of ``any_day``."""
        monday = any_day - timedelta(days=any_day.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, any_day: date) -> Period:
        first = any_day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1))

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


class FigureKey(enum.StrEnum):
    """The figures that open the orders behind them (``ReportService.orders_behind``)."""

    ORDERS_CREATED = "orders.created"  # value None
    ORDERS_COMPLETED = "orders.completed"  # value None
    BY_KIND = "orders.kind"  # value: kind code
    BY_FIELD = "orders.field"  # value: field code ("" for none)
    BY_DISTRICT = "orders.district"  # value: district code
    TRANSFERS = "transfers.sent"  # value: the sending platform
    TRANSFERS_SIGNED = "transfers.signed_for"  # value: the sending platform
    THREE_WAY = "three_way"  # value: outcome
    FIRST_CONTACT = "first_contact"  # value: mode
    DISPATCHES = "dispatches"  # value: department code
    DISPATCHES_ON_TIME = "dispatches.on_time"  # value: department code
    ESCALATIONS = "escalations"  # value None
    OVERDUE = "overdue"  # value: deadline kind (sign_for | feedback | completion)
    RETURNS = "returns"  # value: the returning platform
    ALARMS = "alarms.raised"  # value None
    VERIFICATIONS = "hotspots.verification"  # value None: the verification orders (核查工单)
    TREND_CREATED = "trend.created"  # value: "YYYY-MM-DD"
    TREND_COMPLETED = "trend.completed"  # value: "YYYY-MM-DD"
    KNOWLEDGE = "knowledge"  # value: article id: the orders whose answer cited it
    CALLERS = "callers"  # value: the number of callers ("1", "2" …) of the orders received
    MERGES = "merges"  # value None: the duplicates merged (并单) in the period
    UNMERGES = "unmerges"  # value None: the merges undone (拆单) in the period


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    platform: str | None  # None: both
    district: str | None  # None: all
    made_at: datetime  # aware UTC
    calls: CallFigures
    created: int
    completed: int
    by_kind: list[Count]
    by_field: list[Count]
    by_district: list[Count]
    transfers: list[TransferLine]
    three_way: list[Count]
    first_contact: list[Count]
    dispatches: list[DispatchLine]
    escalations: int
    overdue: list[Count]  # by deadline kind: overdue levels raised in the period
    returns: list[Count]  # by the returning platform
    alarms: AlarmFigures
    hotspots: HotspotFigures
    incidents: list[IncidentLine]
    trend: list[DayTrend]  # every day of the period, zeros included
    # 知识库: answers by article (citations made in the period; key: article id, label: title)
    knowledge: list[Count] = field(default_factory=list)
    suggestions: SuggestionFigures = field(
        default_factory=SuggestionFigures
    )  # routing suggestions at intake
    callers: CallerFigures = field(default_factory=CallerFigures)  # 并单: callers, merges

    @property
    def calls_filtered_by_district(self) -> bool:
        return False


CellKind = Literal["text", "int", "share", "seconds", "date", "datetime"]
Cell = str | int | float | date | datetime | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # Chinese (the Excel header; the tab may translate by key)
    kind: CellKind = "text"


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the report: one Excel sheet, one table of the tab. ``figure``: the figure key
    whose ``orders_behind`` a row opens with the row's first cell as value (None: no orders)."""

    key: str
    title: str  # Chinese; also the sheet's name (≤ 31 characters)
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    figure: FigureKey | None = None


_CODE, _NAME, _N = Column("key", "代码"), Column("label", "名称"), Column("value", "数量", "int")


def _counts(key: str, title: str, counts: list[Count], figure: FigureKey | None) -> Table:
    return Table(
        key, title, (_CODE, _NAME, _N), [(c.key, c.label, c.value) for c in counts], figure
    )


def report_tables(report: Report) -> list[Table]:
    """The report's tables, in the order the tab and the workbook show them."""
    c = report.calls
    summary = Table(
        "summary",
        "总览",
        (Column("figure", "指标"), Column("value", "数值", "int")),
        [
            ("呼入 calls offered", c.offered),
            ("接通 answered", c.answered),
            ("15秒内接通 answered within 15 s", c.answered_in_target),
            ("放弃 abandoned", c.abandoned),
            ("受理工单 orders created", report.created),
            ("办结工单 orders completed", report.completed),
            ("联动110派警 escalations", report.escalations),
            ("告警 alarms raised", report.alarms.raised),
            ("已确认告警 alarms acknowledged", report.alarms.acknowledged),
            ("热点 hot spots found", report.hotspots.found),
            ("已核查热点 hot spots taken up", report.hotspots.taken_up),
            ("核查工单 verification orders", report.hotspots.verification_orders),
            ("应急事件 emergency incidents", len(report.incidents)),
            ("显示路由建议的工单 orders shown a routing suggestion", report.suggestions.shown),
            ("采纳建议 suggestions accepted", report.suggestions.accepted),
            ("未采纳建议 suggestions ignored", report.suggestions.ignored),
            ("多人来电工单 orders with 2 or more callers", report.callers.with_more),
            ("并单 merges", report.callers.merges),
            ("拆单 unmerges", report.callers.unmerges),
            ("知识库引用 answers citing an article", sum(k.value for k in report.knowledge)),
        ],
    )
    shares = Table(
        "rates",
        "比率与时长",
        (Column("figure", "指标"), Column("value", "数值", "share")),
        [
            ("15秒接通率 service level", c.service_level),
            ("平均处理时长(秒) average handling s", c.average_handling_s),
            ("告警确认中位时长(秒) median ack s", report.alarms.median_ack_s),
            ("每单来电人数 callers per order", report.callers.mean),
        ],
    )
    trend = Table(
        "trend",
        "每日趋势",
        (Column("day", "日期", "date"), Column("created", "受理", "int"),
         Column("completed", "办结", "int")),
        [(t.day, t.created, t.completed) for t in report.trend],
        FigureKey.TREND_CREATED,
    )  # fmt: skip
    transfers = Table(
        "transfers",
        "互派",
        (Column("sender", "发出平台"), Column("receiver", "接收平台"),
         Column("sent", "转出", "int"), Column("signed_for", "已签收", "int")),
        [(t.sender, t.receiver, t.sent, t.signed_for) for t in report.transfers],
        FigureKey.TRANSFERS,
    )  # fmt: skip
    dispatches = Table(
        "dispatches",
        "派单",
        (_CODE, Column("name", "承办单位"), Column("dispatched", "派单", "int"),
         Column("fed_back", "已反馈", "int"), Column("on_time", "按时反馈", "int"),
         Column("share", "按时反馈率", "share")),
        [(d.department, d.name, d.dispatched, d.fed_back, d.on_time, d.on_time_share)
         for d in report.dispatches],
        FigureKey.DISPATCHES,
    )  # fmt: skip
    incidents = Table(
        "incidents",
        "应急联动",
        (Column("number", "事件编号"), Column("platform", "平台"), Column("type", "类型"),
         Column("level", "级别"), Column("started", "启动时间", "datetime"),
         Column("stood_down", "终止时间", "datetime"), Column("linked", "关联工单", "int"),
         Column("partners", "通知单位", "int"), Column("overdue", "超时未确认", "int"),
         Column("median", "确认中位时长(分钟)", "share")),
        [(i.number, i.platform, i.event_type, i.level, i.started_at, i.stood_down_at,
          i.linked_orders, i.partners, i.overdue_partners, i.median_minutes_to_answer)
         for i in report.incidents],
    )  # fmt: skip
    return [
        summary,
        shares,
        trend,
        _counts("by_kind", "按诉求类型", report.by_kind, FigureKey.BY_KIND),
        _counts("by_field", "按领域", report.by_field, FigureKey.BY_FIELD),
        _counts("by_district", "按区县", report.by_district, FigureKey.BY_DISTRICT),
        transfers,
        _counts("three_way", "三方通话结果", report.three_way, FigureKey.THREE_WAY),
        _counts("first_contact", "首接负责方式", report.first_contact, FigureKey.FIRST_CONTACT),
        dispatches,
        _counts("overdue", "超期(按时限)", report.overdue, FigureKey.OVERDUE),
        _counts("returns", "退回", report.returns, FigureKey.RETURNS),
        _counts("alarm_levels", "告警级别", report.alarms.by_level, FigureKey.ALARMS),
        _counts("callers", "每单来电人数", report.callers.by_callers, FigureKey.CALLERS),
        _counts("knowledge", "按知识库文章", report.knowledge, FigureKey.KNOWLEDGE),
        incidents,
    ]


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON values (``report --json``): every field of :class:`Report`, dates as
    ISO text, instants as ISO UTC, the derived shares added beside their counts."""

    def plain(value: Any) -> Any:
        if isinstance(value, datetime | date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    out: dict[str, Any] = plain(asdict(report))
    out["calls"]["service_level"] = report.calls.service_level
    out["calls"]["average_handling_s"] = report.calls.average_handling_s
    for line, d in zip(out["dispatches"], report.dispatches, strict=True):
        line["on_time_share"] = d.on_time_share
    callers = report.callers
    out["callers"].update(orders=callers.orders, callers=callers.callers,
                          with_more=callers.with_more, mean=callers.mean,
                          told=callers.told)  # fmt: skip
    return out
