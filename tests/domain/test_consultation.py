"""会商 rules and transfer lists: matching, explanation, validity, versions, and bad files named
by file and line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from console.domain.catalogue import parse_departments, parse_districts, parse_kinds
from console.domain.consultation import (
    Move,
    Typed,
    matched_keywords,
    normalise,
    suggest,
)
from console.domain.consultation_file import (
    Known,
    RuleBook,
    RuleFileError,
    load_rule_book,
    merge,
    parse_rule_file,
)
from console.domain.order_types import Platform

ROOT = Path(__file__).resolve().parents[2]
HOTLINE, POLICE = Platform.HOTLINE, Platform.POLICE


def known() -> Known:
    seed = ROOT / "db" / "seed"
    kinds, fields = parse_kinds((seed / "kinds.toml").read_text("utf-8"))
    districts = parse_districts((seed / "districts.csv").read_text("utf-8"))
    departments = parse_departments((seed / "departments.csv").read_text("utf-8"))
    return Known(
        {k.code: k.platform for k in kinds},
        frozenset(f.code for f in fields),
        frozenset(d.code for d in districts),
        frozenset(d.code for d in departments),
    )


def demo() -> RuleBook:
    folder = ROOT / "db" / "consultation"
    return merge(
        [
            parse_rule_file(p.read_text("utf-8"), str(p), known())
            for p in sorted(folder.glob("*.toml"))
        ]
    )


def typed(
    text: str, day: date = date(2026, 8, 1), platform: Platform = HOTLINE, **over: str | None
) -> Typed:
    values: dict[str, str | None] = {"kind": None, "field": None, "district": None}
    values.update(over)
    return Typed(platform, values["kind"], values["field"], values["district"], text, day)


def test_the_demo_files_load_and_are_marked_demo() -> None:
    book = demo()
    assert book.demo and len(book.items) >= 24 and len(book.rules) >= 4
    assert {i.direction.value for i in book.items} == {"12345->110", "110->12345"}


def test_a_rule_matches_and_says_why() -> None:
    advice = suggest(demo().rules, demo().items, typed("楼上装修噪音太大，每天电钻", kind="C-TS"))
    assert advice is not None and advice.rule is not None
    assert advice.move is Move.STAY and advice.department == "210100-CG"
    assert advice.cited == "依据：2026年第2次会商（演示） 规则 R-001"
    assert advice.keywords == ("装修噪音", "电钻") and "城管" in advice.norm
    at_110 = suggest(demo().rules, [], typed("楼上装修噪音", platform=POLICE))
    assert at_110 is not None and at_110.move is Move.TRANSFER and at_110.platform is HOTLINE


def test_a_kind_or_district_outside_the_rule_does_not_match() -> None:
    rules = demo().rules
    assert suggest(rules, [], typed("装修噪音", kind="C-ZX")) is None
    inside = suggest(rules, [], typed("小区门口烧烤油烟", district="210102", field="F-ST"))
    assert inside is not None and inside.rule is not None and inside.rule.rule_id == "R-020"
    assert suggest(rules, [], typed("小区门口烧烤油烟", district="210202")) is None


def test_expired_rules_are_ignored_and_the_newest_version_wins() -> None:
    rules = demo().rules
    before = suggest(rules, [], typed("公司欠薪三个月", day=date(2026, 5, 1)))
    assert before is not None and before.rule is not None
    assert (before.rule.rule_id, before.rule.version) == ("R-002", 1)
    after = suggest(rules, [], typed("公司欠薪三个月", day=date(2026, 8, 1)))
    assert after is not None and after.rule is not None and after.rule.version == 2
    assert "第3次会商" in after.cited
    assert suggest(rules, [], typed("讨薪", day=date(2026, 5, 1))) is None  # v1 lacks the word
    assert suggest(rules, [], typed("公司欠薪", day=date(2026, 2, 1))) is None  # not yet valid
    r020 = [r for r in rules if r.rule_id == "R-020"]
    assert suggest(r020, [], typed("烧烤油烟", day=date(2027, 7, 1))) is None  # expired
    # a newer version that has expired silences the rule: the older one does not come back
    old = next(r for r in rules if r.rule_id == "R-002" and r.version == 1)
    ended = replace(old, version=3, valid_from=date(2026, 4, 1), valid_to=date(2026, 4, 30))
    assert suggest([old, ended], [], typed("欠薪", day=date(2026, 5, 2))) is None


def test_priority_chooses_between_overlapping_rules() -> None:
    advice = suggest(demo().rules, [], typed("工人讨薪堵路", day=date(2026, 8, 1)))
    assert advice is not None and advice.rule is not None and advice.rule.rule_id == "R-017"
    assert advice.move is Move.TRANSFER and advice.platform is POLICE and advice.also == ("R-002",)


def test_the_transfer_list_suggests_where_no_rule_matches() -> None:
    book = demo()
    advice = suggest(book.rules, book.items, typed("有人在小区门口打架"))
    assert advice is not None and advice.item is not None and advice.rule is None
    assert advice.move is Move.TRANSFER and advice.platform is POLICE
    assert advice.cited.startswith("依据：2026年第1次会商（演示） 互转事项清单（12345→110）2.1")
    # the 110 → 12345 list is not offered at 12345, and the other way round
    assert suggest(book.rules, book.items, typed("家里停水了")) is None
    back = suggest(book.rules, book.items, typed("家里停水了", platform=POLICE))
    assert back is not None and back.platform is HOTLINE and back.item is not None
    assert back.item.kinds == ("C-QZ",)


def test_keywords_match_after_normalising_and_near_misses() -> None:
    assert normalise("Ｗｉ－Ｆｉ 不 通！") == "wifi不通"
    assert matched_keywords(["噪音扰民"], normalise("楼下噪声扰民")) == ()  # 1 of its 3 bigrams
    assert matched_keywords(["商铺油烟扰民"], normalise("商铺油烟严重扰民")) == ("商铺油烟扰民",)
    assert matched_keywords(["打架"], normalise("打 架")) == ("打架",)


BAD_RULE = """\
demo = true

