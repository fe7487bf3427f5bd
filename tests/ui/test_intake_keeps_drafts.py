"""The intake form keeps what the agent typed: through a crash, a refusal, a fault, a second call\nand a corrupt draft; one save at a time (split from test_intake_form.py)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from console.domain.intake import Draft, Problem
from console.services.orders import InvalidDraft
from console.telephony.port import Line
from console.telephony.simulated import SimulatedSwitch
from console.ui.seat.drafts import DraftCall, DraftStore
from console.ui.seat.intake_form import IntakeForm
from tests.ui.intake_harness import (
    HOTLINE,
    PHONE,
    Seat,
    focused,
    press,
    type_text,
)


def _crash(seat: Seat, qtbot: QtBot, form: IntakeForm) -> None:
    """The console goes away: nothing saved, nothing flushed on purpose."""
    host = form.parentWidget()
    assert host is not None
    seat.hosts.remove(host)
    host.close()
    host.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(host))


def _typed_then_crashed(seat: Seat, qtbot: QtBot, call_id: str) -> Draft:
    form = seat.open()
    form.start_for_call(call_id, PHONE)
    type_text("1")
    form.fields.description.setFocus()
    type_text("小区停水")
    drafts = form.drafts
    assert drafts.timer.objectName() == "draft-autosave"
    qtbot.waitUntil(lambda: "小区停水" in _text(drafts.path), timeout=2000)
    typed = form.draft()
    _crash(seat, qtbot, form)
    return typed


def test_a_draft_survives_a_crash_and_is_offered_with_its_caller(seat: Seat, qtbot: QtBot) -> None:
    typed = _typed_then_crashed(seat, qtbot, "call-7")
    again = DraftStore()
    latest = again.load_latest()
    assert latest is not None and latest.call == DraftCall("call-7", PHONE)
    restored = seat.open(drafts=again)
    assert restored.restore_latest()
    assert restored.draft() == Draft()  # offered, not put on the form by itself
    at = latest.saved_at
    assert at is not None
    assert restored.offer.isVisible() and restored.offer_text.text() == (
        f"Restore the unsaved draft (call from 138****5678, {at.astimezone():%H:%M})?"
    )
    press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert restored.draft() == typed and not restored.offer.isVisible()
    assert "138****5678" in restored.message.text()
    restored.set_draft(Draft())
    restored.start_for_call("call-7", PHONE)  # the same call again: its draft, not a blank form
    assert restored.draft() == typed
    assert restored.message.text().startswith(
        "Restored the unsaved draft of this call (138****5678"
    )


def test_after_a_restart_a_repeated_call_id_does_not_get_the_old_draft(
    seat: Seat, qtbot: QtBot
) -> None:
    """A restarted switch may number its calls from 1 again: the draft of the first console's
    call 1 must not land on the second console's call 1, another caller."""
    _typed_then_crashed(seat, qtbot, "SIM-000001")
    form = seat.open(drafts=DraftStore())
    assert form.restore_latest()
    form.start_for_call("SIM-000001", "13900001111")  # same id, another caller
    assert form.draft() == Draft(caller_phone="13900001111") and not form.offer.isVisible()
    (aside,) = form.drafts.folder.glob("set-aside-*.json")
    assert "小区停水" in _text(aside)
    assert "138****5678" in form.message.text() and str(aside) in form.message.text()
    assert form.drafts.load_latest() is None


def test_a_restarted_simulated_switch_numbers_its_calls_afresh(qloop: qasync.QEventLoop) -> None:
    async def first_call() -> str:
        switch = SimulatedSwitch(rate_per_min=0, seed=1)
        call_id = switch.place_call(Line.HOTLINE, PHONE).call_id
        await switch.stop()
        return call_id

    before, after = (qloop.run_until_complete(first_call()) for _ in range(2))
    assert before != after  # same seed, same caller: still another call


