"""A tab built the first time it is shown (console/ui/lazy_page.py): not before, once only,
and whoever waits for its content gets it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from console.ui.lazy_page import LazyPage, built, when_built


def test_a_page_is_built_once_when_its_tab_is_first_selected(qtbot: QtBot) -> None:
    made: list[QLabel] = []

    def build() -> QLabel:
        made.append(QLabel("报表"))
        return made[-1]

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("坐席"), "Seat")
    page = LazyPage(build)
    tabs.addTab(page, "Reports")
    got: list[QWidget] = []
    when_built(page, got.append)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert made == [] and not page.is_built and got == []  # the first tab shows: not built
    tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: len(made) == 1)
    assert got == made and made[0].parentWidget() is page and made[0].isVisible()
    tabs.setCurrentIndex(0)
    tabs.setCurrentWidget(page)
    assert len(made) == 1 and built(page) is made[0]  # once only
    late: list[QWidget] = []
    when_built(page, late.append)  # built already: at once
    assert late == made


def test_content_builds_a_page_never_shown_and_built_passes_other_widgets(qtbot: QtBot) -> None:
    page = LazyPage(lambda: QLabel("会商"))
    qtbot.addWidget(page)
    content = built(page)  # a key that must reach into the page before it is shown
    assert isinstance(content, QLabel) and page.is_built and page.content() is content
    plain = QLabel("热点")
    qtbot.addWidget(plain)
    assert built(plain) is plain
    got: list[QWidget] = []
    when_built(plain, got.append)
    assert got == [plain]
