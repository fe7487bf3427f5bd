"""The audit chain: intact rows verify; a changed, deleted or inserted row is named."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.audit import (
    GENESIS,
    AuditAction,
    AuditEntry,
    AuditOutcome,
    AuditRecord,
    key_id,
    seal,
    verify,
)

KEY = bytes(range(32))
T0 = datetime(2026, 12, 1, 2, 3, 4, 567890, tzinfo=UTC)


def chain(n: int, key: bytes = KEY) -> list[AuditRecord]:
    rows, previous = [], GENESIS
    for seq in range(1, n + 1):
        entry = AuditEntry(
            "王丽", "A-01", AuditAction.ORDER_STEP, f"12345-{seq}", detail="sign_for"
        )
        row = seal(key, previous, seq, T0 + timedelta(seconds=seq), entry)
        rows.append(row)
        previous = bytes.fromhex(row.mac)
    return rows


def test_an_intact_chain_verifies_and_reports_its_head() -> None:
    rows = chain(5)
    verdict = verify(KEY, rows)
    assert verdict.broken is None
    assert (verdict.rows, verdict.head_seq, verdict.head_mac) == (5, 5, rows[-1].mac)
    assert verify(KEY, []).broken is None


@pytest.mark.parametrize(
    "change",
    [
        {"who": "张伟"},
        {"seat": "A-02"},
        {"action": "alarm_ack"},
        {"target": "12345-99"},
        {"outcome": "refused"},
        {"detail": "complete"},
        {"at": T0 + timedelta(seconds=3, microseconds=1)},
    ],
)
def test_a_changed_column_is_named(change: dict[str, object]) -> None:
    rows = chain(5)
    rows[2] = replace(rows[2], **change)  # type: ignore[arg-type]
    broken = verify(KEY, rows).broken
    assert broken is not None and (broken.seq, broken.what) == (3, "changed")


def test_a_deleted_row_is_named() -> None:
    rows = chain(5)
    del rows[1]
    broken = verify(KEY, rows).broken
    assert broken is not None and (broken.seq, broken.what) == (2, "deleted")
    assert "row 2 missing" in broken.sentence


def test_a_row_rewritten_with_a_new_mac_or_inserted_is_named() -> None:
    rows = chain(5)
    forged = seal(os.urandom(32), GENESIS, 3, T0, AuditEntry("x", "A-09", AuditAction.EXPORT))
    rows[2] = replace(forged, key_id=key_id(KEY))
    broken = verify(KEY, rows).broken
    assert broken is not None and (broken.seq, broken.what) == (3, "inserted")
    before = [replace(rows[0], seq=0), *chain(5)]  # numbered before the first row
    broken = verify(KEY, before).broken
    assert broken is not None and (broken.seq, broken.what) == (0, "inserted")


def test_a_row_added_at_the_end_without_the_key_is_named() -> None:
    rows = chain(4)
    rows.append(replace(chain(5)[4], mac="00" * 32))
    broken = verify(KEY, rows).broken
    assert broken is not None and broken.seq == 5 and "the last" in broken.sentence


def test_rows_signed_with_another_key_are_named() -> None:
    broken = verify(KEY, chain(3, key=os.urandom(32))).broken
    assert broken is not None and (broken.seq, broken.what) == (1, "foreign_key")


def test_entries_take_only_declared_actions_and_outcomes() -> None:
    with pytest.raises(TypeError):
        AuditEntry("王丽", "A-01", "order_step")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AuditEntry("王丽", "A-01", AuditAction.EXPORT, outcome="ok")  # type: ignore[arg-type]
    long = AuditEntry("王丽", "A-01", AuditAction.EXPORT, "t" * 900, AuditOutcome.OK, "d" * 900)
    assert (len(long.target), len(long.detail)) == (500, 500)


@given(st.integers(1, 12), st.data())
def test_any_one_change_is_caught_at_its_row(n: int, data: st.DataObject) -> None:
    rows = chain(n)
    at = data.draw(st.integers(0, n - 1))
    text = data.draw(st.text(min_size=1, max_size=8))
    if text == rows[at].detail:
        return
    rows[at] = replace(rows[at], detail=text)
    broken = verify(KEY, rows).broken
    assert broken is not None and broken.seq == at + 1
