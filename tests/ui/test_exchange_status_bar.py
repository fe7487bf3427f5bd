"""The status bar's link to the peer platform's system: connected, down for how long with the
backlog, shaped as well as coloured; hidden at a site without an exchange; read again on the
app's clock tick every few seconds (a fake clock here), and from the real database via the
exchange harness."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.services.exchange_reads import LinkState, LinkView
from console.ui.status_bar import LINK_READ_EVERY, StatusBar
from tests.services.test_exchange_reads import A01, DRAFT, Pair
from tests.ui.linkage_harness import Seats
from tests.ui.ops_doubles import InlineOperations
from tests.ui.test_exchange_order_lines import pair as two_platforms

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
pair = two_platforms  # the fixture, under its name here


def view(state: LinkState, since: datetime | None = None, queued: int = 0) -> LinkView:
    return LinkView("LN-110", Platform.POLICE, state, since, queued, None, None, 0, None)


class Reads:
    """The link as the test sets it, counting the reads."""

    def __init__(self, shown: LinkView) -> None:
        self.shown, self.count = shown, 0

    def __call__(self) -> LinkView:
        self.count += 1
        return self.shown


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[StatusBar]:
    made = StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url="sqlite://")
    qtbot.addWidget(made)
    yield made


def follow(bar: StatusBar, shown: LinkView) -> Reads:
    reads = Reads(shown)
    bar.follow_link(InlineOperations(), reads)
    bar.tick(NOW)
    return reads


def test_hidden_without_an_exchange(bar: StatusBar) -> None:
    follow(bar, view(LinkState.NONE))
    assert bar.link_label.isHidden()


def test_connected(bar: StatusBar, chinese: None) -> None:
    follow(bar, view(LinkState.UP, NOW - timedelta(hours=2)))
    assert not bar.link_label.isHidden()
    assert bar.link_label.text() == "✔ 110 平台：已连接"
    assert "LN-110" in bar.link_label.toolTip()


def test_down_with_a_backlog_counts_on(bar: StatusBar, chinese: None) -> None:
    follow(bar, view(LinkState.DOWN, NOW - timedelta(minutes=12), queued=37))
    assert bar.link_label.text() == "✖ 110 平台：中断 12 分钟 · 积压 37 条"
    bar.tick(NOW + timedelta(minutes=1))
    assert bar.link_label.text() == "✖ 110 平台：中断 13 分钟 · 积压 37 条"
    assert "font-weight: bold" in bar.link_label.styleSheet()  # and its shape, and its words


def test_in_english(bar: StatusBar) -> None:
    follow(bar, view(LinkState.DOWN, NOW - timedelta(hours=1, minutes=5), queued=2))
    assert bar.link_label.text() == "✖ 110 platform: down 1 h 5 min · backlog 2"
    follow(bar, view(LinkState.UNKNOWN, queued=1))
    assert bar.link_label.text() == "? 110 platform: not reached yet · backlog 1"


def test_read_again_on_the_tick_every_few_seconds(bar: StatusBar) -> None:
    reads = follow(bar, view(LinkState.UP))
    first = reads.count
    bar.tick(NOW + timedelta(seconds=1))
    assert reads.count == first  # not every second
    reads.shown = view(LinkState.DOWN, NOW)
    bar.tick(NOW + LINK_READ_EVERY)
    assert reads.count == first + 1
    assert bar.link_label.text().startswith("✖")
    reads.shown = view(LinkState.NONE)  # an exchange taken away: the label goes
    bar.tick(NOW + 2 * LINK_READ_EVERY)
    assert bar.link_label.isHidden()


def test_from_the_real_link(bar: StatusBar, pair: Pair, chinese: None) -> None:
    bar.follow_link(InlineOperations(), lambda: pair.reads.link(A01))
    bar.tick(pair.clock.now)
    assert bar.link_label.isHidden()  # nothing sent yet: no exchange to speak of
    pair.transfer()
    pair.links[Platform.HOTLINE].down = True
    asyncio.run(pair.hotline.pump_all())
    pair.clock.now += timedelta(minutes=12)
    bar.tick(pair.clock.now)
    assert bar.link_label.text() == "✖ 110 平台：中断 12 分钟 · 积压 1 条"
    pair.links[Platform.HOTLINE].down = False
    asyncio.run(pair.hotline.pump_all())
    pair.clock.now += LINK_READ_EVERY
    bar.tick(pair.clock.now)
    assert bar.link_label.text() == "✔ 110 平台：已连接"


def test_a_shared_database_site_shows_nothing_new(seats: Seats, qtbot: QtBot) -> None:
    """The composition root's windows on one database (no exchange): the status bar reads the
    link and hides it; the order detail shows no exchange line."""
    for part in (seats.hot, seats.pol):
        part.tick(datetime.now(UTC))
        qtbot.waitUntil(lambda part=part: part.status.link is not None, timeout=5000)
        assert part.status.link is not None and part.status.link.state is LinkState.NONE
        assert part.status.link_label.isHidden()
    number = seats.orders.create(DRAFT, A01).order.number
    detail = seats.hot.window.detail
    assert detail is not None
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        seats.hot.window.open_order(number)
    assert detail.exchange.isHidden()
