"""``python -m console hotspots [--db URL] [--at "YYYY-MM-DD HH:MM"] [--json]``: the hot spots
(热点分析) of the window ending then, China time, each with its evidence.

``--at`` is taken back to the window boundary at or before it (``[hotspots] every_hours`` on
the China clock: 14:30 means the window 08:00–12:00 for 4 hours); without it, the last complete
window. The hot spots are computed afresh (the command stores nothing) and shown with what the
console's scans stored of them: open, or taken up with its verification order. Printing them is
an export (addresses, order numbers): recorded in the audit trail first, like ``report``.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import FIRST_DAY, LAST_DAY, CommandFailed

if TYPE_CHECKING:
    from console.config import Settings
    from console.services.hotspots import Finding

NAMES = {"kind": "诉求类型 kind", "field": "领域 field", "keywords": "关键词组 keyword group",
         "address": "地址 address (热点件)"}  # fmt: skip


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("hotspots", help="hot spots (热点分析) of a window, with their evidence")
    p.add_argument("--db", metavar="URL", dest="sub_db")
    p.add_argument("--at", metavar='"YYYY-MM-DD HH:MM"', help="China time (default: now)")
    p.add_argument("--json", action="store_true", help="one JSON object")


def when(text: str) -> datetime:
    """``--at``: a China date and time, as an aware instant."""
    from console.domain.hotspots import CHINA

    try:
        value = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise CommandFailed(f'--at must be "YYYY-MM-DD HH:MM" (China time), got {text!r}') from None
    if not FIRST_DAY.year < value.year < LAST_DAY.year:
        raise CommandFailed(f"--at must be after {FIRST_DAY.year} and before {LAST_DAY.year}")
    return value.replace(tzinfo=CHINA)


def hotspots(args: argparse.Namespace, settings: Settings, key_path: Path) -> int:
    from datetime import UTC

    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.domain.order_types import Platform
    from console.services.hotspots import HotspotService
    from console.services.order_writer import OrderWriter
    from console.store.setup import init_db

    at = when(args.at) if args.at else datetime.now(UTC)
    db, _ = init_db(settings.db_url)
    try:
        service = HotspotService(
            db, lambda: datetime.now(UTC), OrderWriter(None, None), settings.hotspot_method(),
            Platform(settings.platform),
        )  # fmt: skip
        window, found = service.look(at)
        span = f"{_china(window.start)}..{_china(window.end)}"
        cli = command_line(db, key_path)
        cli.trail.write(db, cli.entry(AuditAction.EXPORT, "hot spots", span))
    finally:
        db.dispose()
    if args.json:
        body = {
            "window": {"start": _china(window.start), "end": _china(window.end)},
            "platform": settings.platform,
            "hotspots": [_as_dict(f) for f in found],
        }
        print(json.dumps(body, ensure_ascii=False, indent=1))
        return 0
    lines = [
        f"热点分析 hot spots {_china(window.start)} – {_china(window.end)} (China time): {len(found)}"
    ]
    for f in found:
        h = f.hotspot
        state = "" if f.stored is None else f"  [#{f.stored.id} {f.stored.state.value}"
        if f.stored is not None and f.stored.order_number:
            state += f" → {f.stored.order_number} {f.stored.department}"
        state += "]" if f.stored is not None else ""
        lines.append(f"- {h.district} {NAMES[h.dimension.value]} {h.subject}: {h.count}{state}")
        if h.dimension.value != "address":
            base = ", ".join("-" if n is None else str(n) for n in h.baseline)
            bound = (
                "no baseline (all zeros): the minimum count fired it"
                if h.bound is None
                else f"threshold {h.bound:.2f}"
            )
            lines.append(
                f"  baseline (newest first) {base}; mean {h.mean:.2f}, sd {h.sd:.2f}, {bound}"
            )
        else:
            lines.append(f"  repeats at one address: {h.count} >= {h.threshold:g}")
        lines.append(f"  orders: {' '.join(h.numbers)}")
    print("\n".join(lines))
    return 0


def _china(at: datetime) -> str:
    from console.domain.hotspots import CHINA

    return at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def _as_dict(f: Finding) -> dict[str, object]:
    h, s = f.hotspot, f.stored
    return {
        "dimension": h.dimension.value, "district": h.district, "subject": h.subject,
        "count": h.count, "baseline": list(h.baseline), "mean": round(h.mean, 3),
        "sd": round(h.sd, 3), "threshold": None if h.bound is None else round(h.bound, 3),
        "fired": h.fired.value, "orders": list(h.numbers),
        "id": None if s is None else s.id, "state": None if s is None else s.state.value,
        "verification_order": None if s is None else s.order_number,
        "department": None if s is None else s.department,
    }  # fmt: skip
