"""Caller numbers: every number a Chinese switch delivers is accepted, in one stored form."""

from __future__ import annotations

import pytest

from console.domain.phone import (
    format_phone,
    is_pseudonym,
    is_service_number,
    mask_name,
    mask_numbers,
    mask_phone,
    normalise_phone,
    pseudonymise,
    search_phone,
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        # mobiles, however spelled
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("13８12345678", "13812345678"),  # a full-width digit
        ("１３８１２３４５６７８", "13812345678"),
        # landlines with their area code
        ("024-12345678", "02412345678"),
        ("(024) 2345 6789", "02423456789"),
        ("010-12345678", "01012345678"),
        ("0411-1234567", "04111234567"),
        ("0411 12345678", "041112345678"),
        ("+86 10 1234 5678", "01012345678"),  # the trunk 0 comes back
        ("+86 24 2345 6789", "02423456789"),
        ("0086-411-1234567", "04111234567"),
        ("86 24 23456789", "02423456789"),
        ("+86 (0)24 2345 6789", "02423456789"),
        # local numbers without area code
        ("23456789", "23456789"),
        ("2345678", "2345678"),
        ("8695588", "8695588"),  # 7 digits: a local number, not 86 + 95588
        # service numbers
        ("400-123-4567", "4001234567"),
        ("800 123 4567", "8001234567"),
        ("+86 400 123 4567", "4001234567"),
        ("95588", "95588"),
        ("96110", "96110"),
        ("12345", "12345"),
        ("12315", "12315"),
        ("10086", "10086"),
        ("９５５８８", "95588"),
    ],
)
def test_every_number_a_switch_delivers_is_accepted_in_one_form(raw: str, stored: str) -> None:
    assert normalise_phone(raw) == stored
    assert normalise_phone(stored) == stored  # the stored form is its own normal form


@pytest.mark.parametrize(
    "raw",
    [
        "", "   ", "abc", "1234", "110", "123456", "1381234", "1234567",  # too short / 1xxxxxx
        "138123456789", "23812345678", "12012345678",  # 12 digits; not a mobile prefix
        "0012345678", "+1 212 555 0100", "+86 95588", "+86 2345678", "86 2345678",
        "12345-20261126-000042", "110-2026", "138\x0012345678", "138\ud80012345678",
        "1" * 41, "13812345678" + " " * 40, "138.1234.5678.9",
    ],
)  # fmt: skip
def test_what_is_not_a_caller_id_is_refused(raw: str) -> None:
    assert normalise_phone(raw) is None


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("13812345678", "13812345678"),
        ("02412345678", "024-12345678"),
        ("01012345678", "010-12345678"),
        ("04111234567", "0411-1234567"),
        ("041112345678", "0411-12345678"),
        ("4001234567", "400-123-4567"),
        ("95588", "95588"),
        ("23456789", "23456789"),
        ("+86 24 2345 6789", "024-23456789"),
        ("anonymous", "anonymous"),
    ],
)
def test_numbers_are_shown_readably(stored: str, shown: str) -> None:
    assert format_phone(stored) == shown


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812341234", "138****1234"),  # as before
        ("+86 138 1234 1234", "138****1234"),
        ("024-12345678", "024****5678"),
        ("041112345678", "041*****5678"),
        ("23456789", "23****89"),
        ("2345678", "2****78"),
        ("95588", "95588"),  # a bank's line, not a person's
        ("4001234567", "4001234567"),
        ("12345", "12345"),
        ("9999", "****"),  # not a number: still hidden
        ("anonymous", "anonymous"),
    ],
)
def test_masking_hides_at_least_four_digits_of_a_persons_number(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked
    number = normalise_phone(raw)
    if number is not None and not is_service_number(number):
        assert masked.count("*") >= 4


@pytest.mark.parametrize(
    ("raw", "phone"),
    [("12345", None), ("12345-", None), ("110", None), ("12345-2026", None),
     ("95588", "95588"), ("024-12345678", "02412345678"), ("+86 138 1234 5678", "13812345678")],
)  # fmt: skip
def test_a_search_for_the_start_of_an_order_number_is_not_a_phone_search(
    raw: str, phone: str | None
) -> None:
    assert search_phone(raw) == phone


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("欧阳娜娜", "欧***"), ("王", "王*"), (" 李四 ", "李*"), ("", ""),
     ("Smith", "S****")],
)  # fmt: skip
def test_a_name_keeps_its_first_character(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [("call from 13812341234 taken", "call from 138****1234 taken"),
     ("+86 138 1234 1234", "138****1234"), ("tel:024-12345678;", "tel:024****5678;"),
     ("0411-1234567", "041****4567"),
     ("order 12345-20261126-000042", "order 12345-20261126-000042"),  # not a phone
     ("2026-12-04 10:00:00,123 id 1234567890123", "2026-12-04 10:00:00,123 id 1234567890123")],
)  # fmt: skip
def test_numbers_inside_text_are_masked(text: str, masked: str) -> None:
    assert mask_numbers(text) == masked


def test_a_pseudonym_is_keyed_stable_and_shown_as_nothing() -> None:
    key, other = bytes(32), bytes(range(32))
    hashed = pseudonymise(key, "+86 138 1234 1234")
    assert hashed == pseudonymise(key, "13812341234") != pseudonymise(other, "13812341234")
    assert is_pseudonym(hashed) and "1234" not in mask_phone(hashed)
    assert pseudonymise(key, "张三", "name") != pseudonymise(key, "张三")
    assert mask_name(pseudonymise(key, "张三", "name")) == "**"
