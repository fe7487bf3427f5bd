"""Intake checks against hostile input: every problem is a refusal with a code, and what passes
is stored in one clean form (``clean``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.catalogue import District, Field, Kind, parse_districts, parse_kinds
from console.domain.intake import (
    MESSAGES_ZH,
    Draft,
    Problem,
    check_clock,
    clean,
    validate,
)
from console.domain.orders import Actor, Platform, Priority
from console.domain.refusals import Refused

SEED = Path(__file__).resolve().parents[2] / "db" / "seed"
GOOD = Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
             description="噪音扰民")  # fmt: skip
POLICE_GOOD = Draft(caller_phone="13812345678", kind="P-ZA", district="210102", description="斗殴")


@pytest.fixture(scope="module")
def catalogue() -> tuple[dict[str, Kind], dict[str, Field], dict[str, District]]:
    kinds, fields = parse_kinds((SEED / "kinds.toml").read_text(encoding="utf-8"))
    districts = parse_districts((SEED / "districts.csv").read_text(encoding="utf-8"))
    return {k.code: k for k in kinds}, {f.code: f for f in fields}, {d.code: d for d in districts}


Catalogue = tuple[dict[str, Kind], dict[str, Field], dict[str, District]]


def problems(draft: Draft, catalogue: Catalogue, platform: Platform = Platform.HOTLINE) -> set[str]:
    return {f"{p.field}:{p.code}" for p in validate(draft, platform, *catalogue)}


def test_the_good_drafts_pass(catalogue: Catalogue) -> None:
    assert problems(GOOD, catalogue) == set()
    assert problems(POLICE_GOOD, catalogue, Platform.POLICE) == set()


@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b", "\udfff", "\x00"])
@pytest.mark.parametrize(
    "name", ["caller_phone", "caller_name", "kind", "field", "district", "address", "description"]
)
def test_nul_and_lone_surrogates_are_refused_in_every_text_field(
    catalogue: Catalogue, name: str, bad: str
) -> None:
    found = validate(replace(GOOD, **{name: bad}), Platform.HOTLINE, *catalogue)
    assert [p for p in found if p.field == name] == [Problem(name, "bad_characters")]


def test_controls_and_bidirectional_overrides_are_removed_from_what_is_stored(
    catalogue: Catalogue,
) -> None:
    typed = replace(
        GOOD,
        caller_name="\u202e张\u2066先生\u2069\x07 ",
        address="沈阳市\r\n和平区\t中山路\x1b[31m 3号\u202d",
        description="楼下\x08噪音\r\n夜里\t两点\u2028\u202e还在\x85吵\x9b",
    )
    assert problems(typed, catalogue) == set()
    stored = clean(typed)
    assert stored.caller_name == "张先生"
    assert stored.address == "沈阳市 和平区 中山路[31m 3号"
    assert stored.description == "楼下噪音\n夜里\t两点\n还在\n吵"


def test_digits_are_read_in_any_width_and_chinese_punctuation_is_kept(
    catalogue: Catalogue,
) -> None:
    typed = replace(
        GOOD,
        caller_phone="１３８ １２３４ ５６７８",
        kind="Ｃ-ＴＳ",
        field="Ｆ-ＳＨ",
        district="２１０１０２",
        address="中山路３号楼，２单元",
        description="①噪音扰民！请尽快处理，谢谢。",
    )
    assert problems(typed, catalogue) == set()
    stored = clean(typed)
    assert (stored.caller_phone, stored.kind, stored.field, stored.district) == (
        "13812345678", "C-TS", "F-SH", "210102",
    )  # fmt: skip
    assert stored.address == "中山路3号楼，2单元"
    assert stored.description == "①噪音扰民！请尽快处理，谢谢。"


@pytest.mark.parametrize(
    "phone",
    ["024-12345678", "23456789", "+86 10 1234 5678", "86 138 1234 5678", "400 123 4567", "95588",
     "12315"],
)  # fmt: skip
def test_landlines_and_service_numbers_are_accepted(catalogue: Catalogue, phone: str) -> None:
    assert problems(replace(GOOD, caller_phone=phone), catalogue) == set()


@pytest.mark.parametrize("field", ["F-SH", "NOPE", " F-JJ "])
def test_a_110_order_has_no_field(catalogue: Catalogue, field: str) -> None:
    found = problems(replace(POLICE_GOOD, field=field), catalogue, Platform.POLICE)
    assert found == {"field:field_not_used"}


def test_a_12345_order_needs_a_12345_field(catalogue: Catalogue) -> None:
    kinds, fields, districts = catalogue
    police_field = Field("F-POL", Platform.POLICE, "警务", "Police")
    mixed = (kinds, {**fields, police_field.code: police_field}, districts)
    assert problems(replace(GOOD, field="F-POL"), mixed) == {"field:field_missing"}


@pytest.mark.parametrize("priority", [3, -1, 7, 2**40, True])
def test_a_priority_outside_the_known_ones_is_refused(catalogue: Catalogue, priority: int) -> None:
    typed = replace(GOOD, priority=priority)  # type: ignore[arg-type]
    assert problems(typed, catalogue) == {"priority:priority_unknown"}
    assert problems(replace(typed, social_stability=True), catalogue) == {
        "priority:priority_unknown"
    }


def test_a_social_stability_clue_is_stored_at_top_priority() -> None:
    assert clean(replace(GOOD, social_stability=True)).priority is Priority.CRITICAL
    assert clean(replace(GOOD, priority=1)).priority is Priority.URGENT  # type: ignore[arg-type]


def test_lengths_are_counted_on_what_is_stored(catalogue: Catalogue) -> None:
    long = replace(GOOD, caller_name="名" * 41, address="路" * 201, description="字" * 2001)
    assert problems(long, catalogue) == {
        "caller_name:name_too_long", "address:address_too_long", "description:description_too_long",
    }  # fmt: skip
    padded = replace(GOOD, caller_name="\u202e" * 100 + "名" * 40, description=" " * 5000 + "字")
    assert problems(padded, catalogue) == set()
    huge = replace(GOOD, description="字" * 1_000_000, caller_phone="1" * 1_000_000)
    assert problems(huge, catalogue) == {
        "caller_phone:phone_format", "description:description_too_long",
    }  # fmt: skip


def test_every_problem_code_has_its_chinese_sentence() -> None:
    params: dict[str, str | int] = {"max": 9, "length": 10, "kind": "刑事", "platform": "110"}
    for code in MESSAGES_ZH:
        assert "{" not in Problem("x", code, params).message


@pytest.mark.parametrize(
    "now",
    [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC),
     datetime(1999, 12, 31, 23, 59, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC),
     datetime(2026, 11, 1)],
)  # fmt: skip
def test_a_clock_no_working_computer_shows_is_refused(now: datetime) -> None:
    with pytest.raises(Refused) as refused:
        check_clock(now)
    assert refused.value.code == "clock_wrong"


def test_a_working_clock_passes() -> None:
    check_clock(datetime(2026, 11, 1, 2, tzinfo=UTC))
    check_clock(datetime(2099, 12, 31, 23, tzinfo=UTC))


@pytest.mark.parametrize(
    ("name", "seat", "code"),
    [("", "A-01", "agent_invalid"), ("  ", "A-01", "agent_invalid"), (" 王丽", "A-01", "agent_invalid"),
     ("王\u202e丽", "A-01", "agent_invalid"), ("王\n丽", "A-01", "agent_invalid"),
     ("王\x00丽", "A-01", "agent_invalid"), ("王\ud800", "A-01", "agent_invalid"),
     ("名" * 33, "A-01", "agent_invalid"), ("王丽", "", "seat_invalid"),
     ("王丽", " ", "seat_invalid"), ("王丽", "A-01\t", "seat_invalid"),
     ("王丽", "A" * 17, "seat_invalid")],
)  # fmt: skip
def test_a_blank_or_unprintable_agent_or_seat_is_refused(name: str, seat: str, code: str) -> None:
    with pytest.raises(Refused) as refused:
        Actor(name, seat, Platform.HOTLINE)
    assert refused.value.code == code


def test_a_plain_agent_and_seat_are_accepted() -> None:
    actor = Actor("名" * 32, "A" * 16, Platform.POLICE)
    assert (actor.name, actor.seat) == ("名" * 32, "A" * 16)
