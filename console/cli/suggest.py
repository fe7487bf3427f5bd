"""``python -m console suggest [--kind K] [--field F] [--district D] --text "…" [--json]``: what
the intake form would suggest at that point of typing (for sites to test their 会商 rules):
stay or transfer, which department and why, else how similar past orders ended."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.config import Settings
    from console.services.suggestions import Suggestion


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("suggest", help="the routing suggestion (会商) for typed intake text")
    p.add_argument("--db", metavar="URL", dest="sub_db")
    p.add_argument("--kind", metavar="CODE", help="e.g. C-TS")
    p.add_argument("--field", metavar="CODE", help="e.g. F-ST (12345)")
    p.add_argument("--district", metavar="CODE", help="e.g. 210102")
    p.add_argument("--text", required=True, help="the description as typed")
    p.add_argument("--json", action="store_true", help="one JSON object")


def suggest(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import UTC, datetime

    from console.domain.order_types import Platform
    from console.services.suggestions import SuggestionService
    from console.store.setup import init_db

    db, _ = init_db(settings.db_url)
    try:
        service = SuggestionService(db, Platform(settings.platform), lambda: datetime.now(UTC))
        found = service.suggest(args.kind, args.field, args.district, args.text)
    finally:
        db.dispose()
    body = as_dict(found)
    if args.json:
        print(json.dumps(body, ensure_ascii=False, indent=1))
    else:
        print(shown(found))
    return 0


def as_dict(s: Suggestion) -> dict[str, Any]:
    a, h = s.advice, s.history
    advice = None
    if a is not None:
        advice = {"move": a.move.value, "platform": a.platform.value, "department": a.department,
                  "why": a.cited, "norm": a.norm, "keywords": list(a.keywords),
                  "rule": f"{a.rule.rule_id} v{a.rule.version}" if a.rule else None,
                  "item": f"{a.item.direction.value} {a.item.number}" if a.item else None,
                  "kinds": list(a.item.kinds) if a.item else [], "also": list(a.also)}  # fmt: skip
    history = None
    if h is not None:
        history = {"total": h.total, "stayed": h.stayed, "transferred": h.transferred,
                   "departments": [{"code": c, "count": n} for c, n in h.departments],
                   "similar_text": h.similar, "days": h.days}  # fmt: skip
    return {"advice": advice, "history": history}


def shown(s: Suggestion) -> str:
    a, h = s.advice, s.history
    if a is not None:
        what = "留本平台办理 stay" if a.move.value == "stay" else f"转{a.platform.value} transfer"
        lines = [
            f"建议 suggestion: {what}" + (f"，承办单位 {a.department}" if a.department else "")
        ]
        lines.append(a.cited)
        if a.norm:
            lines.append(f"处置规范 norm: {a.norm}")
        if a.keywords:
            lines.append(f"关键词 matched: {'、'.join(a.keywords)}")
        return "\n".join(lines)
    if h is None or h.total == 0:
        return "无建议 no suggestion (no rule, no list item, no past orders of this matter)"
    basis = "相似诉求 similar text" if h.similar else "同类诉求 same kind/district"
    lines = [f"无会商规则；近{h.days}天{basis} {h.total} 件 past orders:",
             f"  留本平台 stayed {h.stayed} ({h.share(h.stayed):.0%})",
             f"  转对方平台 transferred {h.transferred} ({h.share(h.transferred):.0%})"]  # fmt: skip
    for code, n in h.departments[:5]:
        lines.append(f"  派 {code}: {n} ({h.share(n):.0%})")
    return "\n".join(lines)
