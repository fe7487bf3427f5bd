"""The administrator's Knowledge tab (知识库, 系统管理员): every article's newest version, and
the form that saves an edit as a new version (an old version is never rewritten).

Keyboard first: Alt+I the list (the selected article fills the form), Alt+N a new article,
each field its Alt letter, Ctrl+Enter saves. Every service call is an operation off the GUI
thread made as the signed-in administrator (``by``): the service checks the role matrix and
records the save in the audit trail; a refusal is said under the form in the user's language.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.knowledge import CATEGORY_NAMES, Article
from console.domain.refusals import Refused
from console.domain.roles import Principal
from console.services.knowledge import KnowledgeService
from console.ui.admin.article_form import ArticleForm
from console.ui.keys import marked
from console.ui.names import say
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

ARTICLE = Qt.ItemDataRole.UserRole


class KnowledgeView(QWidget):
    """Signals: ``loaded(int)`` after each read of the articles (their count); ``saved(str)``
    after a save (the sentence shown)."""

    loaded = Signal(int)
    saved = Signal(str)

    def __init__(
        self,
        service: KnowledgeService,
        *,
        principal: Principal,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeView")
        self._service, self._by, self._ops = service, principal, ops
        self.new_button = QPushButton(marked(self.tr("New article"), "kb_new"))
        self.table = QTableWidget(0, 6)
        self.list_label = QLabel(marked(self.tr("Articles"), "kb_list"))
        self.list_label.setBuddy(self.table)
        self.form = ArticleForm()
        self.status = QLabel()
        self.status.setObjectName("knowledgeStatus")
        self.status.setWordWrap(True)
        self._build()
        self._connect_signals()
        self.form.fill(None, service.today())

    def _build(self) -> None:
        t = self.table
        t.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Version"), self.tr("Category"),
                                     self.tr("Title"), self.tr("Valid"), self.tr("Now")])  # fmt: skip
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setTabKeyNavigation(False)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 50, 90, 260, 190)):
            t.setColumnWidth(column, width)
        top = QHBoxLayout()
        top.addWidget(self.list_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.form, 1)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_article)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.form.save_asked.connect(self.save)

    # Reading ------------------------------------------------------------------------------

    @Slot()
    def refresh(self, select: str = "") -> None:
        """Read the articles again; keep (or move to) the selected id."""
        chosen = self.selected()
        keep = select or (chosen.article_id if chosen is not None else "")
        articles, by = self._service.articles, self._by
        self._ops.read(
            self, "articles", lambda: articles(by=by),
            success=lambda rows: self._show(rows, keep),
            failure=lambda error: self.status.setText(
                self.tr("Could not read the articles: {error}").format(error=refusal_text(error))
            ),
        )  # fmt: skip

    def _show(self, rows: list[Article], keep: str) -> None:
        today = self._service.today()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        at = 0
        for n, a in enumerate(rows):
            until = a.valid_to if a.valid_to else "…"
            demo = self.tr(" (demo)") if a.demo else ""
            cells = (a.article_id, str(a.version), say(CATEGORY_NAMES[a.category]),
                     a.title + demo, f"{a.valid_from} – {until}", self._state(a, today))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ARTICLE, a)
                self.table.setItem(n, column, item)
            at = n if a.article_id == keep else at
        self.table.blockSignals(False)
        if rows:
            self.table.selectRow(at)
        self._selection_changed()  # the version just saved, even when the row stayed selected
        self.loaded.emit(len(rows))

    def _state(self, a: Article, today: date) -> str:
        if a.in_effect(today):
            return self.tr("in effect")
        return self.tr("not yet") if a.valid_from > today else self.tr("expired")

    def selected(self) -> Article | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        value = item.data(ARTICLE) if item is not None else None
        return value if isinstance(value, Article) else None

    def _selection_changed(self) -> None:
        self.form.fill(self.selected(), self._service.today())

    # Changing -----------------------------------------------------------------------------

    @Slot()
    def new_article(self) -> None:
        self.table.clearSelection()
        self.form.fill(None, self._service.today())
        self.status.clear()
        self.form.title.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def save(self) -> None:
        try:
            article = self.form.article()
        except Refused as refused:
            self.status.setText(refusal_text(refused))
            return
        service, by = self._service, self._by
        self._ops.write(
            self, lambda: service.save(article, by=by),
            success=self._saved,
            failure=lambda error: self.status.setText(refusal_text(error)),
        )  # fmt: skip

    def _saved(self, article: Article) -> None:
        said = self.tr("Saved {id}, version {version}.").format(
            id=article.article_id, version=article.version
        )
        self.status.setText(said)
        self.refresh(select=article.article_id)
        self.saved.emit(said)
