"""The exchange's wire format: exchange values ⇄ canonical JSON bytes, checked by the schema.

Both ends validate against ``resources/exchange/v1/`` (draft 2020-12, the formats ``uuid`` and
``date-time`` checked by this module's own functions) with a compiled validator
(``jsonschema_rs``); the tests hold it to the reference validator (``jsonschema``), which this
module still uses for the one document the compiled one cannot be handed: a string holding a
lone surrogate (``"\\ud800"`` in the JSON), which Rust strings cannot hold.
:meth:`ExchangeCodec.decode` refuses a bad body with a declared code and never returns part of
one:

- ``exchange_too_large``: more bytes than the receiver's limit (checked before parsing);
- ``exchange_not_json``: not UTF-8, not JSON, a key given twice, NaN/Infinity, nested too deep;
- ``exchange_unknown_version``: a major version other than 1 (checked before the schema, which
  describes 1.x only);
- ``exchange_invalid``: not this schema, or values that contradict each other; ``{path}`` is
  the JSON path of the first fault (the log's ``why`` names the rule, never the value: bodies
  hold callers' personal data).

:meth:`~ExchangeCodec.encode` writes canonical JSON (UTF-8, keys sorted, no spaces), so the
same message is always the same bytes. No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast
from urllib.parse import unquote

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from console.domain.exchange import Acknowledgement, Message, NoticeKind, SnapshotKind, Version
from console.domain.exchange_told import CallerToldMessage
from console.domain.incident_exchange import IncidentMessage
from console.domain.refusals import Refused
from console.paths import bundle_path
from console.services.exchange_json import (
    Json,
    ack_from,
    ack_json,
    instant,
    message_from,
    message_json,
)
from console.services.exchange_told_json import told_from, told_json
from console.services.incident_exchange_json import incident_from, incident_json

MAX_BYTES = 4 * 1024 * 1024
"""The default size limit; the schema's own limits keep every valid message well under it."""

SCHEMAS = ("message.schema.json", "acknowledgement.schema.json")

T = TypeVar("T")


class ExchangeCodec:
    """Encodes and decodes messages and acknowledgements of the exchange format v1."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        schemas = load_schemas()
        self._message, self._ack = (_Schema(i, schemas) for i in range(len(schemas)))
        self.max_bytes = max_bytes

    def encode(self, message: Message | IncidentMessage | CallerToldMessage) -> bytes:
        """Canonical JSON of ``message``; ``exchange_invalid`` if it breaks the schema's limits
        (a note too long, a code with a control character): the sender checks as the receiver will."""
        if isinstance(message, IncidentMessage):
            return self._dump(incident_json(message), self._message)
        if isinstance(message, CallerToldMessage):
            return self._dump(told_json(message), self._message)
        return self._dump(message_json(message), self._message)

    def decode(
        self, raw: bytes, max_bytes: int | None = None
    ) -> Message | IncidentMessage | CallerToldMessage:
        """The message in ``raw`` (an order's step, an incident's snapshot, or a caller told),
        or :class:`Refused` (see the module docstring)."""
        doc = self._load(raw, max_bytes)
        envelope = doc.get("envelope") if isinstance(doc, dict) else None
        version = envelope.get("schemaVersion") if isinstance(envelope, dict) else None
        if isinstance(version, str):
            Version.parse(version)  # an unknown major version is refused before the schema
        self._message.check(doc)
        kind = envelope.get("kind") if isinstance(envelope, dict) else None
        if kind == SnapshotKind.INCIDENT.value:
            return _built(incident_from, doc)
        if kind == NoticeKind.CALLER_TOLD.value:
            return _built(told_from, doc)
        return _built(message_from, doc)

    def encode_ack(self, ack: Acknowledgement) -> bytes:
        return self._dump(ack_json(ack), self._ack)

    def decode_ack(self, raw: bytes, max_bytes: int | None = None) -> Acknowledgement:
        doc = self._load(raw, max_bytes)
        version = doc.get("schemaVersion") if isinstance(doc, dict) else None
        if isinstance(version, str):
            Version.parse(version)
        self._ack.check(doc)
        return _built(ack_from, doc)

    def _dump(self, doc: Json, schema: _Schema) -> bytes:
        schema.check(doc)
        text = json.dumps(
            doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
        return text.encode("utf-8")

    def _load(self, raw: bytes, max_bytes: int | None) -> object:
        most = self.max_bytes if max_bytes is None else max_bytes
        if len(raw) > most:
            raise Refused(
                "exchange_too_large", f"{len(raw)} bytes, more than {most}", most=str(most)
            )
        try:
            return json.loads(
                raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
            )
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            raise Refused("exchange_not_json", f"not JSON: {type(e).__name__}") from None


def load_schemas() -> list[Json]:
    """The message and acknowledgement schemas, as shipped (each names itself by ``$id``)."""
    folder = bundle_path("resources", "exchange", "v1")
    return [json.loads((folder / name).read_text(encoding="utf-8")) for name in SCHEMAS]


class _Schema:
    """One schema, checked by the compiled validator, its ``$ref``s to the other resolved by
    ``$id`` from memory (``offline``: nothing is ever fetched)."""

    def __init__(self, index: int, schemas: Sequence[Json]) -> None:
        compiled = [_for_compiled(s) for s in schemas]
        self._fast = jsonschema_rs.Draft202012Validator(
            compiled[index],
            formats=dict(FORMATS),
            validate_formats=True,
            ignore_unknown_formats=False,
            registry=jsonschema_rs.Registry([(s["$id"], s) for s in compiled]),
            offline=True,
        )
        self._index, self._schemas = index, schemas
        self._reference: Draft202012Validator | None = None  # built on first need

    def check(self, doc: object) -> None:
        """Nothing if ``doc`` is valid; else ``exchange_invalid`` naming the fault's path, the
        one the reference validator's ``best_match`` names (the shallowest fault)."""
        try:
            if self._fast.is_valid(doc):
                return
            errors = list(self._fast.iter_errors(doc))
        except UnicodeEncodeError:  # a lone surrogate, which a Rust string cannot hold
            errors = []
        if not errors:
            self._check_by_reference(doc)
            return
        fault = max(errors, key=_relevance)
        where = fault.absolute_keyword_location
        rule = f"{fault.kind.name} {_keyword_value(self._schemas, where)!r}"
        _refuse(_json_path(fault.instance_path), rule)

    def _check_by_reference(self, doc: object) -> None:
        if self._reference is None:
            self._reference = reference_validator(self._index, self._schemas)
        error = best_match(self._reference.iter_errors(doc))
        if error is not None:
            _refuse(error.json_path, f"{error.validator} {error.validator_value!r}")


