"""The knowledge pane (知识库) beside the intake form: the articles for the kind chosen and the
text typed so far, the chosen one's text, and a key that cites it on the order.

Wiring (the composition root): ``KnowledgePane(search, ops, cite)`` where ``search(kind, text)``
is ``KnowledgeService.search`` and ``cite(article_id)`` records the citation on the current
order (and then calls :meth:`KnowledgePane.confirm_cited` or :meth:`KnowledgePane.refuse`).
Feed it with :meth:`show_for` whenever the form's kind or description changes: it waits
``delay_ms`` for typing to pause, then searches off the GUI thread (``Operations.read``, one
search in flight at a time, the newest ask wins) and lists what came back.

Keyboard first: Alt+W reaches the list (arrows choose; the text shows below), Ctrl+Enter with
the focus in the pane cites the chosen article. Nothing here steals focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.knowledge import CATEGORY_NAMES, Article
from console.services.knowledge_index import Hit
from console.services.steps import Held
from console.ui.keys import KEYS, marked, sequences
from console.ui.names import say
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

Search = Callable[[str | None, str], Sequence[Hit]]
ARTICLE = Qt.ItemDataRole.UserRole


def validity(article: Article) -> str:
    """ "valid 2026-01-01 to 2026-12-31" / "valid from 2026-01-01", in the user's language."""
    translate = QCoreApplication.translate
    if article.valid_to is None:
        return translate("KnowledgePane", "valid from {start}").format(start=article.valid_from)
    return translate("KnowledgePane", "valid {start} to {end}").format(
        start=article.valid_from, end=article.valid_to
    )


class KnowledgePane(QWidget):
    """Signals: ``shown(int)`` after each search's answer is listed (the number of articles);
    ``cite_asked(str)`` when the cite key asks for an article (its id), after ``cite`` ran."""

    shown = Signal(int)
    cite_asked = Signal(str)

    def __init__(
        self,
        search: Search,
        ops: Operations,
        cite: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        delay_ms: int = 150,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePane")
        self._search, self._ops, self._cite = search, ops, cite
        self._asked: tuple[str | None, str] = (None, "")
        self._timer = QTimer(self)
        self._timer.setObjectName("knowledgeSearchTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self.heading = QLabel(marked(self.tr("Knowledge base"), "kb_articles"))
        self.articles = QListWidget()
        self.articles.setObjectName("knowledgeArticles")
        self.articles.setWordWrap(True)
        self.heading.setBuddy(self.articles)
        self.body = QPlainTextEdit(readOnly=True)
        self.body.setObjectName("knowledgeBody")
        key = KEYS["kb_cite"].keys[0]
        self.cite_button = QPushButton(self.tr("Cite on the order ({key})").format(key=key))
        self.cite_button.setToolTip(
            self.tr("Record that this article answered the caller ({key})").format(key=key)
        )
        self.status = QLabel()
        self.status.setObjectName("knowledgeStatus")
        self.status.setWordWrap(True)
        self._cite_key = QShortcut(self)
        self._cite_key.setKeys(sequences("kb_cite"))
        self._cite_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._build()
        self._connect_signals()
        self._show([])

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.articles, 2)
        layout.addWidget(self.body, 3)
        layout.addWidget(self.cite_button)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._ask)
        self.articles.currentItemChanged.connect(lambda *_: self._show_body())
        self.cite_button.clicked.connect(self.cite_selected)
        self._cite_key.activated.connect(self.cite_selected)

    # Searching ----------------------------------------------------------------------------

    @Slot(object, str)
    def show_for(self, kind: str | None, text: str) -> None:
        """The form now holds ``kind`` (None or "": not chosen) and ``text``: search once the
        typing pauses."""
        self._asked = (kind or None, text)
        self._timer.start()

    def again(self) -> None:
        """The articles changed (an administrator's edit, an import): search again for what
        the form holds, so the list shows the versions in effect."""
        self._timer.start()

    def _ask(self) -> None:
        kind, text = self._asked
        self._ops.read(
            self, "knowledge", partial(self._search, kind, text),
            success=self._show,
            failure=lambda error: self.status.setText(
                self.tr("The knowledge base could not be searched: {error}").format(
                    error=refusal_text(error))
            ),
        )  # fmt: skip

    def _show(self, hits: Sequence[Hit]) -> None:
        chosen = self.selected()
        self.articles.clear()
        for hit in hits:
            item = QListWidgetItem(self._line(hit.article))
            item.setData(ARTICLE, hit.article)
            item.setToolTip(hit.article.cited)
            self.articles.addItem(item)
        keep = next(
            (n for n, h in enumerate(hits) if chosen and h.article.article_id == chosen.article_id),
            0,
        )
        if hits:
            self.articles.setCurrentRow(keep)
        else:
            self.articles.addItem(QListWidgetItem(self.tr("No article for what is typed yet.")))
            self.articles.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._show_body()
        self.cite_button.setEnabled(bool(hits))
        self.shown.emit(len(hits))

    def _line(self, a: Article) -> str:
        demo = self.tr(" · demo") if a.demo else ""
        rule = self.tr(" · rule {rule}").format(rule=a.rule_id) if a.rule_id else ""
        first = f"[{say(CATEGORY_NAMES[a.category])}] {a.title}"
        return f"{first}\n{a.article_id} v{a.version}{rule} · {validity(a)}{demo}"

    def _show_body(self) -> None:
        article = self.selected()
        self.body.setPlainText(f"{article.body}\n\n{article.cited}" if article else "")

    def selected(self) -> Article | None:
        item = self.articles.currentItem()
        value = item.data(ARTICLE) if item is not None else None
        return value if isinstance(value, Article) else None

    # Citing -------------------------------------------------------------------------------

    @Slot()
    def cite_selected(self) -> None:
        article = self.selected()
        if article is None:
            self.status.setText(self.tr("Choose an article in the list first."))
            return
        self.status.setText(self.tr("Citing {article}…").format(article=article.article_id))
        self._cite(article.article_id)
        self.cite_asked.emit(article.article_id)

    @Slot(str, str)
    def confirm_cited(self, article_id: str, order_number: str, held: bool = False) -> None:
        """``held``: kept on the seat with the order while the database is away."""
        text = (
            self.tr("{article} will be cited on {number} when the database is back.")
            if held
            else self.tr("{article} cited on order {number}.")
        )
        self.status.setText(text.format(article=article_id, number=order_number))

    @Slot(str)
    def refuse(self, text: str) -> None:
        """Say why the citation was not recorded (a refusal's text, in the user's language)."""
        self.status.setText(self.tr("Not cited: {why}").format(why=text))


