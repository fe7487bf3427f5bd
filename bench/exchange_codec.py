"""exchange_{decode,encode}_{transfer,sign_for}_us: the exchange codec's cost per message, on
the receiving hot path (issue 14: ≥ 1,000 messages/s between two endpoints on 2 cores,
database work included, so decode + encode must stay well under 0.3 ms).

The shipped examples of a transfer (the whole order travels: ~2 KB) and of a sign-for (a
plain step: ~0.6 KB). Decode: ``ExchangeCodec.decode`` of the example's bytes (parse with the
duplicate-key check, the schema with its formats, the values built); encode:
``ExchangeCodec.encode`` of the message that gave (the document built, the schema, canonical
JSON). Floors, measured alternately in the same loop: bare ``json.loads`` of the same bytes,
bare ``json.dumps`` of the same document. Medians of per-message times. Needs no database.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from functools import partial

from common import Context, Figure, time_figure

from console.paths import bundle_path
from console.services.exchange_codec import ExchangeCodec

SAMPLES = 5_000
WARM_UP = 200
KINDS = ("transfer", "sign_for")


def run(ctx: Context) -> list[Figure]:
    codec = ExchangeCodec()
    figures: list[Figure] = []
    for kind in KINDS:
        raw = bundle_path("resources", "exchange", "v1", "examples", f"message-{kind}.json")
        body = raw.read_bytes()
        message, doc = codec.decode(body), json.loads(body)
        decode, loads = _medians_us(partial(codec.decode, body), partial(json.loads, body))
        encode, dumps = _medians_us(partial(codec.encode, message), partial(json.dumps, doc))
        figures.append(time_figure(f"exchange_decode_{kind}_us", "µs", decode, loads))
        figures.append(time_figure(f"exchange_encode_{kind}_us", "µs", encode, dumps))
    return figures


def _medians_us(ours: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
    """Median µs of ``ours`` and of ``floor``, called alternately (so both see the same load)."""
    times: tuple[list[float], list[float]] = ([], [])
    clock = time.perf_counter
    for i in range(WARM_UP + SAMPLES):
        for fn, into in ((ours, times[0]), (floor, times[1])):
            start = clock()
            fn()
            if i >= WARM_UP:
                into.append((clock() - start) * 1e6)
    return statistics.median(times[0]), statistics.median(times[1])
