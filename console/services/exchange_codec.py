"""The exchange's wire format: exchange values ⇄ canonical JSON bytes, checked by the schema.

Both ends validate against ``resources/exchange/v1/`` with the reference validator
(``jsonschema``, draft 2020-12, formats checked). :meth:`ExchangeCodec.decode` refuses a bad
body with a declared code and never returns part of one:

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
from collections.abc import Callable
from typing import Any, TypeVar, cast
from uuid import UUID

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from console.domain.exchange import Acknowledgement, Message, Version
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

MAX_BYTES = 4 * 1024 * 1024
"""The default size limit; the schema's own limits keep every valid message well under it."""

T = TypeVar("T")


class ExchangeCodec:
    """Encodes and decodes messages and acknowledgements of the exchange format v1."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        folder = bundle_path("resources", "exchange", "v1")
        schemas = [
            json.loads((folder / name).read_text(encoding="utf-8"))
            for name in ("message.schema.json", "acknowledgement.schema.json")
        ]
        registry: Registry[Any] = Registry().with_resources(
            (s["$id"], Resource.from_contents(s)) for s in schemas
        )
        checker = FormatChecker(formats=())
        checker.checks("date-time")(_is_instant)
        checker.checks("uuid")(_is_uuid)
        self._message, self._ack = (
            Draft202012Validator(s, registry=registry, format_checker=checker) for s in schemas
        )
        self.max_bytes = max_bytes

    def encode(self, message: Message) -> bytes:
        """Canonical JSON of ``message``; ``exchange_invalid`` if it breaks the schema's limits
        (a note too long, a code with a control character): the sender checks as the receiver will."""
        return self._dump(message_json(message), self._message)

    def decode(self, raw: bytes, max_bytes: int | None = None) -> Message:
        """The message in ``raw``, or :class:`Refused` (see the module docstring)."""
        doc = self._load(raw, max_bytes)
        envelope = doc.get("envelope") if isinstance(doc, dict) else None
        version = envelope.get("schemaVersion") if isinstance(envelope, dict) else None
        if isinstance(version, str):
            Version.parse(version)  # an unknown major version is refused before the schema
        self._check(doc, self._message)
        return _built(message_from, doc)

    def encode_ack(self, ack: Acknowledgement) -> bytes:
        return self._dump(ack_json(ack), self._ack)

    def decode_ack(self, raw: bytes, max_bytes: int | None = None) -> Acknowledgement:
        doc = self._load(raw, max_bytes)
        version = doc.get("schemaVersion") if isinstance(doc, dict) else None
        if isinstance(version, str):
            Version.parse(version)
        self._check(doc, self._ack)
        return _built(ack_from, doc)

    def _dump(self, doc: Json, validator: Draft202012Validator) -> bytes:
        self._check(doc, validator)
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

    @staticmethod
    def _check(doc: object, validator: Draft202012Validator) -> None:
        error = best_match(validator.iter_errors(doc))
        if error is not None:
            path = error.json_path[:200]
            rule = f"{error.validator} {error.validator_value!r}"[:160]
            raise Refused("exchange_invalid", f"{path}: fails {rule}", path=path)


def _built(build: Callable[[Json], T], doc: object) -> T:
    """Values from a schema-valid document; contradictions the schema cannot see (a timeline
    that does not fit the step, two owning platforms) are ``exchange_invalid`` too."""
    try:
        return build(cast(Json, doc))
    except (ValueError, KeyError, TypeError) as e:
        raise Refused("exchange_invalid", f"$: {e}"[:300], path="$") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> Json:
    doc: Json = {}
    for key, value in pairs:
        if key in doc:
            raise ValueError("a key is given twice")  # two readers could read two messages
        doc[key] = value
    return doc


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


_RFC3339 = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)", re.ASCII | re.IGNORECASE
)


def _is_instant(value: object) -> bool:
    if not isinstance(value, str):
        return True  # the type rule speaks for other types
    if _RFC3339.fullmatch(value) is None:
        return False
    try:
        instant(value)
    except ValueError:
        return False
    return True


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return str(UUID(value)) == value
    except ValueError:
        return False
