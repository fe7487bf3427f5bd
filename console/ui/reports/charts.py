"""The report's charts, drawn with QtCharts (PySide6-Addons; chosen and measured in
docs/reports.md). This is the only module that imports it, and the tab imports this module the
first time it is shown, so a console that never opens the reports never loads QtCharts.

Colour is never the only cue: bars carry their values (and shares), the two trend lines differ
in dash and marker as well as in colour, and legends name every series. A double-click on a bar
or a point says which (``ChartView.picked``); the tab opens the orders behind it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from console.ui.reports.words import OKABE_ITO

BAR_ROW_PX = 30  # height per category of a bar chart
TREND_HEIGHT = 300
MAX_LABELS = 8  # date labels under the trend


class ChartView(QChartView):
    """Signals: ``picked(series, index)`` on a double-click: the bar set's (or line's) index
    and the category's (or day's) index."""

    picked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_chart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setObjectName("reportChart")

    def clear(self) -> QChart:
        """The chart emptied for new figures (the view is kept: showing a new one costs more)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        return chart


def _chart() -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))  # plain: the PDF draws no gradients
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    return chart


def nice_scale(top: float, room: float) -> tuple[float, int]:
    """The axis' end and its tick count: ``top`` with ``room`` to spare (the value written
    after the longest bar), in steps of 1, 2, 2.5 or 5 times a power of ten, at most 5 steps."""
    if top <= 0:
        return 1.0, 2
    want = top * room
    power = 10 ** math.floor(math.log10(want / 4))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power * 5 >= want)
    if step < 1:
        step = 1.0
    steps = math.ceil(want / step)
    return step * steps, steps + 1


def _value_axis(top: float, *, room: float) -> QValueAxis:
    axis = QValueAxis()
    end, ticks = nice_scale(top, room)
    axis.setRange(0, end)
    axis.setTickCount(ticks)
    axis.setLabelFormat("%d")
    return axis


def bar_chart(
    view: ChartView, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]]
) -> ChartView:
    """``view`` drawn as horizontal bars, one row per category (the first on top), each bar
    labelled with its value; one set per (name, values). A legend only for several sets."""
    chart = view.clear()
    series = QHorizontalBarSeries()
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    for number, (name, values) in enumerate(sets):
        bar = QBarSet(name)
        bar.setColor(QColor(OKABE_ITO[number % len(OKABE_ITO)]))
        bar.setBorderColor(QColor(OKABE_ITO[number % len(OKABE_ITO)]).darker(130))
        bar.setLabelColor(QColor("#1a1a1a"))
        bar.append([float(v) for v in reversed(values)])  # the first category on top
        rows = len(values)
        bar.doubleClicked.connect(lambda i, n=number, r=rows: view.picked.emit(n, r - 1 - i))
        series.append(bar)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(list(reversed(categories)))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = _value_axis(max((max(v, default=0) for _, v in sets), default=0), room=1.15)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    chart.legend().setVisible(len(sets) > 1)
    view.setMinimumHeight(max(140, BAR_ROW_PX * len(categories) * max(1, len(sets) // 2 + 1)
                              + (70 if len(sets) > 1 else 40)))  # fmt: skip
    return view


def trend_chart(
    view: ChartView, days: Sequence[date], lines: Sequence[tuple[str, Sequence[int]]]
) -> ChartView:
    """``view`` drawn as one line per (name, counts by day), each its own colour and dash
    (and, for two weeks or less, marker size and point labels)."""
    chart = view.clear()
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, -(-len(days) // MAX_LABELS))
    for i in range(0, len(days), step):
        axis_x.append(days[i].strftime("%m-%d"), i)
    axis_x.setRange(-0.3, max(len(days) - 0.7, 0.7))
    axis_y = _value_axis(max((max(v, default=0) for _, v in lines), default=0), room=1.05)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    dashes = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
    for number, (name, values) in enumerate(lines):
        series = QLineSeries()
        series.setName(name)
        pen = QPen(QColor(OKABE_ITO[number % len(OKABE_ITO)]), 2.5)
        pen.setStyle(dashes[number % len(dashes)])
        series.setPen(pen)
        series.append([QPointF(i, v) for i, v in enumerate(values)])
        if len(values) <= 14:  # a week or two: the points and their counts
            series.setPointsVisible(True)
            series.setMarkerSize(6 + 3 * number)  # the later line's points ring the earlier's
            series.setPointLabelsVisible(True)
            series.setPointLabelsFormat("@yPoint")
            series.setPointLabelsClipping(False)
        series.doubleClicked.connect(lambda p, n=number: view.picked.emit(n, round(p.x())))
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    view.setMinimumHeight(TREND_HEIGHT)
    return view


def set_font(view: ChartView, font: QFont) -> None:
    """The chart in the page's font (Chinese labels need a CJK font; the app's has one)."""
    chart = view.chart()
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsFont(font)
