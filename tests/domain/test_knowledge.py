"""Knowledge-base articles: validation, versions in effect, and bad files named by file and
line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from console.domain.knowledge import Article, Category, check_article, current, newest, next_id
from console.domain.knowledge_file import KnowledgeFileError, load_knowledge, parse_knowledge_file
from console.domain.refusals import Refused

ROOT = Path(__file__).resolve().parents[2]
KINDS = frozenset({"C-ZX", "C-TS", "C-QZ", "C-JB", "C-YJ", "P-XS", "P-ZA", "P-JT", "P-QT",
                   "P-JQ", "P-TS", "P-FJW"})  # fmt: skip
ARTICLE = Article("K-001", " 居住证 ", "正文", Category.POLICY, date(2026, 1, 1), kinds=("C-ZX",))


def test_the_demo_files_are_read_marked_demo_and_cover_every_category() -> None:
    shelf = load_knowledge(ROOT / "db" / "knowledge", KINDS)
    assert 15 <= len(shelf.articles) <= 30
    assert all(a.demo for a in shelf.articles)
    assert {a.category for a in shelf.articles} == set(Category)
    results = [a for a in shelf.articles if a.category is Category.CONSULTATION]
    assert all(a.rule_id and a.rule_id.startswith("R-") for a in results)


def test_check_trims_and_refuses_what_is_wrong() -> None:
    assert check_article(ARTICLE, KINDS).title == "居住证"
    wrong = [
        (replace(ARTICLE, article_id="K1"), "article_id"),
        (replace(ARTICLE, title=""), "article_title"),
        (replace(ARTICLE, title="两\n行"), "article_title"),
        (replace(ARTICLE, body=" "), "article_body"),
        (replace(ARTICLE, kinds=("C-NOPE",)), "article_kind"),
        (replace(ARTICLE, keywords=tuple(f"词{i}" for i in range(21))), "article_keywords"),
        (replace(ARTICLE, valid_to=date(2025, 12, 31)), "article_dates"),
        (replace(ARTICLE, rule_id="R-001"), "article_rule"),
        (replace(ARTICLE, category=Category.CONSULTATION), "article_rule"),
        (replace(ARTICLE, category=Category.CONSULTATION, rule_id="017"), "article_rule"),
    ]
    for article, code in wrong:
        with pytest.raises(Refused) as refused:
            check_article(article, KINDS)
        assert refused.value.code == code, article


def test_the_newest_begun_version_is_in_effect_and_an_expired_one_is_silent() -> None:
    v1 = replace(ARTICLE, title="旧", valid_to=date(2026, 6, 30))
    v2 = replace(ARTICLE, title="新", version=2, valid_from=date(2026, 7, 1))
    gone = replace(ARTICLE, article_id="K-002", valid_to=date(2026, 3, 31))
    assert [a.title for a in current([v1, v2, gone], date(2026, 3, 1))] == ["旧", " 居住证 "]
    assert [a.title for a in current([v1, v2, gone], date(2026, 8, 1))] == ["新"]
    # an expired newest version does not bring back the older one
    v3 = replace(v2, version=3, valid_to=date(2026, 9, 30))
    assert current([v1, v2, v3], date(2026, 10, 1)) == []
    assert [a.version for a in newest([v1, v3, v2, gone])] == [3, 1]
    assert next_id(["K-001", "K-204", "bad"]) == "K-205" and next_id([]) == "K-001"
    assert v2.same_content(replace(v2, version=7)) and not v1.same_content(v2)


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        (
            'demo = true\n\n[[article]]\nid = "K-001"\ntitle = "t"\nbody = "b"\ncategory = "x"\n'
            "valid_from = 2026-01-01\n",
            7,
            "'category' must be one of",
        ),
        (
            '[[article]]\nid = "K-001"\ntitle = "t"\nbody = "b"\ncategory = "policy"\n'
            'kinds = ["C-NOPE"]\nvalid_from = 2026-01-01\n',
            6,
            "“C-NOPE” is not a kind",
        ),
        (
            '[[article]]\nid = "K-001"\ntitle = "t"\nbody = "b"\ncategory = "policy"\n'
            'valid_from = 2026-01-01\n\n[[article]]\nid = "K-002"\ntitle = "t"\nbody = "b"\n'
            'category = "consultation"\nvalid_from = 2026-01-01\n',
            8,
            "names its 会商 rule",
        ),
        (
            '[[article]]\nid = "K-001"\ntitle = "t"\nbody = "b"\ncategory = "policy"\n'
            'valid_from = "soon"\n',
            6,
            "must be a date",
        ),
        ("color = 1\n", 1, "unknown key 'color'"),
        ('[[article]]\nid = "K-001"\n  oops = \n', 3, "not valid TOML"),
    ],
)
def test_a_bad_file_is_named_by_file_and_line(text: str, line: int, why: str) -> None:
    with pytest.raises(KnowledgeFileError) as error:
        parse_knowledge_file(text, "site.toml", KINDS)
    assert error.value.line == line and why in error.value.why
    assert str(error.value).startswith(f"site.toml:{line}: ")


def test_an_id_in_two_files_is_named_at_the_later(tmp_path: Path) -> None:
    entry = ('[[article]]\nid = "K-001"\ntitle = "t"\nbody = "b"\ncategory = "norm"\n'
             "valid_from = 2026-01-01\n")  # fmt: skip
    (tmp_path / "a.toml").write_text(entry, encoding="utf-8")
    (tmp_path / "b.toml").write_text("# second\n" + entry, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as error:
        load_knowledge(tmp_path, KINDS)
    assert str(error.value).startswith(f"{tmp_path / 'b.toml'}:2: article K-001 is given twice")


def test_normalising_keeps_exactly_the_letters_and_numbers_of_every_character() -> None:
    """console.domain.consultation.normalise (by a regular expression, for speed) keeps what
    the Unicode categories L and N name, after NFKC and lower case, for the whole BMP."""
    import unicodedata

    from console.domain.consultation import normalise

    for point in range(0x10000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", chr(point)).lower()
        kept = "".join(c for c in folded if unicodedata.category(c)[0] in "LN")
        assert normalise(chr(point)) == kept, hex(point)
