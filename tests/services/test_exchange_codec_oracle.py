"""The compiled validator the codec uses against the reference validator (``jsonschema``): on the
shipped examples and on thousands of documents one to three edits away from valid ones, both
give the same verdict and name the same path, so the codec never takes what the reference
refuses nor refuses with another path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema.exceptions import best_match

from console.domain.exchange import Kind, acknowledge
from console.domain.refusals import Refused
from console.paths import bundle_path
from console.services.exchange_codec import (
    FORMATS,
    ExchangeCodec,
    load_schemas,
    reference_validator,
)
from tests.domain.test_exchange import POLICE_SYSTEM, samples

EXAMPLES = bundle_path("resources", "exchange", "v1", "examples")
SCHEMAS = load_schemas()
REFERENCE = {"message": reference_validator(0, SCHEMAS), "ack": reference_validator(1, SCHEMAS)}
CODEC = ExchangeCodec()


def _paths(codec: ExchangeCodec, which: str, doc: object) -> tuple[str | None, str | None]:
    """The path the codec refuses ``doc`` with (None: taken) and the reference's best match's."""
    ours: str | None = None
    try:
        (codec._message if which == "message" else codec._ack).check(doc)
    except Refused as refused:
        assert refused.code == "exchange_invalid"
        ours = refused.params["path"]
    error = best_match(REFERENCE[which].iter_errors(doc))
    return ours, None if error is None else error.json_path[:200]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_both_validators_take_every_example(path: Path) -> None:
    which = "ack" if path.stem.startswith("ack-") else "message"
    assert _paths(CODEC, which, json.loads(path.read_bytes())) == (None, None)


def test_a_lone_surrogate_is_judged_by_the_reference_validator() -> None:
    doc = json.loads(CODEC.encode(samples()[Kind.PROGRESS]))
    doc["extensions"] = {"ln.x": "\ud800"}  # no pattern there: the schema takes it
    assert _paths(CODEC, "message", doc) == (None, None)
    doc["body"]["note"] = "\ud800"
    assert _paths(CODEC, "message", doc) == ("$.body.note", "$.body.note")


def _bases() -> list[tuple[str, dict[str, Any]]]:
    messages = samples()
    bases = [("message", json.loads(CODEC.encode(m))) for m in messages.values()]
    bases += [
        ("ack" if p.stem.startswith("ack-") else "message", json.loads(p.read_bytes()))
        for p in sorted(EXAMPLES.glob("*.json"))
    ]
    envelope = messages[Kind.FEEDBACK].envelope
    at = envelope.sent_at
    refused = Refused("exchange_invalid", path="$.body")
    for ack in (
        acknowledge(envelope, sender=POLICE_SYSTEM, at=at),
        acknowledge(envelope, sender=POLICE_SYSTEM, at=at, refused=refused),
    ):
        bases.append(("ack", json.loads(CODEC.encode_ack(ack))))
    return bases


BASES = _bases()


def _schema_words(node: object) -> set[object]:
    """Every enum and const value and property name of the schemas: edits that land on another
    valid-looking value (another kind, another status) reach the if/then branches."""
    words: set[object] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                words.update(v for v in value if not isinstance(v, (dict, list)))
            elif key == "const" and not isinstance(value, (dict, list)):
                words.add(value)
            elif key == "properties":
                words.update(value)
            words |= _schema_words(value)
    elif isinstance(node, list):
        for value in node:
            words |= _schema_words(value)
    return words


WORDS = sorted(_schema_words(SCHEMAS), key=repr)
ODD = "\n\t\x00\x1f\x7f\x85\u202a\u202e\u2066\u2069 中-_.:+Z"
NEAR = [
    "6F9619FF-8B86-D011-B42D-00C04FC964FF",
    "{6f9619ff-8b86-d011-b42d-00c04fc964ff}",
    "6f9619ff8b86d011b42d00c04fc964ff",
    "2026-11-26T10:00:00+08:00",
    "2026-11-26t10:00:00z",
    "2026-11-26T10:00:00.123456789Z",
    "2026-11-26T10:00:00.1234567891Z",
    "2026-11-26T23:59:60Z",
    "2026-02-29T10:00:00Z",
    "2026-11-26T24:00:00Z",
    "2026-11-26T10:00:00+24:00",
    "0001-01-01T00:00:00+01:00",
    "1.0",
    "1.1000",
    "2.0",
    "",
    "x" * 201,
    "x" * 2001,
    "\ud800",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 200, 409, 2**53, 2**53 - 1, -(2**53) + 1, 2**63, 2**64]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1.0, 200.0, 1.5, 1e300]),
    st.sampled_from(WORDS),
    st.sampled_from(NEAR),
    st.text(st.sampled_from(ODD + "abc012"), max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(st.sampled_from(WORDS).map(str), st.text(max_size=4)), inner, max_size=3
        ),
    ),
    max_leaves=6,
)


def _nodes(doc: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _nodes(value, (*path, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _nodes(value, (*path, i))
    return out


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, Any]:
    which, base = draw(st.sampled_from(BASES))
    doc: Any = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_nodes(doc)))
        node = _at(doc, path)
        action = draw(st.sampled_from(["replace", "delete", "add", "nudge"]))
        if not path:
            if action == "replace":
                doc = draw(VALUES)
            continue
        parent, last = _at(doc, path[:-1]), path[-1]
        if action == "replace":
            parent[last] = draw(VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(node, dict):
            node[draw(st.one_of(st.sampled_from(WORDS).map(str), st.text(max_size=4)))] = draw(
                VALUES
            )
        elif action == "add" and isinstance(node, list):
            node.insert(draw(st.integers(0, len(node))), draw(VALUES))
        elif action == "nudge" and isinstance(node, str):
            at = draw(st.integers(0, len(node)))
            parent[last] = node[:at] + draw(st.sampled_from(ODD)) + node[at:]
        elif action == "nudge" and isinstance(node, (int, float)) and not isinstance(node, bool):
            parent[last] = node + draw(st.sampled_from([-1, 1, 0.5, -(2**53)]))
    return which, doc


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edited())
def test_both_validators_agree_on_documents_near_valid_ones(edited: tuple[str, Any]) -> None:
    which, doc = edited
    ours, reference = _paths(CODEC, which, doc)
    assert ours == reference


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.uuids().map(str),
        st.uuids().map(lambda u: str(u).upper()),
        st.uuids().map(lambda u: u.hex),
        st.uuids().map(lambda u: "{" + str(u) + "}"),
        st.uuids().map(lambda u: f"urn:uuid:{u}"),
        st.text(st.sampled_from("0123456789abcdefABCDEF-{}_ +"), min_size=30, max_size=40),
    )
)
def test_the_uuid_format_is_the_text_python_writes_for_that_uuid(text: str) -> None:
    try:
        canonical = str(UUID(text)) == text
    except ValueError:
        canonical = False
    assert FORMATS["uuid"](text) is canonical
