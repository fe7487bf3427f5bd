"""A tab's page built the first time it is shown: a seat's window opens with the pages its
agent works in, and a shift lead's reports, hot spots or 会商 (their modules, their widgets and
their first reads) are built when the lead first opens them (issue 18: an instant start).

Until then the page is an empty placeholder; the tab's title and key are the window's, so the
key that selects the tab builds it too. :meth:`LazyPage.content` builds it on demand (a shortcut
that must reach a widget inside it, a test).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Signals: ``built(widget)`` once, when the page's content has been built and placed."""

    built = Signal(QWidget)

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build: Callable[[], QWidget] | None = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The page's widget, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            build, self._build = self._build, None
            self._content = build()
            self._layout.addWidget(self._content)
            self._content.show()  # in this paint, not the next (a child added while shown)
            self.built.emit(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)


def built(page: QWidget) -> QWidget:
    """``page``'s content, built now if it is a :class:`LazyPage` not built yet."""
    return page.content() if isinstance(page, LazyPage) else page


def when_built(page: QWidget, then: Callable[[QWidget], object]) -> None:
    """Call ``then`` with ``page``'s content once there is one: now for a page built already
    (or one that is not a :class:`LazyPage`), else when it is built."""
    if not isinstance(page, LazyPage):
        then(page)
    elif page.is_built:
        then(page.content())
    else:
        page.built.connect(then)