[[rule]]
id = "R-001"
keywords = ["噪音"]
kinds = ["C-XX"]
platform = "12345"
norm = "x"
consultation = {{ title = "t", held_on = 2026-01-01 }}
valid_from = 2026-01-01
"""

TWO_RULES = """\
consultation = { title = "2026年第9次会商", held_on = 2026-01-01 }

[[rule]]
id = "R-001"
keywords = ["噪音"]
platform = "12345"
norm = "a"
valid_from = 2026-01-01

[[rule]]
id = "R-002"
keywords = ["装修噪音"]
platform = "110"
norm = "b"
valid_from = 2026-02-01
"""


def test_bad_files_name_the_file_and_line() -> None:
    with pytest.raises(RuleFileError) as unknown:
        parse_rule_file(BAD_RULE.format(), "rules.toml", known())
    assert str(unknown.value).startswith("rules.toml:6: unknown kind 'C-XX'")
    with pytest.raises(RuleFileError) as overlap:
        parse_rule_file(TWO_RULES, "site.toml", known())
    assert overlap.value.line == 10 and "R-001 and R-002 overlap" in overlap.value.why
    fixed = TWO_RULES.replace('norm = "b"', 'norm = "b"\npriority = 1')
    with pytest.raises(RuleFileError, match="overlap"):  # one priority is not enough
        parse_rule_file(fixed, "site.toml", known())
    both = fixed.replace('norm = "a"', 'norm = "a"\npriority = 2')
    assert len(parse_rule_file(both, "site.toml", known()).rules) == 2
    with pytest.raises(RuleFileError) as syntax:
        parse_rule_file("[[rule]]\nid = \n", "x.toml", known())
    assert syntax.value.line == 2
    with pytest.raises(RuleFileError) as item:
        parse_rule_file('[[item]]\ndirection = "12345->110"\nnumber = "1.1"\nclass = "c"\n'
                        'item = "i"\nkeywords = ["k"]\nkinds = ["C-TS"]\n', "l.toml", known())  # fmt: skip
    assert item.value.line == 7  # a 12345 kind on a list item going to 110


def test_overlap_across_files_names_the_later_file() -> None:
    first = TWO_RULES.split('[[rule]]\nid = "R-002"')[0]
    second = (
        'consultation = { title = "t", held_on = 2026-01-01 }\n\n[[rule]]\nid = "R-002"'
        + (TWO_RULES.split('[[rule]]\nid = "R-002"')[1])
    )
    books = [parse_rule_file(first, "a.toml", known()), parse_rule_file(second, "b.toml", known())]
    with pytest.raises(RuleFileError) as err:
        merge(books)
    assert (err.value.path, err.value.line) == ("b.toml", 3)


def test_a_folder_with_a_bad_file_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(TWO_RULES, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_book(tmp_path, known())
    assert str(err.value).startswith(f"{tmp_path / 'a.toml'}:10: rules R-001 and R-002 overlap")
    with pytest.raises(RuleFileError, match="no such folder"):
        load_rule_book(tmp_path / "missing", known())
