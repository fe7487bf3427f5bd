"""Screenshots of the reports tab with the in-memory report service (report_doubles): a month
of a Shenyang 12345 floor, with its charts.

Usage: python tests/ui/reports_screens_script.py OUT_DIR [zh_CN|en]  (DISPLAY: an X server)
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python \\
      tests/ui/reports_screens_script.py /tmp/shots zh_CN

Saves reports-1366x768-LANG.png and reports-1920x1080-LANG.png (the tab in a window of that
size, scrolled to the top), reports-page-LANG.png (the whole page, as the PDF prints it),
reports-orders-LANG.png (the orders behind a district's bar) and reports-LANG.pdf. Exits 4 if a
chart is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

if __package__ in (None, ""):  # run as a script: find the tests package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.domain.catalogue import parse_districts
from console.domain.orders import Platform
from console.services.report_views import FigureKey
from console.ui.qt_app import install_translators
from console.ui.reports import reports_tab
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.report_doubles import NOV, FakeReports

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
    districts = parse_districts((ROOT / "db" / "seed" / "districts.csv").read_text("utf-8"))
    tab = reports_tab(FakeReports(), principal=by.principal, ops=InlineOperations(),
                      today=lambda: NOV.end, districts=districts, chinese=lang != "en")  # fmt: skip
    assert tab is not None
    tab.filters.set_period("month", NOV.start)
    for width, height in ((1366, 768), (1920, 1080)):
        tab.resize(width, height - 150)  # the window's title bar, call area, tabs, status bar
        tab.show()
        settle(app)
        tab.scroller.verticalScrollBar().setValue(0)
        settle(app)
        tab.grab().save(str(out / f"reports-{width}x{height}-{lang}.png"))
    tab.page.grab().save(str(out / f"reports-page-{lang}.png"))
    tab.save_pdf(out / f"reports-{lang}.pdf")
    charts = [c for c in tab.page.cards.values() if c.chart is not None and c.chart.isVisible()]
    tab.open_figure(FigureKey.BY_DISTRICT, "210106", tab.page.cards["by_district"].title.text()
                    + " · 铁西区")  # fmt: skip
    settle(app)
    if tab.dialog is not None:
        tab.dialog.grab().save(str(out / f"reports-orders-{lang}.png"))
        tab.dialog.close()
    del keep
    return 0 if len(charts) == 5 else 4


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh_CN"))
