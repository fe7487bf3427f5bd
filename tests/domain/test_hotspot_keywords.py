"""Keyword groups for the hot-spot scan: one per transfer-list item, matched as exact substrings
of the normalised description, overlapping keywords of two groups both seen."""

from __future__ import annotations

from console.domain.consultation import Direction, TransferItem
from console.domain.hotspot_keywords import GroupMatcher, keyword_groups

HEAT = TransferItem(
    Direction.TO_12345, "1.3", "水电气热", "供暖不热、停暖", ("暖气不热", "供暖", "停暖")
)
FRAUD = TransferItem(
    Direction.TO_110, "1.2", "违法犯罪", "诈骗线索", ("诈骗", "被骗", "ＡＰＰ刷单")
)
NOISE = TransferItem(Direction.TO_110, "2.2", "治安秩序", "夜间噪音", ("气不",))  # overlaps HEAT's
EMPTY = TransferItem(Direction.TO_110, "9.9", "其他", "无关键词", ("", "，"))


def test_one_group_per_item_with_a_keyword_named_in_full() -> None:
    groups = keyword_groups([HEAT, FRAUD, EMPTY])
    assert [g.subject for g in groups] == ["110→12345 1.3 供暖不热、停暖", "12345→110 1.2 诈骗线索"]
    assert groups[1].keywords == ("诈骗", "被骗", "app刷单")  # normalised: NFKC, lower case


def test_descriptions_match_through_spelling_and_punctuation_and_overlaps() -> None:
    matcher = GroupMatcher(keyword_groups([HEAT, FRAUD, NOISE]))
    assert matcher.match("家里暖气不热，室温12度") == {0, 2}  # 暖气不热 and 气不 overlap
    assert matcher.match("下载了某App 刷单被骗") == {1}  # "App 刷单" = "ＡＰＰ刷单" normalised
    assert matcher.match("暖气，不热") == {0, 2}  # punctuation dropped before matching
    assert matcher.match("路灯不亮") == set()
    assert not GroupMatcher([]) and GroupMatcher([]).match("供暖") == set()
