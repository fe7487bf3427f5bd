"""The report page to PDF: A4 landscape, the heading, then the page's blocks (the tiles, the
cards) where they sit on the page, all at one scale (the page's width to the paper's).

A card shows at most a dozen rows and scrolls the rest; on paper nothing scrolls, so a card whose
table has more rows than it shows is printed as a :class:`LongTable`: its title and chart as on
screen, then every row of its table painted from the model, continued on the next sheet with its
header (and title, marked continued) repeated. Painted on the GUI thread: widgets draw only there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QTableView, QWidget

PDF_DPI = 150
PDF_MARGIN_MM = 10.0
CARD_GAP_PX = 12  # between two cards on a PDF page, in page pixels
CELL_PADDING = 6  # a cell's text from its edges, widget pixels
HEADER_FILL = QColor("#eef1f4")
RULE = QColor("#d0d4d8")
STRIPE = QColor("#f6f7f9")


@dataclass(frozen=True)
class LongTable:
    """A card printed whole: ``title`` and ``chart`` (may be hidden) rendered as widgets,
    then every row of ``view``'s model."""

    card: QWidget
    title: QWidget
    chart: QWidget | None
    view: QTableView


Block = QWidget | LongTable


class _Sheets:
    """The PDF being painted: where the next thing goes, and a new sheet when it does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, width: int, height: int) -> None:
        self.writer, self.painter, self.width, self.height = writer, painter, width, height
        self.y, self.count = 0, 1

    def room(self, needed: float) -> None:
        """A new sheet unless ``needed`` page pixels still fit on this one."""
        if self.y + needed > self.height and self.y > 0:
            self.writer.newPage()
            self.count += 1
            self.y = 0

    def render(self, widget: QWidget, x: float, fit: float) -> None:
        painter = self.painter
        painter.save()
        painter.translate(x * fit, self.y)
        painter.scale(fit, fit)
        painter.setClipRect(QRect(0, 0, widget.width(), widget.height()))  # a table draws past
        QWidget.render(widget, painter, QPoint(0, 0))  # (a chart view overrides render)
        painter.restore()


def write_pdf(path: Path, title: str, heading: str, page: QWidget, blocks: Sequence[Block]) -> int:
    """The page as a PDF; a row of cards never split across two sheets (a long table flows
    onto the next). Returns the number of sheets."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("12345 ⇄ 110 linkage console")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape,
                                     QMarginsF(*[PDF_MARGIN_MM] * 4),
                                     QPageLayout.Unit.Millimeter))  # fmt: skip
    area = writer.pageLayout().paintRectPixels(PDF_DPI)
    width, height = area.width(), area.height()
    scale = width / max(1, page.width())
    rows: dict[int, list[tuple[Block, QPoint]]] = {}
    for block in blocks:
        widget = block.card if isinstance(block, LongTable) else block
        if widget.isVisible() and widget.height() > 0:
            at = widget.mapTo(page, QPoint(0, 0))
            rows.setdefault(at.y(), []).append((block, at))
    painter = QPainter(writer)
    try:
        font = QFont(page.font())
        font.setPointSizeF(12)
        painter.setFont(font)
        line = painter.fontMetrics().height()
        painter.drawText(QRect(0, 0, width, line * 3), Qt.TextFlag.TextWordWrap, heading)
        sheets = _Sheets(writer, painter, width, height)
        sheets.y = line * 3
        for top in sorted(rows):
            row = sorted(rows[top], key=lambda b: b[1].x())
            if any(isinstance(b, LongTable) for b, _ in row):
                for block, at in row:  # one after another: a long table needs the sheets
                    if isinstance(block, LongTable):
                        _long_table(sheets, block, at.x(), scale)
                    else:
                        _widgets(sheets, [(block, at)], scale)
            else:
                _widgets(sheets, [(b, at) for b, at in row if isinstance(b, QWidget)], scale)
    finally:
        painter.end()
    return sheets.count


def _widgets(sheets: _Sheets, row: list[tuple[QWidget, QPoint]], scale: float) -> None:
    tall = max(b.height() for b, _ in row)
    fit = min(scale, sheets.height / tall)  # a row taller than a sheet is shrunk onto one
    sheets.room(tall * fit)
    for block, at in row:
        sheets.render(block, at.x(), fit)
    sheets.y += int(tall * fit) + CARD_GAP_PX


