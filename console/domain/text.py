"""User-visible words declared in the pure domain, translated by the UI.

The domain names things (an action's button, a refusal's sentence, a deadline's label) without
importing Qt: :func:`QT_TRANSLATE_NOOP` only records the translation context and the English
source text, and ``pyside6-lupdate`` extracts every such call into ``resources/i18n/*.ts`` by
its name, as it does Qt's own macro. The UI turns a :class:`Text` into the agent's language with
``QCoreApplication.translate(text.context, text.source)`` (``console.ui.names.say``).
"""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    """A translatable string: its Qt translation context and its English source text."""

    context: str
    source: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # lupdate finds it by name
    """Mark ``source`` for translation in ``context``; the UI translates it when shown."""
    return Text(context, source)
