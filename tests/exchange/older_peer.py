"""A peer system that reads an older format: the codec it would ship, its schema without what
later minors added (their kinds, with their bodies; before 1.2 also the transfer's ``callers``
and 并单's actions in an order's ``notes``). Built from the shipped schema and the domain's
:data:`~console.domain.exchange.SINCE`, so a kind added later is left out of the older peer's
schema without editing this."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from console.domain.exchange import ACTION_OF, MERGE_VERSION, SINCE, Kind, Version
from console.services import exchange_codec
from console.services.exchange_codec import ExchangeCodec


def schemas_of(version: Version) -> list[dict[str, Any]]:
    """The message and acknowledgement schemas as a ``version`` system ships them."""
    schemas = copy.deepcopy(SHIPPED())
    defs = schemas[0]["$defs"]
    newer = {kind.value for kind, since in SINCE.items() if since > version}
    defs["kind"]["enum"] = [k for k in defs["kind"]["enum"] if k not in newer]
    kept, dropped = [], set()
    for rule in schemas[0]["allOf"]:
        body = rule["then"]["properties"]["body"]["$ref"]
        if rule["if"]["properties"]["envelope"]["properties"]["kind"]["const"] in newer:
            dropped.add(body)
        else:
            kept.append(rule)
    schemas[0]["allOf"] = kept
    for body in dropped - {r["then"]["properties"]["body"]["$ref"] for r in kept}:
        del defs[body.rpartition("/")[2]]
    if version < MERGE_VERSION:
        del defs["transferBody"]["properties"]["callers"]
        gone = {ACTION_OF[kind].value for kind in Kind if SINCE[kind] > version}
        defs["action"]["enum"] = [a for a in defs["action"]["enum"] if a not in gone]
    return schemas


SHIPPED = exchange_codec.load_schemas


def codec_of(version: Version, monkeypatch: pytest.MonkeyPatch) -> ExchangeCodec:
    """The codec of a system that reads ``version``."""
    with monkeypatch.context() as patch:
        patch.setattr(exchange_codec, "load_schemas", lambda: schemas_of(version))
        return ExchangeCodec()
