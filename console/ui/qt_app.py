"""Qt application set-up for the composition root: the app object, fonts, translations, tray.

Split from ``console/app.py`` so the root stays a readable list of what is built in which order.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from console.paths import bundle_path
from console.settings import APP_AUTHOR, APP_NAME

if TYPE_CHECKING:
    import asyncio  # on the path to the first paint: named for types only

log = logging.getLogger(__name__)

# Chinese first: the base image and many Linux desks lack CJK fonts; the last entry is the
# platform default so Latin text never falls back to a CJK font's Latin glyphs if none exist.
CJK_FONTS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]


def make_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_AUTHOR)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same quiet look on Windows desks and Linux seats
    font = app.font()
    font.setFamilies([*CJK_FONTS, font.family()])
    app.setFont(font)
    return app


def install_translators(
    app: QCoreApplication, lang: str, folder: Path | None = None
) -> list[QTranslator]:
    """Install Qt's own and the console's translations for ``lang``; returns them (keep them).

    Nothing is compiled here: ``make`` turns ``resources/i18n/*.ts`` into ``.qm`` files. Source
    strings are English, so a missing ``.qm`` for another language leaves the UI in English.
    """
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    qm = (folder or bundle_path("resources", "i18n")) / f"console_{lang}.qm"
    ours = QTranslator(app)
    if ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    elif not lang.startswith("en"):
        log.warning("no translation %s (run `make i18n`): showing English", qm)
    return installed


def tray_icon(app: QApplication) -> QSystemTrayIcon | None:
    """A tray icon for desktop alarm messages, where the desktop has a tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    tray = QSystemTrayIcon(icon, app)
    tray.setToolTip(QCoreApplication.translate("App", "12345 ⇄ 110 linkage seat console"))
    tray.show()
    return tray


class FirstPaint(QObject):
    """Resolves ``future`` with ``time.perf_counter()`` at the watched widget's first paint."""

    def __init__(self, future: asyncio.Future[float], parent: QObject) -> None:
        super().__init__(parent)
        self._future = future

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._future.done():
            self._future.set_result(time.perf_counter())
            watched.removeEventFilter(self)
        return False
