"""Every bad message the peer can send is refused with a clear code and an audit row, and nothing
is lost: a corrupted or oversized body, a schema-invalid one, an unknown major version, a replayed
sequence under a new id, a sender the transport did not authenticate, a step for an order this
side never had. An intact copy sent after a damaged one is still applied."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.audit import AuditAction
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.paths import bundle_path
from console.services.audit import AuditTrail, show
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store.engine import Database
from tests.exchange.platforms import Side, side
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
KEY = b"k" * 32


def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture(scope="module")
def codec() -> ExchangeCodec:
    return ExchangeCodec()


@pytest.fixture
def sides(two_dbs: tuple[Database, Database], codec: ExchangeCodec) -> tuple[Side, Side]:
    audit = AuditTrail(KEY, now)
    return (
        side(Platform.HOTLINE, two_dbs[0], codec, audit=audit),
        side(Platform.POLICE, two_dbs[1], codec, audit=audit, peer_ids=frozenset({"LN-12345"})),
    )


def queued(s: Side) -> list[box.Outgoing]:
    with s.db.read() as session:
        return box.due(session, now() + timedelta(seconds=1), 100)


def transferred(hotline: Side) -> tuple[str, bytes]:
    number = hotline.orders.create(
        Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
              description="有人在小区门口持械斗殴", consent=True), A01,
    ).order.number  # fmt: skip
    hotline.orders.transfers.transfer(number, A01, "转110", key=f"k-{number}")
    return number, queued(hotline)[-1].body


def refusals(db: Database) -> list[str]:
    return [r.detail for r in show(db, action=AuditAction.EXCHANGE_REFUSED.value)]


def answer(codec: ExchangeCodec, raw: bytes | None) -> tuple[int, str]:
    assert raw is not None
    ack = codec.decode_ack(raw)
    return int(ack.status), ack.refusal.code if ack.refusal else ""


def test_a_corrupted_body_is_refused_and_the_intact_copy_still_applies(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number, body = transferred(hotline)
    damaged = body.replace(b'"kind":"transfer"', b'"kind":"transfex"')
    broken = body[: len(body) // 2]
    answers = police.receiver.receive([damaged, broken], "LN-12345")
    assert answer(codec, answers[0]) == (400, "exchange_invalid")  # it names its message
    assert answers[1] is None  # half a JSON text names nothing: answered None, audited
    assert len(refusals(police.db)) == 2
    assert answer(codec, police.receiver.receive([body], "LN-12345")[0]) == (200, "")
    assert police.orders.get(number).order.status is Status.TRANSFERRED


def test_an_oversized_body_and_an_unknown_major_version(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    _number, body = transferred(hotline)
    doc = json.loads(body)
    doc["envelope"]["schemaVersion"] = "2.0"
    newer = json.dumps(doc).encode()
    huge = body + b" " * (codec.max_bytes + 1)
    got = police.receiver.receive([newer, huge], "LN-12345")
    assert answer(codec, got[0]) == (505, "exchange_unknown_version")
    assert got[1] is None or answer(codec, got[1]) == (413, "exchange_too_large")
    assert any("exchange_too_large" in r for r in refusals(police.db))


def test_a_replayed_sequence_under_a_new_id_is_refused(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number, body = transferred(hotline)
    assert answer(codec, police.receiver.receive([body], "LN-12345")[0]) == (200, "")
    doc = json.loads(body)
    doc["envelope"]["messageId"] = "0b4f7c3e-8d1a-4e5b-9c2f-1a2b3c4d5e6f"
    doc["envelope"]["transactionId"] = "1c5f8d4e-9e2b-4f6c-8d3a-2b3c4d5e6f70"
    replay = json.dumps(doc, ensure_ascii=False).encode()
    assert answer(codec, police.receiver.receive([replay], "LN-12345")[0]) == (
        400, "exchange_invalid",
    )  # fmt: skip
    assert answer(codec, police.receiver.receive([body], "LN-12345")[0]) == (200, "")
    assert len(police.orders.get(number).order.timeline) == 2  # applied once


def test_a_sender_the_transport_did_not_authenticate_is_refused(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number, body = transferred(hotline)
    got = police.receiver.receive([body], "LN-OTHER")
    assert answer(codec, got[0]) == (400, "exchange_invalid")
    with pytest.raises(LookupError):
        police.orders.get(number)


def test_a_first_step_for_an_order_never_received_is_refused_unknown_order(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number, _transfer = transferred(hotline)
    hotline.orders.act(number, Action.CANCEL, A01, "来电人撤回诉求", seen=2)
    cancel = queued(hotline)[-1]
    # Its transfer (sequence 1) has not arrived: the cancellation waits for it (409) ...
    assert answer(codec, police.receiver.receive([cancel.body], "LN-12345")[0]) == (409, "")
    # ... while a first message that is not a transfer names an order this side never had.
    example = bundle_path("resources", "exchange", "v1", "examples", "message-sign_for.json")
    got = hotline.receiver.receive([example.read_bytes()], "LN-110")
    assert answer(codec, got[0]) == (422, "exchange_unknown_order")


def test_applied_steps_and_refusals_are_in_the_audit_trail(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number, body = transferred(hotline)
    police.receiver.receive([body], "LN-12345")
    steps = show(police.db, action=AuditAction.ORDER_STEP.value)
    assert [(r.who, r.target) for r in steps] == [("exchange:LN-12345", number)]
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    hotline.orders.act(number, Action.CANCEL, A01, "撤回", seen=2)
    sign_for = queued(police)[-1].body
    hotline.receiver.receive([sign_for], "LN-110")
    assert any("closed" in r for r in refusals(hotline.db))
