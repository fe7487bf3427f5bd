"""What the demo generator draws from: the database's own catalogue plus ``db/seed/demo.toml``.

Drawing kinds, fields and districts from the catalogue the database holds (not the seed file)
guarantees every generated order satisfies its foreign keys, even on a site-edited catalogue.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from console.domain.catalogue import Department, DepartmentKind, District, Field, Kind
from console.paths import bundle_path

# Which functional departments (by the code suffix of ``db/seed/departments.csv``, e.g.
# "210100-SJ") usually take a matter of each 12345 field. DEMO GUESS, not a rule of the plan: a
# site directory whose codes do not follow these suffixes falls back to any functional
# department of the order's city.
FIELD_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "F-JJ": ("RS", "ZR", "ZJ", "SJ"),  # 经济调节: wages, land, housing, business
    "F-SC": ("SJ",),  # 市场监管
    "F-SH": ("CG", "MZ", "ZJ", "JT"),  # 社会管理
    "F-GF": ("JY", "WJ", "YB", "SW", "JT", "RS"),  # 公共服务
    "F-ST": ("HB", "SW", "CG", "ZR"),  # 生态环境保护
}

# Reports and notes of the new order paths, used when ``demo.toml`` has none of its own.
PROGRESS_NOTES = (
    "承办单位已联系诉求人，正在现场核实情况",
    "承办单位已约谈相关责任方，限期整改中",
    "承办单位已安排人员上门查看，正在协调解决",
    "涉及多个部门，承办单位正在会商办理方案",
    "承办单位已立案调查，待结果出来后答复诉求人",
    "已完成初步处置，承办单位持续跟踪整改落实情况",
)
ESCALATION_REPORTS = (
    "承办单位现场核实时双方发生肢体冲突，矛盾纠纷激化，请求110派警",
    "承办单位报告：事态难以控制，现场人员聚集，可能扰乱社会治安秩序",
    "承办单位报告：核查中发现涉嫌违法犯罪线索，超出行政处置范围",
    "承办单位报告：诉求人情绪激动，扬言采取极端行为，危及人身安全",
    "承办单位报告：讨薪人员在工地门口聚集，有堵路风险",
)
THREE_WAY_REASONS = ("责任主体不明确", "职责交叉", "一键转接不成功")
FIRST_CONTACT_REASONS = ("明确不属于12345与110受理范围", "三方通话协商后仍无法确定受理平台")


@dataclass(frozen=True)
class Material:
    kinds: dict[str, list[tuple[str, int, bool]]]  # platform -> [(code, weight, police)]
    fields: list[tuple[str, int]]
    districts: list[tuple[str, int]]
    templates: dict[str, list[str]]
    template_fields: dict[str, list[str]]
    surnames: list[str]
    given_names: list[str]
    streets: list[str]
    places: list[str]
    to_police_reasons: list[str]
    to_hotline_reasons: list[str]
    # district -> (its 属地 government's code or None, functional departments of its city by
    # 12345 field code, "" for any field); only active departments of the directory.
    dispatch: dict[str, tuple[str | None, dict[str, list[str]]]] = field(default_factory=dict)
    progress_notes: list[str] = field(default_factory=lambda: list(PROGRESS_NOTES))
    escalation_reports: list[str] = field(default_factory=lambda: list(ESCALATION_REPORTS))
    three_way_reasons: list[str] = field(default_factory=lambda: list(THREE_WAY_REASONS))
    first_contact_reasons: list[str] = field(default_factory=lambda: list(FIRST_CONTACT_REASONS))


def load_material(
    kinds: list[Kind],
    fields: list[Field],
    districts: list[District],
    demo_file: Path | None = None,
    departments: list[Department] | None = None,
) -> Material:
    """What to draw from; without ``departments`` (the active directory) nothing is dispatched."""
    path = demo_file or bundle_path("db", "seed", "demo.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    linkage: dict[str, list[str]] = data.get("linkage_reasons", {})
    templates: dict[str, list[str]] = data["templates"]
    by_platform: dict[str, list[tuple[str, int, bool]]] = {}
    for k in kinds:
        if k.code in templates and k.weight > 0:
            by_platform.setdefault(k.platform.value, []).append((k.code, k.weight, k.police))
    missing = {"12345", "110"} - set(by_platform)
    if missing:
        raise ValueError(f"{path}: no templates for any active kind of platform {missing}")
    field_codes = {f.code for f in fields}
    template_fields = {
        kind: [f if f in field_codes else "" for f in codes]
        for kind, codes in data.get("template_fields", {}).items()
    }
    return Material(
        kinds=by_platform,
        fields=[(f.code, f.weight) for f in fields],
        # Whole-city rows are for agents who do not know the district; demo callers mostly do.
        districts=[
            (d.code, d.weight if not d.is_city else max(1, d.weight // 20)) for d in districts
        ],
        templates=templates,
        template_fields=template_fields,
        surnames=list(data["surnames"]),
        given_names=list(data["given_names"]),
        streets=list(data["streets"]),
        places=list(data["places"]),
        to_police_reasons=list(data["transfer_reasons"]["from_12345_to_110"]),
        to_hotline_reasons=list(data["transfer_reasons"]["from_110_to_12345"]),
        dispatch=dispatch_targets(districts, departments or [], [f.code for f in fields]),
        three_way_reasons=list(linkage.get("three_way_call") or THREE_WAY_REASONS),
        first_contact_reasons=list(linkage.get("first_contact") or FIRST_CONTACT_REASONS),
    )


def dispatch_targets(
    districts: list[District], departments: list[Department], field_codes: list[str]
) -> dict[str, tuple[str | None, dict[str, list[str]]]]:
    """For each district: the government that has jurisdiction there (its own, else its city's)
    and the functional departments of its city, by field (``""``: any field)."""
    governments: dict[str, str] = {}
    functional: dict[str, list[str]] = {}
    for d in departments:
        if not d.active:
            continue
        if d.kind is DepartmentKind.GOVERNMENT:
            # The directory's own "-GOV" code first, if a district had several governments.
            if d.district not in governments or d.code.endswith("-GOV"):
                governments[d.district] = d.code
        else:
            functional.setdefault(d.district, []).append(d.code)
    targets: dict[str, tuple[str | None, dict[str, list[str]]]] = {}
    for district in districts:
        city = district.city_code
        gov = governments.get(district.code) or governments.get(city)
        anyone = sorted(functional.get(city, []))
        by_field = {"": anyone}
        for code in field_codes:
            suffixes = FIELD_DEPARTMENTS.get(code, ())
            fitting = [c for c in anyone if c.rsplit("-", 1)[-1] in suffixes]
            by_field[code] = fitting or anyone
        if gov is not None or anyone:
            targets[district.code] = (gov, by_field)
    return targets
