"""The administrator's form for one knowledge article (知识库): what a save stores as a new
version. Each field has its Alt letter (console/ui/keys.py, ``kb_*``); Ctrl+Enter saves.

The form only reads and fills its fields; :meth:`ArticleForm.article` turns them into an
:class:`~console.domain.knowledge.Article` (a date not written as YYYY-MM-DD is refused here,
everything else by the service's one check, ``console.domain.knowledge.check_article``).

Signals: ``save_asked()`` when Ctrl+Enter or the save button asks for a save.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.domain.knowledge import CATEGORY_NAMES, Article, Category
from console.domain.refusals import Refused
from console.ui.keys import KEYS, marked, sequences
from console.ui.names import say

_SPLIT = re.compile(r"[,，、;；\s]+")


def _day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refused("article_date_format", why=f"{text!r} is not YYYY-MM-DD") from None


class ArticleForm(QWidget):
    save_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleForm")
        self.heading = QLabel()
        self.title = QLineEdit()
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(say(CATEGORY_NAMES[category]), category.value)
        self.rule = QLineEdit(placeholderText="R-017")
        self.kinds = QLineEdit(placeholderText="C-ZX, C-QZ")
        self.keywords = QLineEdit(placeholderText="公积金、提取")
        self.valid_from = QLineEdit(placeholderText="YYYY-MM-DD")
        self.valid_to = QLineEdit(placeholderText="YYYY-MM-DD")
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        key = KEYS["kb_save"].keys[0]
        self.save_button = QPushButton(self.tr("Save as a new version ({key})").format(key=key))
        self._save_key = QShortcut(self)
        self._save_key.setKeys(sequences("kb_save"))
        self._save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._article_id = ""
        self._demo = False
        self._build()
        self.save_button.clicked.connect(self.save_asked)
        self._save_key.activated.connect(self.save_asked)

    def _build(self) -> None:
        layout = QFormLayout(self)
        layout.addRow(self.heading)
        rows = (
            (self.tr("Title:"), "kb_title", self.title),
            (self.tr("Category:"), "kb_category", self.category),
            (self.tr("会商 rule:"), "kb_rule", self.rule),
            (self.tr("Kinds:"), "kb_kinds", self.kinds),
            (self.tr("Keywords:"), "kb_keywords", self.keywords),
            (self.tr("Valid from:"), "kb_from", self.valid_from),
            (self.tr("Valid to:"), "kb_to", self.valid_to),
            (self.tr("Text:"), "kb_body", self.body),
        )
        for text, key, field in rows:
            label = QLabel(marked(text, key))
            label.setBuddy(field)
            layout.addRow(label, field)
        layout.addRow(self.save_button)

    def fill(self, article: Article | None, today: date) -> None:
        """Show ``article`` to edit (its next version), or an empty form for a new one."""
        a = article
        self._article_id = a.article_id if a else ""
        self._demo = a.demo if a else False
        self.heading.setText(
            self.tr("{id}, version {version}: a save stores version {next}.").format(
                id=a.article_id, version=a.version, next=a.version + 1
            )
            if a
            else self.tr("A new article: its id is given when it is saved.")
        )
        self.title.setText(a.title if a else "")
        self.category.setCurrentIndex(
            self.category.findData((a.category if a else Category.POLICY).value)
        )
        self.rule.setText(a.rule_id or "" if a else "")
        self.kinds.setText(", ".join(a.kinds) if a else "")
        self.keywords.setText("、".join(a.keywords) if a else "")
        self.valid_from.setText(str(a.valid_from if a else today))
        self.valid_to.setText(str(a.valid_to) if a and a.valid_to else "")
        self.body.setPlainText(a.body if a else "")

    def article(self) -> Article:
        """What the fields hold (unchecked but for the dates); raises :class:`Refused`."""
        start = _day(self.valid_from.text())
        if start is None:
            raise Refused("article_date_format")
        return Article(
            self._article_id, self.title.text(), self.body.toPlainText(),
            Category(self.category.currentData() or Category.POLICY.value), start,
            _day(self.valid_to.text()),
            tuple(k for k in _SPLIT.split(self.kinds.text()) if k),
            tuple(k for k in _SPLIT.split(self.keywords.text()) if k),
            self.rule.text(), self._demo,
        )  # fmt: skip