class OrderCiter(QObject):
    """The pane's ``cite`` for a seat: records citations on the order of the call.

    ``cite_on(order_number, article_id)`` records it (``KnowledgeService.cite`` as the seat,
    through the seat's journal: ``app_seat.knowledge_pane``). An article cited before the
    order is saved waits and is cited when :meth:`set_order` names the saved order (connect ``IntakeForm.saved``); :meth:`clear_order` (a new call, a new
    order) forgets both. Every write goes through ``ops`` (off the GUI thread)."""

    def __init__(
        self, ops: Operations, cite_on: Callable[[str, str], object], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ops, self._cite_on = ops, cite_on
        self.pane: KnowledgePane | None = None
        self.order: str | None = None
        self.waiting: list[str] = []

    def __call__(self, article_id: str) -> None:
        if self.order is None:
            if article_id not in self.waiting:
                self.waiting.append(article_id)
            if self.pane is not None:
                self.pane.status.setText(
                    self.tr("{article} will be cited when the order is saved.").format(
                        article=article_id
                    )
                )
            return
        self._write(self.order, article_id)

    @Slot(str)
    def set_order(self, order_number: str) -> None:
        self.order = order_number
        waiting, self.waiting = self.waiting, []
        for article_id in waiting:
            self._write(order_number, article_id)

    @Slot()
    def clear_order(self) -> None:
        self.order, self.waiting = None, []

    def _write(self, order_number: str, article_id: str) -> None:
        pane = self.pane
        self._ops.write(
            pane if pane is not None else self, partial(self._cite_on, order_number, article_id),
            success=lambda cited: pane.confirm_cited(
                article_id, order_number, held=isinstance(cited, Held)
            )
            if pane
            else None,
            failure=lambda error: pane.refuse(refusal_text(error)) if pane else None,
        )  # fmt: skip
