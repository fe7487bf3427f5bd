"""The exchange's wire format: round trips, the shipped examples, and every bad body refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.domain.exchange import (
    STATUS_OF_CODE,
    AckStatus,
    Kind,
    Message,
    acknowledge,
)
from console.domain.orders import Caller, Deadlines, Priority
from console.domain.refusals import REFUSALS, Refused
from console.paths import bundle_path
from console.services.exchange_codec import ExchangeCodec
from tests.domain.test_exchange import POLICE_SYSTEM, samples
from tests.exchange.incident_sample import incident_sample
from tests.exchange.told_sample import told_sample

EXAMPLES = bundle_path("resources", "exchange", "v1", "examples")
SAMPLES = samples()


@pytest.fixture(scope="module")
def codec() -> ExchangeCodec:
    return ExchangeCodec()


def _doc(codec: ExchangeCodec, kind: Kind = Kind.TRANSFER) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(codec.encode(SAMPLES[kind]))
    return doc


def _refused(codec: ExchangeCodec, raw: bytes, **kw: Any) -> Refused:
    with pytest.raises(Refused) as refused:
        codec.decode(raw, **kw)
    return refused.value


def _bytes(doc: object) -> bytes:
    return json.dumps(doc).encode()  # \u escapes: a lone surrogate can travel as one


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_round_trips_as_canonical_json(codec: ExchangeCodec, kind: Kind) -> None:
    raw = codec.encode(SAMPLES[kind])
    assert codec.decode(raw) == SAMPLES[kind]
    assert codec.encode(codec.decode(raw)) == raw  # the same message is the same bytes
    assert b"\n" not in raw and raw == json.dumps(
        json.loads(raw), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def test_a_caller_told_round_trips_for_the_order_own_caller_and_one_who_joined(
    codec: ExchangeCodec,
) -> None:
    joined = told_sample()
    own = replace(joined, caller=replace(joined.caller, merged_from=None))
    for m in (joined, own):
        raw = codec.encode(m)
        assert codec.decode(raw) == m and codec.encode(codec.decode(raw)) == raw
    assert b"mergedFrom" not in codec.encode(own)
    doc = json.loads(codec.encode(own))
    doc["body"]["caller"]["id"] = 7  # a local row id is no way to name a caller
    assert _refused(codec, _bytes(doc)).params == {"path": "$.body.caller"}


def _example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.json"))


def test_there_is_an_example_of_every_kind_and_of_the_acknowledgements() -> None:
    names = {p.stem for p in _example_paths()}
    assert {f"message-{k.value}" for k in Kind} <= names
    assert {"ack-applied", "ack-refused"} <= names


@pytest.mark.parametrize("path", _example_paths(), ids=lambda p: p.stem)
def test_every_example_validates_and_says_what_the_code_says(
    codec: ExchangeCodec, path: Path
) -> None:
    raw = path.read_bytes()
    if path.stem == "message-incident":  # a snapshot, not an order's step (1.1)
        assert codec.decode(raw) == incident_sample()
    elif path.stem == "message-caller_told":  # a caller told, not an order's step (1.3)
        assert codec.decode(raw) == told_sample()
    elif path.stem.startswith("message-"):
        message = codec.decode(raw)
        assert message == SAMPLES[Kind(path.stem.removeprefix("message-"))]
    else:
        codec.decode_ack(raw)


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"\xff\xfe{}", b"\xef\xbb\xbf{}", b'{"a": NaN}', b'{"a":1,"a":2}', b"[" * 100_000],
    ids=["empty", "cut", "not-utf8", "bom", "nan", "twice", "deep"],
)
def test_a_corrupted_body_is_not_json(codec: ExchangeCodec, raw: bytes) -> None:
    assert _refused(codec, raw).code == "exchange_not_json"


def test_a_cut_message_is_not_json(codec: ExchangeCodec) -> None:
    raw = codec.encode(SAMPLES[Kind.TRANSFER])
    assert _refused(codec, raw[: len(raw) // 2]).code == "exchange_not_json"


def test_an_oversized_body_is_refused_before_it_is_read(codec: ExchangeCodec) -> None:
    raw = codec.encode(SAMPLES[Kind.TRANSFER])
    refused = _refused(codec, raw, max_bytes=len(raw) - 1)
    assert (refused.code, refused.params) == ("exchange_too_large", {"most": str(len(raw) - 1)})
    assert _refused(codec, b"x" * (codec.max_bytes + 1)).code == "exchange_too_large"
    assert codec.decode(raw, max_bytes=len(raw)) == SAMPLES[Kind.TRANSFER]


def _set(doc: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    *parents, last = path.split(".")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        ("envelope.messageId", "not-a-uuid", "$.envelope.messageId"),
        ("envelope.messageId", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "$.envelope.messageId"),
        ("envelope.sentAt", "2026-11-26 10:00", "$.envelope.sentAt"),
        ("envelope.sentAt", "2026-02-30T10:00:00Z", "$.envelope.sentAt"),
        ("envelope.sentAt", "2026-11-26T10:00:00", "$.envelope.sentAt"),
        ("envelope.sentAt", "0001-01-01T00:00:00+01:00", "$.envelope.sentAt"),  # before year 1
        ("envelope.sentAt", "9999-12-31T23:59:59-01:00", "$.envelope.sentAt"),  # in UTC
        ("envelope.sequence", 0, "$.envelope.sequence"),
        ("envelope.kind", "merger", "$.envelope.kind"),
        ("envelope.orderNumber", "12345-20261126-000001\n", "$.envelope.orderNumber"),
        ("envelope.sender.platform", "119", "$.envelope.sender.platform"),
        ("envelope.transactionId", _DELETE, "$.envelope"),
        ("envelope.unknown", 1, "$.envelope"),
        ("body.order.caller.phone", "138 1234 1234\u202e", "$.body.order.caller.phone"),
        ("body.order.address", "中山路\n1号", "$.body.order.address"),
        ("body.order.description", "x" * 2001, "$.body.order.description"),
        ("body.order.priority", 3, "$.body.order.priority"),
        ("body.order.notes.0.note", "\x00", "$.body.order.notes[0].note"),
        ("body.order", _DELETE, "$.body"),
        ("body.agent.name", "", "$.body.agent.name"),
        ("body.note", "\ud800", "$.body.note"),
        ("body.order.agencies.0.roles", ["owning", "owning"], "$.body.order.agencies[0].roles"),
        ("body", [], "$.body"),
    ],
)
def test_a_schema_invalid_message_is_refused_naming_the_path(
    codec: ExchangeCodec, path: str, value: object, where: str
) -> None:
    refused = _refused(codec, _bytes(_set(_doc(codec), path, value)))
    assert (refused.code, refused.params) == ("exchange_invalid", {"path": where})
    assert "中山路" not in refused.why and "138 1234" not in refused.why  # no personal data logged


def test_a_body_of_another_kind_is_invalid(codec: ExchangeCodec) -> None:
    doc = _set(_doc(codec, Kind.SIGN_FOR), "envelope.kind", "return")  # a return needs its reason
    assert _refused(codec, _bytes(doc)).params == {"path": "$.body"}


def test_values_that_contradict_each_other_are_invalid(codec: ExchangeCodec) -> None:
    doc = _doc(codec)
    doc["body"]["order"]["agencies"] = [
        {"id": "12345", "type": "platform", "roles": ["call_receiving", "owning"]},
        {"id": "110", "type": "platform", "roles": ["owning"]},
    ]
    assert _refused(codec, _bytes(doc)).params == {"path": "$"}
    doc = _set(_doc(codec), "body.status.to", "completed")  # not what the timeline says
    assert _refused(codec, _bytes(doc)).code == "exchange_invalid"


@pytest.mark.parametrize("version", ["2.0", "0.1", "10.4"])
def test_an_unknown_major_version_is_refused_with_its_code_whatever_else_it_holds(
    codec: ExchangeCodec, version: str
) -> None:
    doc = {"envelope": {"schemaVersion": version}, "something": "else"}
    refused = _refused(codec, _bytes(doc))
    assert (refused.code, refused.params) == ("exchange_unknown_version", {"version": version})


def test_a_later_minor_version_adds_optional_data_only_in_extensions(codec: ExchangeCodec) -> None:
    doc = _set(_doc(codec), "envelope.schemaVersion", "1.7")
    doc["extensions"] = {"ln.video_call": True, "sd.item_code": "09-12", "retry": None}
    message = codec.decode(_bytes(doc))
    assert str(message.envelope.version) == "1.7"
    assert message.extensions == doc["extensions"]
    assert codec.decode(codec.encode(message)) == message
    elsewhere = _set(_doc(codec), "envelope.schemaVersion", "1.7")
    elsewhere["body"]["order"]["videoCall"] = True
    assert _refused(codec, _bytes(elsewhere)).params == {"path": "$.body.order"}
    for bad in ({"Video": 1}, {"ln.x": {"nested": 1}}, {"ln.x": "x" * 201}):
        doc["extensions"] = bad
        assert _refused(codec, _bytes(doc)).code == "exchange_invalid"


def test_the_sender_checks_what_the_receiver_will(codec: ExchangeCodec) -> None:
    m = SAMPLES[Kind.PROGRESS]
    with pytest.raises(Refused, match=r"\$\.body\.note"):
        codec.encode(replace(m, event=replace(m.event, note="x" * 2001)))


def test_acknowledgements_round_trip_and_refusals_name_declared_codes(codec: ExchangeCodec) -> None:
    envelope = SAMPLES[Kind.FEEDBACK].envelope
    at = datetime(2026, 11, 26, 3, tzinfo=UTC)
    for refused in (
        None,
        Refused("wrong_status", status="completed"),
        Refused("exchange_invalid", path="$.body"),
    ):
        ack = acknowledge(envelope, sender=POLICE_SYSTEM, at=at, refused=refused)
        assert codec.decode_ack(codec.encode_ack(ack)) == ack
    schema = json.loads(
        bundle_path("resources", "exchange", "v1", "acknowledgement.schema.json").read_text()
    )
    codes = schema["$defs"]["refusalCode"]["enum"]
    assert set(codes) <= set(REFUSALS)  # the sender shows each in Chinese
    assert set(STATUS_OF_CODE) <= set(codes)
    assert {int(s) for s in AckStatus} == set(schema["properties"]["statusCode"]["enum"])
    doc = json.loads(codec.encode_ack(acknowledge(envelope, sender=POLICE_SYSTEM, at=at)))
    doc["refusal"] = {"code": "closed", "reason": "closed"}  # an applied message refuses nothing
    with pytest.raises(Refused):
        codec.decode_ack(_bytes(doc))


_READABLE = st.characters(
    blacklist_categories=("Cc", "Cs"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
_MULTILINE = st.one_of(_READABLE, st.sampled_from("\n\t"))
_INSTANTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    description=st.text(_MULTILINE, max_size=2000),
    address=st.text(_READABLE, max_size=200),
    name=st.one_of(st.none(), st.text(_READABLE, max_size=40)),
    note=st.text(_MULTILINE, max_size=2000),
    priority=st.sampled_from(Priority),
    due=st.one_of(st.none(), _INSTANTS),
    extensions=st.dictionaries(
        st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8})?", fullmatch=True),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-(2**53) + 1, 2**53 - 1),
            st.text(_READABLE, max_size=200),
        ),
        max_size=16,
    ),
)
def test_any_readable_transfer_round_trips(
    codec: ExchangeCodec,
    description: str,
    address: str,
    name: str | None,
    note: str,
    priority: Priority,
    due: datetime | None,
    extensions: dict[str, Any],
) -> None:
    m = SAMPLES[Kind.TRANSFER]
    assert m.order is not None
    event = replace(m.event, note=note)
    order = replace(
        m.order,
        description=description,
        address=address,
        caller=Caller("13812341234", name),
        priority=priority,
        deadlines=Deadlines(sign_for=due, feedback=due),
        timeline=(*m.order.timeline[:-1], event),
    )
    message = Message(m.envelope, event, order, extensions=extensions)
    assert codec.decode(codec.encode(message)) == message
