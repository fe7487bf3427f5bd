"""One card of the report page: a table of the report, its chart above it (or beside it), and
"nothing in this period" when it has no rows. What the PDF prints of it (:meth:`Card.printed`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHeaderView, QLabel, QVBoxLayout, QWidget

from console.services.report_views import FigureKey
from console.ui.reports.pdf import LongTable
from console.ui.reports.tables import ReportTableModel, table_view

TABLE_ROWS_SHOWN = 12  # a table taller than this scrolls inside its card
TABLE_MAX_WIDTH = 560
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"

Opened = tuple[FigureKey, str | None, str]  # figure, value, what the lead opened (in words)


class Card(QFrame):
    """One table of the report, with its chart above it (or, ``side`` by side, to its left)."""

    def __init__(self, title: str, model: ReportTableModel, *, side: bool = False,
                 capped: bool = True, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("reportCard")
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.model = model
        self.side = side
        self.capped = capped  # a narrow table; else as wide as the card (the incidents)
        self.view = table_view(model)
        self.empty = QLabel(self.tr("Nothing in this period."))
        self.chart: Any = None  # a charts.ChartView, once the charts are loaded
        self.placed = False  # the chart shown on the page (see place)
        self.opened: Callable[[int, int], Opened] | None = None  # what a picked bar opens
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight if side
                               else QBoxLayout.Direction.TopToBottom)  # fmt: skip
        self.body.addWidget(self.view, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        layout.addWidget(self.empty)

    def chart_view(self, charts: Any) -> Any:
        """The card's chart view, made the first time (kept across reports) and hidden until
        :meth:`place` shows it: drawing a chart and laying it out on the page are two slices
        of the GUI thread, not one."""
        if self.chart is None:
            self.chart = charts.ChartView()
            self.chart.hide()
            self.body.insertWidget(0, self.chart, 3)
        return self.chart

    def place(self) -> None:
        """The chart drawn is shown (once; a new report's reuses the shown view)."""
        self.placed = True
        self.fit()

    def printed(self) -> QWidget | LongTable:
        """What the PDF prints: the card as shown, or — when its table scrolls — every row."""
        scrolls = self.view.isVisibleTo(self) and (
            self.view.verticalScrollBar().maximum() > 0 or self.model.rowCount() > TABLE_ROWS_SHOWN
        )
        return LongTable(self, self.title, self.chart, self.view) if scrolls else self

    def fit(self) -> None:
        """The table as tall as its rows (up to TABLE_ROWS_SHOWN; beside a chart, as tall as
        the chart): the page scrolls, not the table."""
        rows = self.model.rowCount()
        chart = self.chart if self.placed else None
        for widget, shown in ((self.empty, rows == 0), (self.view, rows > 0),
                              (chart, rows > 0)):  # fmt: skip
            if widget is not None and widget.isVisibleTo(self) != shown:
                widget.setVisible(shown)  # only a change: showing a widget is not free
        header = self.view.horizontalHeader()
        stretched = any(header.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch
                        for i in range(header.count()))  # fmt: skip
        columns = header.length() + self.view.verticalScrollBar().sizeHint().width() + 4
        # the numbers stay near their names; a table of numbers only is as wide as they are
        cap = TABLE_MAX_WIDTH if stretched else min(TABLE_MAX_WIDTH, columns)
        self.view.setMaximumWidth(cap if self.capped else QWIDGETSIZE_MAX)
        if self.side and chart is not None:
            self.view.setFixedHeight(self.chart.minimumHeight())
            return
        height = self.view.verticalHeader().defaultSectionSize()
        frame = self.view.frameWidth() * 2 + self.view.horizontalHeader().sizeHint().height()
        self.view.setFixedHeight(frame + min(rows, TABLE_ROWS_SHOWN) * height + 2)
