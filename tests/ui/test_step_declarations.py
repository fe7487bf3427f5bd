"""The UI is built from the declarations: every declared step has a button, its declared form, and
Chinese words for its name, hint and refusals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.domain.actions import ACTIONS, STEPS, FormField
from console.domain.deadline_kinds import DEADLINE_KINDS
from console.domain.orders import Platform
from console.domain.refusals import REFUSALS
from console.domain.text import Text
from console.ui.seat.order_actions import OrderActions
from tests.principals import at_seat
from tests.ui.ops_doubles import HeldOperations
from tests.ui.test_order_actions import order

ZH = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "console_zh_CN.ts"


def _chinese() -> dict[tuple[str, str], str]:
    root = ET.parse(ZH).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): (m.findtext("translation") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_every_declared_word_has_its_chinese() -> None:
    zh = _chinese()
    texts: list[Text] = []
    for spec in ACTIONS.values():
        texts += [t for t in (spec.name, spec.hint, spec.button) if t is not None]
    for kind in DEADLINE_KINDS.values():
        texts += [kind.name, kind.queue, kind.due_label]
    texts += list(REFUSALS.values())
    missing = [t for t in texts if not zh.get((t.context, t.source), "").strip()]
    assert missing == [], "declared but not translated (make i18n-update, then translate)"


def test_every_step_has_a_button_and_shows_exactly_its_declared_fields(qtbot: QtBot) -> None:
    steps = OrderActions(
        by=at_seat("王丽", "A-01", Platform.HOTLINE), perform=lambda step: step,
        ops=HeldOperations(), departments=list, police_kinds=[],
    )  # fmt: skip
    qtbot.addWidget(steps)
    assert list(steps.buttons) == [spec.action for spec in STEPS]
    assert set(steps.rows) == set(FormField)  # every field a declaration can ask for
    steps.show_order(order("A"))
    for spec in STEPS:
        steps.open_step(spec.action)
        shown = {
            field for field, (_label, widget) in steps.rows.items() if widget.isVisibleTo(steps)
        }
        # The first-contact mode beside an outcome shows only for that outcome.
        expected = set(spec.form)
        if FormField.OUTCOME in spec.form:
            expected.discard(FormField.FIRST_CONTACT_MODE)
        assert shown == expected, spec.action
        steps.close_step()
