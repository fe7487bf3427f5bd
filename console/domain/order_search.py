"""What the queues' search box means: one reading of the text an agent types, for the view
(to say "not a number") and the store (to choose the index).

Order numbers are ``<platform>-<YYYYMMDD>-<NNNNNN>`` (``12345-20261126-000042``). A search is,
first match wins:

- ``PHONE``: a whole caller number in any spelling (``138 1234 5678``, ``+86 24 1234 5678``),
  :func:`console.domain.phone.search_phone`; stored form;
- ``NUMBER``: an order number or its start, from the platform on (``12345-2026``, ``110-``);
- ``SEQUENCE``: the end of an order number, the part an agent reads back from a slip or a
  callback: its day and sequence (``20261126-000042``), or the sequence alone with a leading
  dash (``-42``, padded to six digits) or as printed (``000042``: six digits, starting ``00``);
  the value is ``-NNNNNN`` or ``YYYYMMDD-NNNNNN``;
- ``PHONE_START``: the start of a caller number, 3 to 10 digits beginning the way a number can
  (``1[3-9]`` mobile, ``0[1-9]`` landline, ``[2-9]`` local), separators ignored. Fewer than
  11 digits beginning ``1[3-9]`` are a mobile's start even where they could be a short
  service number (``13812``): nobody searches the line 13812, many a caller 138 12….

Anything else is no search (None). A number's tail (its last four digits) is not a search: no
index serves it on a million orders.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from console.domain.phone import search_phone

SEQUENCE_DIGITS = 6
_SEPARATORS = re.compile(r"[\s\-.()/]")
_NUMBER_START = re.compile(r"(12345|110)(-[0-9]{0,8}(-[0-9]{0,6})?)?")
_DAY_SEQUENCE = re.compile(r"([0-9]{8})-([0-9]{1,6})")
_DASH_SEQUENCE = re.compile(r"-([0-9]{1,6})")
_PRINTED_SEQUENCE = re.compile(r"00[0-9]{4}")
_MOBILE_START = re.compile(r"1[3-9][0-9]{1,8}")  # shorter than a mobile's 11 digits
_PHONE_START = re.compile(r"(1[3-9]|0[1-9]|[2-9])[0-9]{1,8}")


class SearchHow(enum.StrEnum):
    PHONE = "phone"
    NUMBER = "number"
    SEQUENCE = "sequence"
    PHONE_START = "phone_start"


@dataclass(frozen=True, slots=True)
class Search:
    how: SearchHow
    value: str  # what the store looks for; also what the view shows as the search


def read_search(raw: str) -> Search | None:
    """The reading of ``raw`` (see the module), or None if it is none of them."""
    text = raw.strip()
    if not text:
        return None
    digits = _SEPARATORS.sub("", text)
    if digits.isascii() and _MOBILE_START.fullmatch(digits):  # 13812: not the line 13812
        return Search(SearchHow.PHONE_START, digits)
    phone = search_phone(text)
    if phone is not None:
        return Search(SearchHow.PHONE, phone)
    if _NUMBER_START.fullmatch(text):
        return Search(SearchHow.NUMBER, text)
    if found := _DAY_SEQUENCE.fullmatch(text):
        day, sequence = found.groups()
        return Search(SearchHow.SEQUENCE, f"{day}-{sequence.zfill(SEQUENCE_DIGITS)}")
    if found := _DASH_SEQUENCE.fullmatch(text):
        return Search(SearchHow.SEQUENCE, "-" + found.group(1).zfill(SEQUENCE_DIGITS))
    if _PRINTED_SEQUENCE.fullmatch(text):
        return Search(SearchHow.SEQUENCE, "-" + text)
    if digits.isascii() and _PHONE_START.fullmatch(digits):
        return Search(SearchHow.PHONE_START, digits)
    return None
