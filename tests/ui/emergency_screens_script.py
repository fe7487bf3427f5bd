"""Screenshots of the emergency board with the in-memory incident service (incident_doubles):
an active Ⅱ-level incident with 8 partners (2 overdue), a Ⅳ-level drill, one stood down.

Usage: python tests/ui/emergency_screens_script.py OUT_DIR [zh_CN|en]  (DISPLAY: an X server)
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python \
      tests/ui/emergency_screens_script.py /tmp/shots zh_CN

Saves board-1366x768-LANG.png, board-1920x1080-LANG.png (the board in a window of that size)
and wall-1920x1080-LANG.png (wall mode, the whole screen); the start form with its preview,
start-form-LANG.png. Exits 4 if the wall's overdue partners are not on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

if __package__ in (None, ""):  # run as a script: find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.domain.catalogue import parse_districts
from console.domain.emergency import EventType, Level
from console.domain.orders import Platform
from console.ui.emergency import emergency_board
from console.ui.emergency.start_dialog import StartDialog
from console.ui.qt_app import install_translators
from tests.principals import lead
from tests.ui.incident_doubles import seeded
from tests.ui.ops_doubles import InlineOperations

ROOT = Path(__file__).resolve().parents[2]


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def main(out: Path, lang: str) -> int:
    app = QApplication(sys.argv[:1])
    keep = (
        install_translators(app, lang, folder=ROOT / "resources" / "i18n") if lang != "en" else []
    )
    out.mkdir(parents=True, exist_ok=True)
    by = lead("张班长", "A-09", Platform.HOTLINE)
    fake = seeded(by)
    districts = parse_districts((ROOT / "db" / "seed" / "districts.csv").read_text("utf-8"))
    chinese = lang != "en"
    board = emergency_board(fake, by=by, ops=InlineOperations(), clock=lambda: fake.now,
                            districts=districts, chinese=chinese, kind_names={"C-QZ": "求助" if chinese else "Help request"})  # fmt: skip
    assert board is not None
    board.set_now(fake.now)
    for width, height in ((1366, 768), (1920, 1080)):
        board.resize(width, height - 60)  # the window's title bar and the status bar
        board.show()
        settle(app)
        board.grab().save(str(out / f"board-{width}x{height}-{lang}.png"))
    board.toggle_wall()
    settle(app)
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(out / f"wall-1920x1080-{lang}.png"))
    shown = " ".join(label.text() for label in board.wall.findChildren(QLabel)
                     if label.isVisible())  # fmt: skip
    ok = "国网沈阳供电公司调度" in shown
    board.wall.leave()
    settle(app)
    board.start()
    form = board.form
    assert isinstance(form, StartDialog)
    form.event_type.setCurrentIndex(form.event_type.findData(EventType.ACCIDENT))
    form.level.setCurrentIndex(form.level.findData(Level.II))
    form.district.set_value("210103")
    form.place.setText("青年大街与十一纬路交叉口")
    form.summary.setText("燃气管道破裂起火")
    settle(app)
    form.grab().save(str(out / f"start-form-{lang}.png"))
    del keep
    return 0 if ok else 4


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh_CN"))