def _long_table(sheets: _Sheets, block: LongTable, x: int, scale: float) -> None:
    view = block.view
    model = view.model()
    header = view.horizontalHeader()
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    font = QFont(view.font())  # in pixels: the PDF's 150 dpi would enlarge a point size
    font.setPixelSize(QFontInfo(view.font()).pixelSize())
    bold = QFont(font)
    bold.setBold(True)
    widths = _widths(view, columns, font, bold, room=int(sheets.width / scale) - x)
    row_h = view.verticalHeader().defaultSectionSize()
    head_h = header.sizeHint().height()
    title_h = block.title.height()
    chart = block.chart if block.chart is not None and block.chart.isVisibleTo(block.card) else None
    # the title, the chart and the first rows stay together
    sheets.room((title_h + (chart.height() if chart else 0) + head_h + row_h * 3) * scale)
    sheets.render(block.title, x, scale)
    sheets.y += int(title_h * scale)
    if chart is not None:
        sheets.render(chart, x, scale)
        sheets.y += int(chart.height() * scale) + CARD_GAP_PX // 2
    painter = sheets.painter
    continued = QCoreApplication.translate("ReportPdf", "{title} (continued)").format(
        title=getattr(block.title, "text", lambda: "")()
    )

    def draw_header(again: bool) -> None:
        if again:  # a new sheet: the title again, marked continued
            painter.save()
            painter.setFont(bold)
            painter.translate(x * scale, sheets.y)
            painter.scale(scale, scale)
            painter.drawText(QRect(0, 0, sum(widths), title_h), Qt.AlignmentFlag.AlignVCenter,
                             continued)  # fmt: skip
            painter.restore()
            sheets.y += int(title_h * scale)
        texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
        aligns = [model.headerData(c, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.TextAlignmentRole) for c in columns]  # fmt: skip
        _cells(painter, x, sheets.y, scale, widths, head_h, texts, aligns, bold, HEADER_FILL)
        sheets.y += int(head_h * scale)

    draw_header(False)
    for r in range(model.rowCount()):
        if sheets.y + row_h * scale > sheets.height:
            sheets.room(sheets.height)  # always a new sheet
            draw_header(True)
        indexes = [model.index(r, c) for c in columns]
        texts = [str(i.data() or "") for i in indexes]
        aligns = [i.data(Qt.ItemDataRole.TextAlignmentRole) for i in indexes]
        fill = STRIPE if r % 2 else None
        _cells(painter, x, sheets.y, scale, widths, row_h, texts, aligns, font, fill)
        sheets.y += int(row_h * scale)
    sheets.y += CARD_GAP_PX


def _widths(view: QTableView, columns: list[int], font: QFont, bold: QFont,
            room: int) -> list[int]:  # fmt: skip
    """Each column as wide as on screen, or as its widest text on paper (the screen measures
    only the rows in view), all of them shrunk together if they would leave the paper."""
    model = view.model()
    plain, heavy = QFontMetrics(font), QFontMetrics(bold)
    widths = []
    for c in columns:
        texts = [str(model.index(r, c).data() or "") for r in range(model.rowCount())]
        header = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        widest = max(
            [heavy.horizontalAdvance(header), *(plain.horizontalAdvance(t) for t in texts)]
        )
        widths.append(max(view.horizontalHeader().sectionSize(c), widest + 2 * CELL_PADDING + 2))
    total = sum(widths)
    if total > room > 0:
        widths = [w * room // total for w in widths]
    return widths


def _cells(painter: QPainter, x: int, y: int, scale: float, widths: list[int], height: int,
           texts: list[str], aligns: list[Any], font: QFont,
           fill: QColor | None) -> None:  # fmt: skip
    """One line of a table, in widget pixels scaled onto the sheet."""
    painter.save()
    painter.translate(x * scale, y)
    painter.scale(scale, scale)
    painter.setFont(font)
    total = sum(widths)
    if fill is not None:
        painter.fillRect(QRect(0, 0, total, height), fill)
    painter.setPen(RULE)
    painter.drawLine(0, height - 1, total, height - 1)
    painter.setPen(QColor("#1a1a1a"))
    metrics = painter.fontMetrics()
    left = 0
    for width, text, align in zip(widths, texts, aligns, strict=True):
        flags = Qt.AlignmentFlag(int(align)) if align else Qt.AlignmentFlag.AlignLeft
        flags |= Qt.AlignmentFlag.AlignVCenter
        room = max(0, width - 2 * CELL_PADDING)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRect(left + CELL_PADDING, 0, room, height), flags, shown)
        left += width
    painter.restore()
