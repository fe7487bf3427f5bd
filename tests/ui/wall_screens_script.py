"""Screenshots of the wallboard (a busy afternoon, wall_doubles.busy_floor and queue) on the whole
1920×1080 screen, and of the hot spots tab (three planted hot spots) at 1366×768.

Usage: python tests/ui/wall_screens_script.py OUT_DIR [zh_CN|en]  (DISPLAY: an X server)
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python \
      tests/ui/wall_screens_script.py /tmp/shots zh_CN

Saves wallboard-1920x1080-LANG.png and hotspots-1366x768-LANG.png. Exits 4 if a figure of the
wallboard is cut off (a label wider or taller than it is shown) or the wall does not fit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

if __package__ in (None, ""):  # run as a script: find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.domain.catalogue import parse_districts
from console.domain.orders import Platform
from console.ui.hotspots import hotspot_view
from console.ui.qt_app import install_translators
from console.ui.wallboard import wallboard
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.wall_doubles import DEPARTMENTS, NOW, FakeFloor, FakeHotspots, busy_floor, queue

ROOT = Path(__file__).resolve().parents[2]


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def clipped(labels: list[QLabel]) -> list[str]:
    """Labels whose text needs more room than they got."""
    return [
        x.text()
        for x in labels
        if x.isVisible()
        and (x.sizeHint().width() > x.width() + 1 or x.minimumSizeHint().height() > x.height() + 1)
    ]


def main(out: Path, lang: str) -> int:
    app = QApplication(sys.argv[:1])
    keep = (
        install_translators(app, lang, folder=ROOT / "resources" / "i18n") if lang != "en" else []
    )
    out.mkdir(parents=True, exist_ok=True)
    by = lead("张班长", "A-09", Platform.HOTLINE)
    chinese = lang != "en"
    board = wallboard(FakeFloor(busy_floor()).read, queue(), by=by, ops=InlineOperations(),
                      clock=lambda: NOW)  # fmt: skip
    assert board is not None
    board.toggle()
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(out / f"wallboard-1920x1080-{lang}.png"))
    cut = clipped(board.findChildren(QLabel))
    fits = board.sizeHint().height() <= 1080 and board.minimumSizeHint().height() <= 1080
    board.leave()
    districts = parse_districts((ROOT / "db" / "seed" / "districts.csv").read_text("utf-8"))
    names = {d.code: d.name_zh if chinese else d.name_en for d in districts}
    subjects = {
        "C-TS": "投诉" if chinese else "Complaint",
        "F-GR": "供热" if chinese else "Heating",
    }
    view = hotspot_view(FakeHotspots(), by=by, ops=InlineOperations(),
                        departments=lambda: DEPARTMENTS, district_names=names,
                        subject_names=subjects, chinese=chinese)  # fmt: skip
    assert view is not None
    view.resize(1366, 768 - 60 - 120)  # the title bar, the status bar, the call area and tabs
    view.show()
    settle(app)
    view.grab().save(str(out / f"hotspots-1366x768-{lang}.png"))
    del keep
    if cut or not fits:
        print("cut off:", cut, "fits:", fits)
        return 4
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh_CN"))
