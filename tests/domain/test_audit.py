"""The audit chain: intact rows verify; a changed, deleted or inserted row is named; rows of the
first format (JSON) still verify, alone and mixed with format 2."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Sequence
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
    Verdict,
    key_id,
    mac_input,
    row_key_id,
    seal,
)
from console.domain.audit import verify as verify_rows

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
        previous = row.mac
    return rows


def verify(key: bytes, records: Sequence[AuditRecord]) -> Verdict:
    return verify_rows(key, [r.row() for r in records])


def seal_v1(key: bytes, previous: str, seq: int, at: datetime, entry: AuditEntry) -> AuditRecord:
    """A row as the first release wrote it: JSON content, chained on the previous MAC's bytes,
    ``key_id`` the key's bare name."""
    kid, when = key_id(key), at.astimezone(UTC)
    fields = [seq, when.isoformat(timespec="microseconds"), entry.who, entry.seat,
              entry.action.value, entry.target, entry.outcome.value, entry.detail, kid]  # fmt: skip
    content = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    mac = hmac.digest(key, bytes.fromhex(previous) + content, hashlib.sha256).hex()
    return AuditRecord(seq, when, *fields[2:], mac)  # type: ignore[arg-type]


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
    rows[2] = replace(forged, key_id=row_key_id(KEY))
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


def test_rows_of_the_first_format_still_verify_and_chain_into_format_2() -> None:
    entry = AuditEntry("王丽", "A-01", AuditAction.SIGN_IN, "wangli")
    old: list[AuditRecord] = []
    for seq in (1, 2, 3):
        old.append(seal_v1(KEY, old[-1].mac if old else GENESIS, seq, T0, entry))
    rows = [*old, seal(KEY, old[-1].mac, 4, T0, entry)]
    rows.append(seal(KEY, rows[-1].mac, 5, T0, entry))
    assert rows[0].key_id == key_id(KEY) and rows[4].key_id == f"v2:{key_id(KEY)}"
    assert verify(KEY, rows).broken is None
    changed = [*rows[:1], replace(rows[1], detail="x"), *rows[2:]]
    broken = verify(KEY, changed).broken
    assert broken is not None and (broken.seq, broken.what) == (2, "changed")
    downgraded = [*rows[:4], replace(rows[4], key_id=key_id(KEY))]  # format 1 in its key_id
    broken = verify(KEY, downgraded).broken
    assert broken is not None and broken.seq == 5


def test_the_canonical_form_is_unambiguous() -> None:
    """Text moved from one column to the next changes the bytes the MAC covers."""
    fields = ("0" * 64, 1, "2026-12-01 00:00:00.000000", "王丽", "A-01", "export")
    a = mac_input(*fields, "a", "ok", "b", "v2:k")
    b = mac_input(*fields, "a1:", "ok", "b", "v2:k")
    c = mac_input(*fields, "", "ok", "ab", "v2:k")
    assert len({a, b, c}) == 3
