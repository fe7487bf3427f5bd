"""The report page: a heading, the headline tiles, then a card per table — its chart above it
where a shift lead would rather look than read (the trend by day, districts, departments,
outcome shares). The page is what the PDF prints, card by card.

Every figure opens the orders behind it: a tile, a table row (Enter or double-click; in the
trend, dispatch and transfer tables the column chosen says which count) or a bar or point of a
chart (double-click). The page says which with ``figure_activated``; the tab reads them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.services.report_views import Count, FigureKey, Report, Table
from console.ui.reports.card import Card
from console.ui.reports.headlines import headlines
from console.ui.reports.tables import ReportTableModel
from console.ui.reports.tiles import TILE_STYLE, Headline, Tile
from console.ui.reports.words import (
    code_names,
    label_of,
    share_text,
    table_titles,
)

TOP_BARS = 12  # bars a chart shows at most (the table lists them all)
TILES_PER_ROW = 6
SHOWN_FIRST = 2  # cards built and drawn one by one as the report comes in (the rest: see below)

# Tables drawn as a chart, and the cards that take the page's whole width.
ORDER = (
    "trend",
    "by_district",
    "dispatches",
    "three_way",
    "first_contact",
    "by_kind",
    "by_field",
    "transfers",
    "overdue",
    "returns",
    "alarm_levels",
    "callers",
    "knowledge",
    "incidents",
)
"""The cards' order on the page (the charted first); a table not named here comes last."""
CHARTED = ("trend", "by_district", "dispatches", "three_way", "first_contact")
WIDE = ("trend", "by_district", "dispatches", "incidents")
SHOWN_AS_TILES = ("summary", "rates")

# A column that opens another figure than its table's (the count the lead chose).
COLUMN_FIGURES = {
    ("trend", "completed"): FigureKey.TREND_COMPLETED,
    ("transfers", "signed_for"): FigureKey.TRANSFERS_SIGNED,
    ("dispatches", "on_time"): FigureKey.DISPATCHES_ON_TIME,
}

PAGE_STYLE = (
    TILE_STYLE
    + """
QFrame#reportCard { background: palette(base); border: 1px solid palette(midlight); }
QLabel#cardTitle { font-size: 12pt; font-weight: bold; }
QLabel#reportHeading { font-size: 14pt; font-weight: bold; }
QHeaderView::section { background: #eef1f4; color: #1a1a1a; padding: 3px 6px; border: none;
                       border-right: 1px solid #d0d4d8; border-bottom: 1px solid #c0c4c8; }
"""
)


