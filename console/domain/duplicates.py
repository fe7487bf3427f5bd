"""Likely duplicates (重复诉求) of a matter being taken, and the repeated-request rule; pure.

An open order is a likely duplicate of the intake in progress for one or more reasons
(:class:`Reason`): the same caller; the same address (one district, the same normalised
address: :func:`~console.domain.hotspots.normalise_address`); or the same district and kind,
received within the site's window (``[duplicates] window_h``, default 72 h), with a similar
description. :func:`rank` says which orders are candidates, why, and puts the best first.

**Similar text: character-bigram Jaccard.** Chinese is written without spaces, and most of
its words are two characters long, so the set of adjacent character pairs of a text
(after NFKC folding, case folding and dropping spaces and punctuation) holds most of its
words without a dictionary or a segmenter: two callers describing one matter share the
pairs of its words (垃圾, 清理, 门口) whatever order and filler words they use, and two
different matters of one kind share few. Jaccard (shared pairs over all pairs) is symmetric,
bounded 0..1, cheap (a set intersection, microseconds per pair) and behaves the same on every
database because it runs here. :data:`SIMILAR` is the share above which two descriptions count
as one matter; measured on examples in ``tests/domain/test_duplicates.py``.

**Repeated requests (重复诉求预警):** :data:`REPEATED_CALLERS` or more distinct callers about
one matter (an order and the callers merged into it) within the window.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.hotspots import normalise_address

SIMILAR = 0.2  # bigram Jaccard at or above which two descriptions are one matter
REPEATED_CALLERS = 3  # distinct callers about one matter within the window: 重复诉求预警
MAX_CANDIDATES = 10  # what the intake shows


class Reason(enum.StrEnum):
    """Why an open order may be the same matter; in order of strength."""

    SAME_CALLER = "same_caller"  # 同一来电人
    SAME_ADDRESS = "same_address"  # 同一地址 (same district, same normalised address)
    SIMILAR = "similar"  # 同区划同类型、时段内、内容相近


_WEIGHT = {Reason.SAME_CALLER: 2.0, Reason.SAME_ADDRESS: 1.5, Reason.SIMILAR: 1.0}


@dataclass(frozen=True, slots=True)
class Probe:
    """What the intake form holds so far (any of it may be blank)."""

    phone: str = ""  # the stored form (console.domain.phone.normalise_phone)
    district: str = ""
    kind: str = ""
    address: str = ""
    text: str = ""  # the description typed so far
    exclude: str = ""  # the order being typed, once saved: never its own duplicate


@dataclass(frozen=True, slots=True)
class Open:
    """An open order as the candidates' queries read it; ``phones``: its caller and every
    caller merged into it."""

    number: str
    created_at: datetime
    phones: frozenset[str]
    district: str
    kind: str
    address: str
    description: str
    status: str
    owner: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A likely duplicate, with why (strongest reason first) and how alike the texts are."""

    order: Open
    reasons: tuple[Reason, ...]
    similarity: float  # bigram Jaccard of the descriptions, 0..1
    score: float


def normalise_text(text: str) -> str:
    """NFKC, case folded, spaces, punctuation and control characters dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PZC")


def bigrams(text: str) -> frozenset[str]:
    """The adjacent character pairs of the normalised text (a one-character text: itself)."""
    norm = normalise_text(text)
    if len(norm) < 2:
        return frozenset({norm}) if norm else frozenset()
    return frozenset(norm[i : i + 2] for i in range(len(norm) - 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard of two bigram sets: 0 when either is empty."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def district_wanted(
    probe: Probe, normalise: Callable[[str], str] = normalise_address
) -> Callable[[str, str, str], bool]:
    """Which of the district's open orders :func:`rank` can make candidates, from their kind,
    address and caller (the district's read keeps only those, before anything else is built
    of a row): the same kind (similar text), the same normalised address, the same caller.
    A caller merged into an order is found by the caller's own read. ``normalise``:
    :func:`~console.domain.hotspots.normalise_address`, or a memo of it."""
    address = normalise(probe.address) if probe.address.strip() else ""

    def wanted(kind: str, where: str, phone: str) -> bool:
        return (
            (bool(probe.kind) and kind == probe.kind)
            or (bool(probe.phone) and phone == probe.phone)
            or (bool(address) and bool(where) and normalise(where) == address)
        )

    return wanted


def rank(probe: Probe, orders: Iterable[Open], now: datetime, window: timedelta) -> list[Candidate]:
    """The candidates among ``orders`` (each at most once), best first: the most and strongest
    reasons, then the most similar text, then the newest."""
    mine = bigrams(probe.text)
    address = normalise_address(probe.address) if probe.address.strip() else ""
    since = now - window
    found: dict[str, Candidate] = {}
    for order in orders:
        if order.number == probe.exclude or order.number in found:
            continue
        reasons: list[Reason] = []
        if probe.phone and probe.phone in order.phones:
            reasons.append(Reason.SAME_CALLER)
        same_district = bool(probe.district) and order.district == probe.district
        if same_district and address and normalise_address(order.address) == address:
            reasons.append(Reason.SAME_ADDRESS)
        alike = -1.0  # the texts are compared only where it can matter (most rows: never)
        if same_district and probe.kind and order.kind == probe.kind and order.created_at >= since:
            alike = similarity(mine, bigrams(order.description))
            if alike >= SIMILAR:
                reasons.append(Reason.SIMILAR)
        if reasons:
            if alike < 0:
                alike = similarity(mine, bigrams(order.description))
            score = sum(_WEIGHT[r] for r in reasons) + alike
            found[order.number] = Candidate(order, tuple(reasons), alike, score)
    best = sorted(found.values(), key=lambda c: (-c.score, -c.order.created_at.timestamp()))
    return best[:MAX_CANDIDATES]


def repeated(calls: Sequence[tuple[str, datetime]], now: datetime, window: timedelta) -> int:
    """How many distinct callers called about one matter within the window ending ``now``;
    ``calls``: (phone, when) of the order's own caller and of each caller merged into it."""
    since = now - window
    return len({phone for phone, at in calls if at >= since})
