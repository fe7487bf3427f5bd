"""Text as an agent types or pastes it, made safe to store and to show.

What is refused, what is cleaned, and why:

- **Refused** (the field is marked, nothing is saved): a NUL character and lone surrogates
  (half of a UTF-16 pair, from a broken paste). Neither is text: PostgreSQL cannot store a NUL
  and no database can encode a lone surrogate. Silently dropping them could change what a
  caller said, so the agent retypes.
- **Removed**: every other control character (C0, DEL, C1) and the bidirectional embedding,
  override and isolate characters (U+202A–U+202E, U+2066–U+2069), which make a line display in
  a different order than it is stored ("Trojan source"). They are invisible, so removing them
  changes nothing an agent could see.
- **Line breaks and tabs**: a single-line field (name, address, codes) turns each run of them
  into one space; a multi-line field (the description) keeps newlines and tabs, and ``\\r\\n``,
  ``\\r``, U+0085, U+2028 and U+2029 become ``\\n``.
- **Normal forms**: codes and phone numbers are NFKC (full-width ``１３８`` is ``138``); text that
  people read is NFC with only full-width Latin letters and digits folded, because NFKC would
  also turn Chinese punctuation into ASCII (``，`` into ``,``, ``！`` into ``!``) and circled
  numbers into digits (``①`` into ``1``), which changes what the agent wrote.
"""

from __future__ import annotations

import re
import unicodedata

# Full-width Latin letters and digits (U+FF10–FF19, FF21–FF3A, FF41–FF5A) to ASCII.
_FULL_WIDTH = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_BREAKS = "\t\n\x0b\x0c\r\x85\u2028\u2029"
_LINE_BREAKS = re.compile(f"[{_BREAKS}]+")
_NEWLINES = re.compile("\r\n|[\x0b\x0c\r\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile(
    f"[{_BREAKS}\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unstorable(text: str) -> bool:
    """True if ``text`` holds a NUL or a lone surrogate: refuse it, do not clean it."""
    return _UNSTORABLE.search(text) is not None


def clean_code(text: str) -> str:
    """A code or number typed by hand (catalogue code, phone): NFKC, one line, trimmed."""
    return clean_line(unicodedata.normalize("NFKC", text))


def clean_line(text: str) -> str:
    """A single-line field people read (name, address): NFC with full-width letters and
    digits folded, line breaks and tabs as one space, invisible controls removed, trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_FULL_WIDTH)
    return _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", text)).strip()


def clean_text(text: str) -> str:
    """A multi-line field (the description): as :func:`clean_line`, but newlines (one kind of
    them) and tabs stay."""
    text = unicodedata.normalize("NFC", text).translate(_FULL_WIDTH)
    return _INVISIBLE.sub("", _NEWLINES.sub("\n", text)).strip()


def plain_line(text: str) -> bool:
    """True if ``text`` is already one clean line: no control, line break, bidirectional
    control or lone surrogate, and no space at either end (names of agents and seats)."""
    return _UNSAFE_IN_LINE.search(text) is None and text == text.strip()
