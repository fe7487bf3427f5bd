"""The wallboard's look: huge light type on dark, sized for 1920×1080 and scaled to the screen
the wall is shown on."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize

STYLE = """
QWidget#wallboard { background: #0d1116; }
QLabel { color: #f2f2f2; }
QLabel#wbTitle { font-size: 44px; font-weight: bold; }
QLabel#wbClock { font-size: 56px; font-weight: bold; }
QLabel#wbHint { font-size: 26px; color: #b0b8c0; }
QLabel#wbStale { font-size: 34px; font-weight: bold; padding: 4px 14px; border-radius: 6px; }
QFrame#wbTile { background: #1b2229; border-radius: 10px; }
QLabel#wbTileTitle { font-size: 34px; color: #c9d1d9; font-weight: bold; }
QLabel#wbBig { font-size: 190px; font-weight: bold; }
QLabel#wbSub { font-size: 46px; padding: 2px 12px; border-radius: 6px; }
QLabel#wbCaption { font-size: 36px; color: #c9d1d9; }
QLabel#wbWait { font-size: 110px; font-weight: bold; padding: 0 12px; border-radius: 8px; }
QFrame#wbRow { border-radius: 6px; }
QLabel#wbRowWord, QLabel#wbRowFigure { font-size: 54px; font-weight: bold; padding: 2px 0; }
"""


DESIGNED_FOR = (1920, 1080)  # the sizes above; another screen scales them


def screen_scale(screen: QSize) -> float:
    return min(screen.width() / DESIGNED_FOR[0], screen.height() / DESIGNED_FOR[1])


def scaled_style(screen: QSize) -> str:
    """``STYLE`` with its pixel sizes scaled to ``screen`` (1366×768: 0.71 — at full size the
    figures and words would be cut off; a 4K wall gets them larger). The margins and spacings
    follow (:meth:`Wallboard.fit_to`)."""
    scale = screen_scale(screen)
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m[1]) * scale))}px", STYLE)
