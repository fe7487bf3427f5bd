"""Keyword groups for the hot-spot scan: one group per transfer-list item (互转事项清单, the 会商
files' ``[[item]]``), its keywords matched in an order's description.

An order counts once in every group one of whose keywords is a substring of its normalised
description (:func:`console.domain.consultation.normalise`: NFKC, lower case, no spaces or
punctuation). Exact substrings only — not the routing suggestion's near match of long keywords:
a hot spot is evidence a shift lead sends a district to verify, and each order behind it must
visibly contain one of the group's words.

The group's subject (what the hot spot is "about", stored with it) names the item in full —
``"110→12345 1.3 供暖不热、停暖"`` — so a stored hot spot reads the same after the list changes.

Matching: a character class of the keywords' first characters finds where a keyword may start;
at each such position the keywords beginning with that character are compared (so keywords that
overlap are all seen). Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from console.domain.consultation import TransferItem, normalise


@dataclass(frozen=True, slots=True)
class KeywordGroup:
    subject: str
    keywords: tuple[str, ...]  # normalised, none empty


def keyword_groups(items: Iterable[TransferItem]) -> list[KeywordGroup]:
    """One group per item that has a keyword (its subject names direction, number and item)."""
    groups = []
    for item in items:
        keys = tuple(dict.fromkeys(k for k in (normalise(w) for w in item.keywords) if k))
        if keys:
            groups.append(KeywordGroup(f"{item.direction.shown} {item.number} {item.item}", keys))
    return groups


class GroupMatcher:
    """The groups a description belongs to."""

    def __init__(self, groups: Sequence[KeywordGroup]) -> None:
        self.groups = tuple(groups)
        by_first: dict[str, list[tuple[str, int]]] = {}
        for n, group in enumerate(self.groups):
            for key in group.keywords:
                by_first.setdefault(key[0], []).append((key, n))
        self._by_first = by_first
        firsts = "".join(re.escape(c) for c in sorted(by_first))
        self._starts = re.compile(f"[{firsts}]") if firsts else None

    def __bool__(self) -> bool:
        return self._starts is not None

    def match(self, description: str) -> set[int]:
        """Indexes into :attr:`groups` of the groups whose keywords ``description`` holds."""
        if self._starts is None:
            return set()
        text = normalise(description)
        found: set[int] = set()
        for m in self._starts.finditer(text):
            at = m.start()
            for key, n in self._by_first[text[at]]:
                if n not in found and text.startswith(key, at):
                    found.add(n)
        return found