def test_an_offered_draft_can_be_set_aside_and_typing_never_overwrites_it(
    seat: Seat, qtbot: QtBot
) -> None:
    _typed_then_crashed(seat, qtbot, "call-8")
    form = seat.open(drafts=DraftStore())
    assert form.restore_latest()
    press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not form.offer.isVisible() and form.draft() == Draft()
    (aside,) = form.drafts.folder.glob("set-aside-*.json")
    assert "小区停水" in _text(aside)
    _crash(seat, qtbot, form)
    _typed_then_crashed(seat, qtbot, "call-9")
    form = seat.open(drafts=DraftStore())
    assert form.restore_latest()
    form.fields.address.setFocus()
    type_text("x")  # typing with the offer still open: the offered draft goes aside first
    assert not form.offer.isVisible() and len(list(form.drafts.folder.glob("set-aside-*"))) == 2


def test_leaving_a_field_writes_the_draft_at_once(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open()
    changes: list[None] = []
    form.draft_changed.connect(lambda: changes.append(None))
    form.fields.address.setFocus()
    type_text("Zhongshan Rd")
    assert len(changes) == len("Zhongshan Rd") and form.drafts.timer.isActive()
    form.fields.description.setFocus()  # focus-out: no waiting for the timer
    assert not form.drafts.timer.isActive()
    latest = form.drafts.load_latest()
    assert latest is not None and (latest.call, latest.draft) == (
        None,
        Draft(address="Zhongshan Rd"),
    )


def test_one_save_at_a_time(seat: Seat, qtbot: QtBot) -> None:
    """A second Ctrl+S while the first is still saving must not make a second order."""
    release = threading.Event()
    calls: list[Draft] = []

    def slow_save(draft: Draft) -> str:
        calls.append(draft)
        release.wait(5)
        return seat.service.create(draft, HOTLINE).order.number

    form = seat.open(save=slow_save)
    form.set_draft(Draft(caller_phone=PHONE, kind="C-YJ", field="F-ST", district="210200",
                         description="建议增设公交线路"))  # fmt: skip
    form.fields.description.setFocus()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert not form.save_button.isEnabled() and form.message.text() == "Saving…"
    with qtbot.waitSignal(form.saved, timeout=5000):
        press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        release.set()
    assert len(calls) == 1 and len(seat.service.caller_history(PHONE)) == 1


def test_a_corrupt_draft_does_not_stop_the_form(seat: Seat) -> None:
    store = DraftStore()
    store.folder.mkdir(parents=True)
    store.path.write_text('{"version": 1, "draft": {"description": ', encoding="utf-8")
    form = seat.open(drafts=store)
    assert not form.restore_latest()
    assert not store.path.exists() and list(store.folder.glob("current.json.*.corrupt"))
    assert form.message.text().startswith("A saved draft could not be read and was moved to")
    assert form.draft() == Draft()


def test_another_call_sets_an_unsaved_draft_aside(seat: Seat) -> None:
    form = seat.open()
    form.start_for_call("call-1", PHONE)
    form.fields.description.setFocus()
    type_text("上一通电话的内容")
    form.start_for_call("call-2", "13900001111")
    assert form.draft() == Draft(caller_phone="13900001111")
    (aside,) = form.drafts.folder.glob("set-aside-*.json")
    assert "上一通电话的内容" in _text(aside) and str(aside) in form.message.text()


def test_the_service_refusing_or_failing_keeps_the_draft(seat: Seat, qtbot: QtBot) -> None:
    answers: list[Exception] = [
        InvalidDraft([Problem("district", "district_missing")]),  # retired meanwhile
        sqlite3.OperationalError("database is locked"),  # said as a sentence, not as SQLite
    ]

    def save(draft: Draft) -> str:
        raise answers.pop(0)

    form = seat.open(save=save)
    typed = Draft(caller_phone=PHONE, kind="C-ZX", field="F-GF", district="210102",
                  description="咨询社保")  # fmt: skip
    form.set_draft(typed)
    form.save()
    qtbot.waitUntil(lambda: bool(form.problems_shown()))
    assert form.problems_shown() == {"district": "Choose a district from the list"}
    assert focused() is form.fields.district
    form.save()
    qtbot.waitUntil(lambda: "busy" in form.message.text())
    assert form.message.text() == (
        "Not saved: The database is busy with another seat's change: try again. "
        "Everything typed is still here; press Ctrl+S to try again."
    )
    assert form.draft() == typed and form.save_button.isEnabled()


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
