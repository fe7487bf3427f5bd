"""``python -m console rules import FILE… | list [--json] | report [--json]``: the 会商 rules and
transfer lists (互转事项清单), format in docs/consultation.md.

Import reads every file first (each mistake is ``FILE:LINE: why``, nothing is stored until all
are right), then stores the rule versions and list items in one transaction, recorded in the
audit trail. ``list`` prints the rules in effect today and the active items. ``report`` prints
each rule's matter before and after it: disputed orders (three-way, return, re-dispatch, first
contact) per month matching the rule, the months before its first ``valid_from`` and after.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from console.cli.common import EXIT_REFUSED, CommandFailed


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    group = sub.add_parser("rules", help="会商 rules and transfer lists (互转事项清单)")
    group.add_argument("--db", metavar="URL", dest="sub_db")
    commands = group.add_subparsers(dest="rules_command", required=True)
    imported = commands.add_parser("import", help="add rule versions and list items from files")
    imported.add_argument("files", type=Path, nargs="+", metavar="FILE",
                          help="TOML like db/consultation/rules.toml")  # fmt: skip
    listing = commands.add_parser("list", help="the rules in effect today and the list items")
    listing.add_argument("--json", action="store_true", help="one JSON object")
    report = commands.add_parser("report", help="each rule's disputed matter before and after it")
    report.add_argument("--json", action="store_true", help="one JSON object")
    report.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the last day counted (China; default today)")  # fmt: skip
    report.add_argument("--months", type=int, default=6, choices=range(1, 25), metavar="N",
                        help="months shown before and after each rule (1-24, default 6)")  # fmt: skip


def rules(url: str, args: argparse.Namespace, key_path: Path) -> int:
    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.domain.consultation import RuleConflict
    from console.domain.consultation_file import RuleFileError, merge, parse_rule_file
    from console.store import consultation as store
    from console.store.setup import init_db

    texts = [(str(p), _read(p)) for p in args.files] if args.rules_command == "import" else []
    db, _ = init_db(url)
    try:
        if args.rules_command == "report":
            _report(db, args)
            return 0
        if args.rules_command == "list":
            with db.read() as session:
                found, items = store.rules(session), store.items(session)
            _print(found, items, args.json)
            return 0
        with db.read() as session:
            known = store.known(session)
        try:
            book = merge([parse_rule_file(text, name, known) for name, text in texts])
        except RuleFileError as exc:
            print(f"rules: {exc}; nothing was changed", file=sys.stderr)
            return EXIT_REFUSED
        cli = command_line(db, key_path)
        names = ", ".join(name for name, _ in texts)
        try:
            with db.write() as session:
                done = store.import_book(session, book, cli.who, names, datetime.now(UTC))
                detail = (f"{done.rules_added} rule versions added, {done.items_added} items "
                          f"added, {done.items_updated} updated")  # fmt: skip
                cli.trail.record(
                    session, cli.entry(AuditAction.POLICY_CHANGE, "会商 rules", detail)
                )
        except (store.VersionClash, RuleConflict) as exc:
            print(f"rules: {exc}; nothing was changed", file=sys.stderr)
            return EXIT_REFUSED
        print(f"rules: {done.rules_added} rule versions added ({done.rules_same} already stored), "
              f"{done.items_added} list items added, {done.items_updated} updated "
              f"from {names}")  # fmt: skip
        return 0
    finally:
        db.dispose()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandFailed(f"cannot read {path}: {exc}") from None


def _print(found: list[Any], items: list[Any], as_json: bool) -> None:
    from console.domain.consultation import current
    from console.services.suggestions import CHINA

    today = datetime.now(UTC).astimezone(CHINA).date()
    live = current(found, today)
    if as_json:
        body = {
            "rules": [{"id": r.rule_id, "version": r.version, "platform": r.platform.value,
                       "department": r.department, "kinds": list(r.matter.kinds),
                       "fields": list(r.matter.fields), "districts": list(r.matter.districts),
                       "keywords": list(r.matter.keywords), "norm": r.norm,
                       "consultation": r.consultation.title, "valid_from": str(r.valid_from),
                       "valid_to": str(r.valid_to) if r.valid_to else None,
                       "priority": r.priority} for r in live],
            "items": [{"direction": i.direction.value, "number": i.number, "class": i.class_name,
                       "item": i.item, "keywords": list(i.keywords), "kinds": list(i.kinds)}
                      for i in items],
            "versions_stored": len(found),
        }  # fmt: skip
        print(json.dumps(body, ensure_ascii=False, indent=1))
        return
    print(f"会商规则 rules in effect {today}: {len(live)} (versions stored: {len(found)})")
    for r in live:
        until = f"..{r.valid_to}" if r.valid_to else ".."
        where = r.platform.value + (f" {r.department}" if r.department else "")
        print(f"  {r.rule_id} v{r.version} → {where}  {r.valid_from}{until}  "
              f"priority {r.priority if r.priority is not None else '-'}  "
              f"{'、'.join(r.matter.keywords or r.matter.kinds)}  ({r.consultation.title})")  # fmt: skip
    print(f"互转事项清单 transfer-list items: {len(items)}")
    for i in items:
        print(f"  {i.direction.shown} {i.number} {i.class_name}／{i.item}  {'、'.join(i.keywords)}")


def _report(db: Any, args: argparse.Namespace) -> None:
    from console.domain.calendar import china_date
    from console.services.rule_edits import rule_effects

    today = args.today or china_date(datetime.now(UTC))
    found = rule_effects(db, today, args.months)
    if args.json:
        body = {"today": str(today), "months": args.months, "rules": [
            {"id": e.rule.rule_id, "version": e.rule.version, "since": str(e.since),
             "kinds": list(e.rule.matter.kinds), "districts": list(e.rule.matter.districts),
             "keywords": list(e.rule.matter.keywords),
             "before": dict(e.before), "after": dict(e.after),
             "before_total": e.before_total, "after_total": e.after_total,
             "before_per_month": round(e.before_mean, 2),
             "after_per_month": round(e.after_mean, 2)} for e in found]}  # fmt: skip
        print(json.dumps(body, ensure_ascii=False, indent=1))
        return
    print(f"会商规则 disputed orders per month before and after each rule (to {today}): "
          f"{len(found)} rules")  # fmt: skip
    for e in found:
        matter = "、".join(e.rule.matter.keywords or e.rule.matter.kinds)
        print(f"  {e.rule.rule_id} v{e.rule.version} since {e.since}  {matter}: "
              f"before {e.before_mean:.1f}/month ({e.before_total} in {len(e.before)}), "
              f"after {e.after_mean:.1f}/month ({e.after_total} in {len(e.after)})")  # fmt: skip
        months = [f"{m} {n}" for m, n in (*e.before, *e.after)]
        print(f"    {' · '.join(months)}")
