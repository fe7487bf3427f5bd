"""Caller numbers: every number a Chinese switch can deliver as caller id, in one stored form.

A hotline's callers ring from mobiles, landlines and service lines, and the switch may spell
the same line several ways (``+86 24 1234 5678``, ``024-12345678``, ``02412345678``). An order
keeps one form, :func:`normalise_phone`'s, so caller history, the queue search and the screen
pop all match it; :func:`format_phone` shows it readably and :func:`mask_phone` hides most of it
wherever it is not the agent's own live call (个人信息保护法: shown masked by default);
:func:`mask_name` does the same for a caller's name and :func:`mask_numbers` for any free text
(a log line, an error message) that may hold a number.

Accepted, with spaces, hyphens, dots, slashes and brackets ignored and full-width digits read
as digits (NFKC):

- mobile: ``1[3-9]`` and 9 digits (11 in all);
- landline with its area code: ``0`` + area code (2–3 digits) + 7–8 digits;
- local number without area code: 7–8 digits, not starting with 0 or 1;
- national service numbers ``400``/``800`` + 7 digits;
- short service numbers: ``95xxx``/``96xxx`` (banks, carriers) and ``1xxxx`` (12345, 12315, 10086);
- any of the national long forms after ``+86``, ``0086`` or ``86`` (the country code is
  dropped; a landline given without its trunk ``0`` after the country code gets it back).

Stored form: digits only, no country code. A local number stays as its 7–8 digits (the
switch does not say which area it is in).
"""

from __future__ import annotations

import hashlib
import hmac
import re

from console.domain.typed_text import clean_code, unstorable

MAX_RAW = 40  # characters typed or delivered; anything longer is not a number
PSEUDONYM = "~"  # a purged phone or name starts with it: a keyed hash, see :func:`pseudonymise`

_SEPARATORS = re.compile(r"[\s\-.()/]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[1-9][0-9]{8,10}")
_LOCAL = re.compile(r"[2-9][0-9]{6,7}")
_NATIONAL_SERVICE = re.compile(r"[48]00[0-9]{7}")
_SHORT_SERVICE = re.compile(r"9[56][0-9]{3}|1[0-9]{4}")
_THREE_DIGIT_AREAS = re.compile(r"010|02[0-9]")  # Beijing and the 02x cities; others are 0xxx
# An order number or its start (12345-20261126-000042, 110-…): never read as a phone.
_ORDER_NUMBER_START = re.compile(r"(12345|110)(-[0-9]{0,8}(-[0-9]{0,6})?)?")


def normalise_phone(raw: str) -> str | None:
    """The stored form of ``raw`` (digits, country code dropped), or ``None`` if it is not a
    number a Chinese switch delivers as caller id."""
    if len(raw) > MAX_RAW or unstorable(raw):
        return None
    text = _SEPARATORS.sub("", clean_code(raw))
    international = text.startswith("+")
    digits = text[1:] if international else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    if international:
        return _after_country_code(digits[2:]) if digits.startswith("86") else None
    if _national(digits):
        return digits
    for prefix in ("0086", "86"):
        if digits.startswith(prefix):
            return _after_country_code(digits[len(prefix) :])
    return None


def search_phone(raw: str) -> str | None:
    """The phone number a search box's text means, or ``None`` if it reads as an order number
    (or the start of one: ``12345`` searches the 12345 orders, not the caller 12345)."""
    if _ORDER_NUMBER_START.fullmatch(raw.strip()):
        return None
    return normalise_phone(raw)


def is_service_number(phone: str) -> bool:
    """A company's or an agency's line (400/800, 95xxx, 12315…), not a person's."""
    return bool(_NATIONAL_SERVICE.fullmatch(phone) or _SHORT_SERVICE.fullmatch(phone))


def format_phone(phone: str) -> str:
    """``phone`` as people read it: ``024-12345678``, ``0411-1234567``, ``400-123-4567``;
    mobiles, local and short numbers as their digits. Not a number: as given."""
    number = normalise_phone(phone)
    if number is None:
        return phone
    if _LANDLINE.fullmatch(number):
        area = 3 if _THREE_DIGIT_AREAS.match(number) else 4
        return f"{number[:area]}-{number[area:]}"
    if _NATIONAL_SERVICE.fullmatch(number):
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    return number


def mask_phone(phone: str) -> str:
    """138****1234: shown while a call rings, before it is answered. At least four digits are
    hidden whatever the length (a 7-digit local number too); service numbers are not a
    person's and show whole."""
    if is_pseudonym(phone):
        return "*" * 8  # purged: nothing of the number is left to show
    number = normalise_phone(phone)
    if number is None:
        number = "".join(c for c in phone if c.isascii() and c.isdigit())
        if not number:
            return phone  # "anonymous", "unknown": no number to hide
    elif is_service_number(number):
        return number
    hidden = max(4, len(number) - 7)
    shown = len(number) - hidden
    if shown <= 0:
        return "*" * len(number)
    head = min(3, shown // 2)
    return f"{number[:head]}{'*' * hidden}{number[head + hidden :]}"


def mask_name(name: str) -> str:
    """张**: the first character kept, every other one a ``*`` (at least one, so a one-character
    name does not show whole). Blank stays blank."""
    text = name.strip()
    if not text:
        return ""
    if is_pseudonym(text):
        return "**"
    return text[0] + "*" * max(1, len(text) - 1)


# Numbers inside free text: a mobile (optionally after +86/86, in 3-4-4 groups) or a landline
# with its area code; never part of a longer run of digits (an order number's date, a count).
_IN_TEXT = re.compile(
    r"(?<![0-9])(?:\+?86[\s-]?)?(?:1[3-9][0-9][\s-]?[0-9]{4}[\s-]?[0-9]{4}"
    r"|0[1-9][0-9]{1,2}[\s-]?[0-9]{7,8})(?![0-9])"
)


def mask_numbers(text: str) -> str:
    """``text`` with every mobile and landline number in it masked (:func:`mask_phone`): the
    safety net under logs and error messages, which should not name a number in the first
    place."""
    return _IN_TEXT.sub(lambda m: mask_phone(m[0]), text)


def pseudonymise(key: bytes, value: str, kind: str = "phone") -> str:
    """What a purged phone (or name, ``kind="name"``) is replaced with: ``~`` and 32 hex digits
    of HMAC-SHA256 under the site's key. The same number always gives the same text (a phone is
    normalised first, so ``+86 138…`` and ``138…`` agree): a purged caller's orders are still
    found when that number calls again, while the number itself cannot be read back."""
    text = (normalise_phone(value) or value.strip()) if kind == "phone" else value.strip()
    mac = hmac.new(key, f"{kind}\x00{text}".encode(), hashlib.sha256).hexdigest()
    return PSEUDONYM + mac[:32]


def is_pseudonym(value: str) -> bool:
    """Whether ``value`` is what :func:`pseudonymise` made (a purged phone or name)."""
    return value.startswith(PSEUDONYM)


def _national(digits: str) -> bool:
    return any(
        pattern.fullmatch(digits)
        for pattern in (_MOBILE, _LANDLINE, _LOCAL, _NATIONAL_SERVICE, _SHORT_SERVICE)
    )


def _after_country_code(digits: str) -> str | None:
    """The national long form after +86: mobile, landline (with or without its trunk 0) or a
    400/800 number; a local or short number needs no country code and never comes with one."""
    for candidate in (digits, "0" + digits):
        if any(p.fullmatch(candidate) for p in (_MOBILE, _LANDLINE, _NATIONAL_SERVICE)):
            return candidate
    return None