class ReportPage(QWidget):
    """Signals: ``figure_activated(figure, value, title)`` when the lead opens a figure;
    ``shown`` once every card of a report is on the page."""

    figure_activated = Signal(object, object, str)
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPage")
        # The steps still to take, in page order: ("card", table) builds or refills a card,
        # ("chart", table) draws its chart.
        self._pending: list[tuple[str, Table]] = []
        # A timer of its own, not QTimer.singleShot(0): that posts an event, and Qt delivers
        # the events posted while it delivers posted events in the same pass — every step and
        # the scene updates they post would run in one slice of the GUI thread. A timer's
        # steps are one per turn of the event loop, with paints and input between them.
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._build_next)
        self._titles: dict[str, str] = {}
        self._at = (0, 0)  # where the next new card goes in the grid
        self.setStyleSheet(PAGE_STYLE)
        self.report: Report | None = None
        self.charts: Any = None  # the charts module, once the tab has been shown
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.tiles: list[Tile] = []
        self.cards: dict[str, Card] = {}
        self.tiles_box = QWidget()  # the tiles, one widget: the PDF prints it as a card
        self._tiles_grid = QGridLayout(self.tiles_box)
        self._tiles_grid.setContentsMargins(0, 0, 0, 0)
        self._cards_grid = QGridLayout()
        self._cards_grid.setColumnStretch(0, 1)
        self._cards_grid.setColumnStretch(1, 1)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.tiles_box)
        layout.addLayout(self._cards_grid)
        layout.addStretch(1)

    # ------------------------------------------------------------------ showing

    def show_report(
        self, report: Report, tables: list[Table], heading: str, subheading: str
    ) -> None:
        """``tables``: ``report_tables(report)``, made with the report off the UI thread.

        The heading and tiles show at once; the cards are built (or refilled) one per turn of
        the event loop, in page order, so no slice of the GUI thread holds more than one card
        and its chart (``shown`` says when the last is done; :meth:`finish` does the rest now)."""
        self.report = report
        self.heading.setText(heading)
        self.subheading.setText(subheading)
        self._show_tiles(headlines(report))
        self._titles = table_titles()
        self._pending = [("card", t) for t in sorted(
            (t for t in tables if t.key not in SHOWN_AS_TILES),
            key=lambda t: ORDER.index(t.key) if t.key in ORDER else len(ORDER),
        )]  # fmt: skip
        self._next_soon()

    def finish(self) -> None:
        """Every card built and drawn now (before printing)."""
        while self._pending:
            self._build_next()
        self.setUpdatesEnabled(True)

    def _next_soon(self) -> None:
        if not self._step.isActive():
            self._step.start()

    def _build_next(self) -> None:
        """One step: a card built (or refilled), or its chart drawn — never both in one slice."""
        if not self._pending:
            return
        step, table = self._pending.pop(0)
        card = self.cards.get(table.key)
        if step == "place" and card is not None:
            card.place()
        elif step == "chart":
            self._draw_chart(table.key)
            if card is not None and not card.placed and card.chart is not None:
                self._pending.insert(0, ("place", table))
        else:
            self._build_card(table)
            if table.key in CHARTED and self.charts is not None:
                self._pending.insert(0, ("chart", table))
        self.cards[table.key].fit()
        if self._pending:
            # The cards above are drawn; the rest below the fold are built without repainting
            # the page at each (a repaint of the charts in view costs 20–40 ms): once, at the end.
            if len(self.cards) > SHOWN_FIRST and self.updatesEnabled():
                self.setUpdatesEnabled(False)
            self._next_soon()
        else:
            self.setUpdatesEnabled(True)
            self.shown.emit()

    def _build_card(self, table: Table) -> None:
        card = self.cards.get(table.key)
        if card is not None:
            card.model.set_table(table)
            return
        card = self.cards[table.key] = self._card(table, self._titles.get(table.key, table.title))
        row, column = self._at
        if table.key in WIDE and column == 1:
            row, column = row + 1, 0
        span = 2 if table.key in WIDE else 1
        self._cards_grid.addWidget(card, row, column, 1, span)
        self._at = (row + 1, 0) if span == 2 or column == 1 else (row, 1)

    def lay_out(self) -> None:
        """Every card built and placed now (before printing a report that has just come in)."""
        self.finish()
        self._layout.activate()

    def use_charts(self, charts: Any) -> None:
        """The charts module, loaded the first time the tab is shown; the charts of the cards
        built so far are drawn next, one per turn (the others as they are built)."""
        self.charts = charts
        drawn = [("chart", c.model.table) for k, c in self.cards.items() if k in CHARTED]
        if drawn:
            self._pending[:0] = drawn
            self._next_soon()

    def _show_tiles(self, shown: list[Headline]) -> None:
        while len(self.tiles) < len(shown):
            tile = Tile(self.tiles_box)
            n = len(self.tiles)
            self._tiles_grid.addWidget(tile, n // TILES_PER_ROW, n % TILES_PER_ROW)
            tile.activated.connect(lambda t=tile: self._open_tile(t))
            self.tiles.append(tile)
        for tile, headline in zip(self.tiles, shown, strict=False):
            tile.show_headline(headline)

    def _card(self, table: Table, title: str) -> Card:
        side = table.key in WIDE and table.key in CHARTED
        capped = side or table.key not in WIDE
        card = Card(title, ReportTableModel(table, self), side=side, capped=capped, parent=self)
        card.view.activated.connect(lambda index, c=card: self._open_row(c, index))
        return card

    # ------------------------------------------------------------------ charts

    def _draw_chart(self, key: str) -> None:
        """The chart of the card ``key``, if it has one (and the charts are loaded)."""
        if self.charts is None or self.report is None or key not in CHARTED:
            return
        report, charts = self.report, self.charts
        if key == "trend":
            trend = self.cards["trend"]
            days = [t.day for t in report.trend]
            charts.trend_chart(
                self._view(trend), days,
                [(self.tr("Received"), [t.created for t in report.trend]),
                 (self.tr("Completed"), [t.completed for t in report.trend])],
            )  # fmt: skip
            trend.opened = lambda n, i: (
                FigureKey.TREND_CREATED if n == 0 else FigureKey.TREND_COMPLETED,
                days[i].isoformat(), f"{trend.title.text()} · {days[i]}")  # fmt: skip
        elif key == "by_district":
            self._count_chart(key, FigureKey.BY_DISTRICT, report.by_district, shares=False)
        elif key == "three_way":
            self._count_chart(key, FigureKey.THREE_WAY, report.three_way, shares=True)
        elif key == "first_contact":
            self._count_chart(key, FigureKey.FIRST_CONTACT, report.first_contact, shares=True)
        else:
            self._dispatch_chart()

    def _dispatch_chart(self) -> None:
        assert self.report is not None
        lines = sorted(self.report.dispatches, key=lambda d: -d.dispatched)[:TOP_BARS]
        on_time = self.tr("{name}  on time {share}")
        card = self.cards["dispatches"]
        self.charts.bar_chart(
            self._view(card),
            [on_time.format(name=d.name, share=share_text(d.on_time_share)) for d in lines],
            [(self.tr("Dispatched"), [d.dispatched for d in lines]),
             (self.tr("Fed back on time"), [d.on_time for d in lines])],
        )  # fmt: skip
        card.opened = lambda n, i: (
            FigureKey.DISPATCHES if n == 0 else FigureKey.DISPATCHES_ON_TIME,
            lines[i].department, f"{card.title.text()} · {lines[i].name}")  # fmt: skip

    def _count_chart(self, key: str, figure: FigureKey, counts: list[Count], *,
                     shares: bool) -> None:  # fmt: skip
        """Bars of a breakdown, the largest first; with ``shares``, each name says its share."""
        total = sum(c.value for c in counts)
        shown = sorted(counts, key=lambda c: -c.value)[:TOP_BARS]
        own = code_names()
        labels = [label_of(own, key, c.key, c.label) for c in shown]
        names = [f"{n}  {share_text(c.value / total)}" if shares and total else n
                 for n, c in zip(labels, shown, strict=True)]  # fmt: skip
        card = self.cards[key]
        self.charts.bar_chart(self._view(card), names,
                              [(card.title.text(), [c.value for c in shown])])  # fmt: skip
        card.opened = lambda _n, i: (figure, shown[i].key, f"{card.title.text()} · {labels[i]}")

    def _view(self, card: Card) -> Any:
        """The card's chart view; its double-clicks open what the card's ``opened`` says."""
        if card.chart is None:
            view = card.chart_view(self.charts)
            view.picked.connect(lambda n, i, c=card: self._picked(c, n, i))
        return card.chart

    def _picked(self, card: Card, series: int, index: int) -> None:
        if card.opened is not None:
            self.figure_activated.emit(*card.opened(series, index))

    # ------------------------------------------------------------------ opening

    def _open_tile(self, tile: Tile) -> None:
        if tile.headline is not None and tile.headline.figure is not None:
            self.figure_activated.emit(tile.headline.figure, None, tile.headline.name)

    def _open_row(self, card: Card, index: QModelIndex) -> None:
        table = card.model.table
        column = table.columns[index.column()].key
        figure = COLUMN_FIGURES.get((table.key, column), table.figure)
        if figure is None:
            return
        value = card.model.figure_value(index.row())
        label = card.model.index(index.row(), 1 if len(table.columns) > 2 else 0).data()
        what = f"{card.title.text()} · {label}"
        if figure is not table.figure:
            what += f" · {card.model.headerData(index.column(), Qt.Orientation.Horizontal)}"
        self.figure_activated.emit(figure, value, what)

    def first_figure(self) -> QWidget | None:
        """The first tile that opens orders, else the first table."""
        for tile in self.tiles:
            if tile.focusPolicy() != Qt.FocusPolicy.NoFocus:
                return tile
        card = next(iter(self.cards.values()), None)
        return card.view if card is not None else None
