"""What the queues' search box reads a text as."""

from __future__ import annotations

import pytest

from console.domain.order_search import Search, SearchHow, read_search

PHONE, NUMBER, SEQUENCE, START = (SearchHow.PHONE, SearchHow.NUMBER, SearchHow.SEQUENCE,
                                  SearchHow.PHONE_START)  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "how", "value"),
    [
        ("138 1234 5678", PHONE, "13812345678"),
        ("+86 24-1234-5678", PHONE, "02412345678"),
        ("12315", PHONE, "12315"),
        ("12345-20261126-000042", NUMBER, "12345-20261126-000042"),
        ("110-2026", NUMBER, "110-2026"),
        ("12345", NUMBER, "12345"),
        ("000003", SEQUENCE, "-000003"),
        ("-3", SEQUENCE, "-000003"),
        (" 20261126-42 ", SEQUENCE, "20261126-000042"),
        ("138", START, "138"),
        ("138 1234", START, "1381234"),
        ("13812", START, "13812"),
        ("024-1234", START, "0241234"),
    ],
)
def test_each_reading(raw: str, how: SearchHow, value: str) -> None:
    assert read_search(raw) == Search(how, value)


@pytest.mark.parametrize("raw", ["", "  ", "abc", "噪音", "12", "12345-2026x", "1234"])
def test_what_is_no_search(raw: str) -> None:
    assert read_search(raw) is None


@pytest.mark.parametrize("raw", ["000003", "-3", "20261126-42", "1381234", "110-2026"])
def test_a_reading_reads_back_as_itself(raw: str) -> None:
    first = read_search(raw)
    assert first is not None and read_search(first.value) == first
