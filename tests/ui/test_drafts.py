"""The intake draft on disk: JSON round trip, atomic writes, throttled autosave, bad files."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.domain.intake import Draft
from console.domain.orders import Priority
from console.settings import data_dir
from console.ui.seat.drafts import (
    AUTOSAVE_MS,
    DraftCall,
    DraftFileError,
    DraftStore,
    SavedDraft,
    draft_from_json,
    draft_to_json,
    write_atomic,
)

DRAFT = Draft(caller_phone="138 1234 5678", caller_name="张先生", kind="C-QZ", field="F-SH",
              district="210102", address="南京南街1号", description="楼道灯坏了\n第二行",
              priority=Priority.URGENT, social_stability=True, consent=True)  # fmt: skip
AT = datetime(2026, 11, 27, 8, 30, tzinfo=UTC)
C1 = DraftCall("c1", "13812345678")


def test_json_round_trip_keeps_every_field_and_the_call() -> None:
    call = DraftCall("call-42", "13812345678")
    text = draft_to_json(call, DRAFT, AT)
    assert draft_from_json(text) == SavedDraft(call, AT, DRAFT)
    assert draft_from_json(draft_to_json(None, Draft(), AT)) == SavedDraft(None, AT, Draft())
    data = json.loads(text)
    assert data["draft"]["priority"] == "urgent" and data["saved_at"] == "2026-11-27T08:30:00+00:00"
    assert "楼道灯坏了" in text  # readable for support staff, not \u escapes


def test_unknown_keys_are_ignored_and_missing_ones_take_the_default() -> None:
    text = json.dumps({"version": 1, "call_id": None,
                       "draft": {"description": "漏水", "colour": "blue"}})  # fmt: skip
    assert draft_from_json(text) == SavedDraft(None, None, Draft(description="漏水"))
    older = json.dumps({"version": 1, "call_id": "c1", "saved_at": AT.isoformat(), "draft": {}})
    assert draft_from_json(older).call is None  # no caller kept: offered, never matched


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("{not json", "not JSON"),
        ("[]", "not a JSON object"),
        ('{"version": 9, "draft": {}}', "unknown version 9"),
        ('{"version": 1, "call_id": 5, "draft": {}}', "call_id must be a string"),
        ('{"version": 1, "caller": 5, "draft": {}}', "caller must be a string"),
        ('{"version": 1, "saved_at": "noon", "draft": {}}', "saved_at is not an instant"),
        ('{"version": 1, "draft": "x"}', "draft must be an object"),
        ('{"version": 1, "draft": {"address": 12}}', "address must be a string"),
        ('{"version": 1, "draft": {"consent": "yes"}}', "consent must be true or false"),
        ('{"version": 1, "draft": {"priority": "highest"}}', "unknown priority 'highest'"),
    ],
)
def test_a_bad_file_says_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(DraftFileError, match=complaint):
        draft_from_json(text)


def test_write_atomic_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "current.json"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text(encoding="utf-8") == "two"
    assert [p.name for p in path.parent.iterdir()] == ["current.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "current.json"
    write_atomic(path, "old")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["current.json"]


def test_store_lives_in_the_data_dir_and_writes_at_most_every_500_ms(qtbot: QtBot) -> None:
    store = DraftStore()
    assert store.path == data_dir() / "drafts" / "current.json"
    assert store.timer.objectName() == "draft-autosave" and store.timer.isSingleShot()
    written: list[str] = []
    store.written.connect(written.append)
    store.stage(C1, Draft(description="a"))
    remaining = store.timer.remainingTime()
    store.stage(C1, Draft(description="ab"))  # rides along: the timer is not restarted
    assert store.timer.remainingTime() <= remaining and store.timer.interval() == AUTOSAVE_MS
    assert not store.path.exists()
    qtbot.waitUntil(lambda: store.path.exists(), timeout=2000)
    assert written == [str(store.path)]
    latest = store.load_latest()
    assert latest is not None and (latest.call, latest.draft) == (C1, Draft(description="ab"))


def test_flush_writes_now_and_clear_forgets(qtbot: QtBot) -> None:
    store = DraftStore()
    store.flush()  # nothing staged: nothing written
    assert not store.path.exists()
    store.stage(None, DRAFT)
    store.flush()
    latest = store.load_latest()
    assert not store.timer.isActive() and latest is not None
    assert (latest.call, latest.draft) == (None, DRAFT)
    store.stage(None, Draft(description="later"))
    store.clear()
    assert not store.path.exists() and not store.timer.isActive()
    assert store.load_latest() is None


def test_a_corrupt_file_is_moved_aside(qtbot: QtBot) -> None:
    store = DraftStore()
    store.folder.mkdir(parents=True)
    store.path.write_bytes(b"\xff\xfe half a draft")
    assert store.load_latest() is None
    assert not store.path.exists()
    assert store.moved_aside is not None and store.moved_aside.name.endswith(".corrupt")
    assert store.moved_aside.read_bytes() == b"\xff\xfe half a draft"


def test_a_write_that_fails_is_reported_and_retried(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    store = DraftStore(blocker / "drafts")
    with qtbot.waitSignal(store.failed) as failed:
        store.stage(C1, DRAFT)
    assert "not-a-folder" in failed.args[0]
    blocker.unlink()
    store.flush()  # the draft stayed staged
    latest = store.load_latest()
    assert latest is not None and (latest.call, latest.draft) == (C1, DRAFT)


def test_set_aside_keeps_the_draft_under_another_name(qtbot: QtBot) -> None:
    store = DraftStore()
    assert store.set_aside() is None
    store.stage(C1, DRAFT)
    aside = store.set_aside()
    assert aside is not None and aside.name.startswith("set-aside-")
    kept = draft_from_json(aside.read_text(encoding="utf-8"))
    assert (kept.call, kept.draft) == (C1, DRAFT)
    assert store.load_latest() is None
