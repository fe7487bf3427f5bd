"""The order detail's inline forms laid out alike: a step's form (order_actions.py) and the
merge form (order_merge.py) — the buttons' row above, the form below it hidden until opened
(prompt, fields, then the error beside Cancel and Confirm), Ctrl+Enter confirming and Esc
closing while the form has the focus. One form shows at a time, so they share these keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from console.ui.keys import sequence, sequences


def lay_out_step_form(
    owner: QWidget, row: QBoxLayout, form: QWidget, prompt: QWidget, fields: QFormLayout,
    buttons: tuple[QWidget, QWidget, QWidget], submit: Callable[[], object],
    close: Callable[[], object],
) -> None:  # fmt: skip
    """``buttons``: the error line, Cancel and Confirm, in that order."""
    error, cancel, confirm = buttons
    bottom = QHBoxLayout()
    bottom.addWidget(error, 1)
    bottom.addWidget(cancel)
    bottom.addWidget(confirm)
    inner = QVBoxLayout(form)
    inner.addWidget(prompt)
    inner.addLayout(fields)
    inner.addLayout(bottom)
    form.hide()
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(row)
    layout.addWidget(form)
    for keys in sequences("confirm_step"):
        QShortcut(keys, form, submit)
    QShortcut(sequence("close_step"), form, close)
