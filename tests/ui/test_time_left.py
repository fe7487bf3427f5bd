"""Time-left bands are their own declaration, not alarm levels, and never colour alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from console.domain.orders import Platform, Status
from console.store.queues import QueueKind, QueueQuery, QueueRow
from console.ui.alarms.model import LEVEL_COLOURS
from console.ui.models.queue_model import QueueModel
from console.ui.models.time_left import TimeLeftBand, band_names
from tests.ui.ops_doubles import InlineOperations

NOW = datetime(2026, 11, 26, 2, tzinfo=UTC)


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    r, g, b = (channel(v) for v in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_bands_by_the_clock_with_readable_colours_and_a_name_each() -> None:
    def band(left: timedelta) -> TimeLeftBand | None:
        return TimeLeftBand.of(NOW + left, NOW)

    assert band(-timedelta(seconds=1)) is TimeLeftBand.OVERDUE
    assert band(timedelta(0)) is TimeLeftBand.UNDER_2H  # due this instant: not over yet
    assert band(timedelta(hours=2) - timedelta(seconds=1)) is TimeLeftBand.UNDER_2H
    assert band(timedelta(hours=2)) is TimeLeftBand.UNDER_24H
    assert band(timedelta(hours=24)) is None
    assert set(band_names()) == set(TimeLeftBand)
    lightness = [luminance(b.background) for b in TimeLeftBand]
    assert lightness == sorted(lightness)  # darker the tighter: told apart without hue
    for b in TimeLeftBand:
        lighter, darker = sorted((luminance(b.background), luminance(b.text)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) > 7, b
    # Their own colours: a queue's "under 2 hours" is not the alarm panel's 到期.
    assert not {b.background for b in TimeLeftBand} & {back for back, _ in LEVEL_COLOURS.values()}


def test_the_queue_names_the_band_beside_its_colour() -> None:
    def row(number: int, due: datetime) -> QueueRow:
        return QueueRow(
            id=number, number=f"12345-20261126-{number:06d}", created_at=NOW, kind="C-TS",
            status=Status.HANDLING, owner=Platform.HOTLINE, priority=0, deadline=due,
            caller_phone="13812345678", description="噪音扰民",
        )  # fmt: skip

    rows = [row(1, NOW - timedelta(minutes=35)), row(2, NOW + timedelta(minutes=90))]
    query = QueueQuery(QueueKind.ALL)
    model = QueueModel(lambda *_: (rows, None), InlineOperations(), query, {})
    model.set_now(NOW)
    model.load_first_page()
    tips = [model.index(n, QueueModel.LEFT).data(Qt.ItemDataRole.ToolTipRole) for n in (0, 1)]
    names = band_names()
    assert tips[0].endswith(names[TimeLeftBand.OVERDUE])
    assert tips[1].endswith(names[TimeLeftBand.UNDER_2H])
    assert model.index(0, QueueModel.LEFT).data() == "35m over"  # and the text says it