def reference_validator(index: int, schemas: Sequence[Json]) -> Draft202012Validator:
    """The reference validator (``jsonschema``) for ``schemas[index]``, with the same formats:
    the judge of the one document the compiled validator cannot take, and the tests' oracle."""
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas
    )
    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return Draft202012Validator(schemas[index], registry=registry, format_checker=checker)


def _for_compiled(schema: Json) -> Json:
    r"""``schema`` for the compiled validator: its patterns without the surrogate range
    (``\ud800-\udfff``), which a Rust regex cannot name. The same rule, since every string the
    compiled validator is handed is free of lone surrogates (:meth:`_Schema.check`)."""

    def rewritten(node: object, key: str = "") -> object:
        if isinstance(node, dict):
            return {k: rewritten(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [rewritten(v) for v in node]
        if key == "pattern" and isinstance(node, str):
            return node.replace(_SURROGATES, "")
        return node

    return cast(Json, rewritten(schema))


_SURROGATES = "\\ud800-\\udfff"
_WEAK = frozenset({"anyOf", "oneOf"})


def _relevance(error: jsonschema_rs.ValidationError) -> tuple[int, list[str | int], bool]:
    """``jsonschema.exceptions.relevance``'s order: the shallowest fault, then the last of
    siblings, then a fault of a keyword other than ``anyOf``/``oneOf``."""
    path = error.instance_path
    return (-len(path), path, error.kind.name not in _WEAK)


_PROPERTY = re.compile("^[a-zA-Z][a-zA-Z0-9_]*$")


def _json_path(path: Sequence[str | int]) -> str:
    """``path`` written as ``jsonschema``'s ``ValidationError.json_path`` writes it."""
    text = "$"
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif _PROPERTY.match(step):
            text += "." + step
        else:
            text += "['" + step.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return text


def _keyword_value(schemas: Sequence[Json], location: str | None) -> object:
    """The schema's value of the keyword at ``location`` (``$id#/json/pointer``), for the log."""
    uri, _, pointer = (location or "").partition("#")
    node: object = next((s for s in schemas if s["$id"] == uri), None)
    try:
        for token in pointer.split("/")[1:]:
            token = unquote(token).replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else cast(Json, node)[token]
    except (KeyError, IndexError, ValueError, TypeError):
        return "?"
    return node


def _refuse(path: str, rule: str) -> None:
    path = path[:200]
    raise Refused("exchange_invalid", f"{path}: fails {rule[:160]}", path=path)


def _built(build: Callable[[Json], T], doc: object) -> T:
    """Values from a schema-valid document; contradictions the schema cannot see (a timeline
    that does not fit the step, two owning platforms) are ``exchange_invalid`` too."""
    try:
        return build(cast(Json, doc))
    except (ValueError, KeyError, TypeError) as e:
        raise Refused("exchange_invalid", f"$: {e}"[:300], path="$") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> Json:
    doc = dict(pairs)
    if len(doc) != len(pairs):
        raise ValueError("a key is given twice")  # two readers could read two messages
    return doc


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


_RFC3339 = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)", re.ASCII | re.IGNORECASE
)
_UUID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_instant(value: object) -> bool:
    if not isinstance(value, str):
        return True  # the type rule speaks for other types
    if _RFC3339.fullmatch(value) is None:
        return False
    try:
        instant(value)
    except (ValueError, OverflowError):  # not a day of the calendar; beyond year 1 or 9999 in UTC
        return False
    return True


def _is_uuid(value: object) -> bool:
    """A UUID as ``str(UUID(value))`` writes it: lowercase, hyphenated, nothing around it."""
    return not isinstance(value, str) or _UUID.fullmatch(value) is not None


FORMATS: dict[str, Callable[[object], bool]] = {"date-time": _is_instant, "uuid": _is_uuid}
"""The formats both ends check, with this module's own functions (no others are checked)."""
