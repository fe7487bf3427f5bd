"""What the demo generator draws from: the database's own catalogue plus ``db/seed/demo.toml``.

Drawing kinds, fields and districts from the catalogue the database holds (not the seed file)
guarantees every generated order satisfies its foreign keys, even on a site-edited catalogue.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from console.domain.catalogue import District, Field, Kind
from console.paths import bundle_path


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


def load_material(
    kinds: list[Kind],
    fields: list[Field],
    districts: list[District],
    demo_file: Path | None = None,
) -> Material:
    path = demo_file or bundle_path("db", "seed", "demo.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
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
    )
