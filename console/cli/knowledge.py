"""``python -m console knowledge import [DIR] | list [--json] | search [--kind K] --text "…"
[--json]``: the knowledge base (知识库), format in docs/knowledge.md.

Import reads every ``*.toml`` of DIR (default: the shipped ``db/knowledge``) first (each
mistake is ``FILE:LINE: why``, nothing is stored until all are right), then stores, in one
transaction recorded in the audit trail, each article whose text differs from every stored
version of its id as its next version: importing again changes nothing. ``list`` prints the
articles in effect today; ``search`` what the pane beside the intake form would show.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.cli.common import EXIT_REFUSED


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    group = sub.add_parser("knowledge", help="the knowledge base (知识库): articles agents cite")
    group.add_argument("--db", metavar="URL", dest="sub_db")
    commands = group.add_subparsers(dest="knowledge_command", required=True)
    imported = commands.add_parser("import", help="add article versions from a folder of files")
    imported.add_argument("folder", type=Path, nargs="?", metavar="DIR",
                          help="a folder of TOML like db/knowledge (the default)")  # fmt: skip
    listing = commands.add_parser("list", help="the articles in effect today")
    listing.add_argument("--json", action="store_true", help="one JSON object")
    search = commands.add_parser("search", help="what the intake form's pane would show")
    search.add_argument("--kind", metavar="CODE", help="the kind chosen, e.g. C-ZX")
    search.add_argument("--text", required=True, help="the text typed so far")
    search.add_argument("--json", action="store_true", help="one JSON object")


def knowledge(url: str, args: argparse.Namespace, key_path: Path) -> int:
    from console.services.knowledge import KnowledgeService
    from console.store.setup import init_db

    db, _ = init_db(url)
    try:
        service = KnowledgeService(db, lambda: datetime.now(UTC))
        if args.knowledge_command == "import":
            return _import(db, args.folder, key_path)
        if args.knowledge_command == "list":
            articles = service.in_effect()
            if args.json:
                body = {"day": str(service.today()), "articles": [_plain(a) for a in articles]}
                print(json.dumps(body, ensure_ascii=False, indent=1))
                return 0
            print(f"知识库 articles in effect {service.today()}: {len(articles)}")
            for a in articles:
                print(f"  {_line(a)}")
            return 0
        hits = service.search(args.kind, args.text)
        if args.json:
            found = [{**_plain(h.article), "score": round(h.score, 3),
                      "keywords_typed": list(h.keywords)} for h in hits]  # fmt: skip
            print(json.dumps({"articles": found}, ensure_ascii=False, indent=1))
            return 0
        print(f"知识库: {len(hits)} article(s)")
        for h in hits:
            print(f"  {h.score:4.2f}  {_line(h.article)}")
            print(f"        {h.article.cited}")
        return 0
    finally:
        db.dispose()


def _import(db: Any, folder: Path | None, key_path: Path) -> int:
    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.domain.knowledge_file import KnowledgeFileError, load_knowledge
    from console.paths import bundle_path
    from console.store import knowledge as store

    where = folder if folder is not None else bundle_path("db", "knowledge")
    with db.read() as session:
        kinds = store.kinds(session)
    try:
        shelf = load_knowledge(where, kinds)
    except KnowledgeFileError as exc:
        print(f"knowledge: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_REFUSED
    cli = command_line(db, key_path)
    with db.write() as session:
        done = store.import_articles(session, shelf.articles, cli.who, str(where),
                                     datetime.now(UTC))  # fmt: skip
        if done.added:
            cli.trail.record(session, cli.entry(AuditAction.POLICY_CHANGE, "知识库",
                             f"{done.added} article versions from {where}"))  # fmt: skip
    print(f"knowledge: {done.added} article versions added ({done.same} already stored) "
          f"from {where}")  # fmt: skip
    return 0


def _plain(a: Any) -> dict[str, Any]:
    return {"id": a.article_id, "version": a.version, "title": a.title,
            "category": a.category.value, "kinds": list(a.kinds), "keywords": list(a.keywords),
            "rule": a.rule_id, "valid_from": str(a.valid_from),
            "valid_to": str(a.valid_to) if a.valid_to else None, "demo": a.demo,
            "cited": a.cited, "body": a.body}  # fmt: skip


def _line(a: Any) -> str:
    from console.domain.knowledge import CATEGORY_ZH

    until = f"..{a.valid_to}" if a.valid_to else ".."
    demo = " 演示" if a.demo else ""
    rule = f" {a.rule_id}" if a.rule_id else ""
    kinds = "、".join(a.kinds) or "any kind"
    return (f"{a.article_id} v{a.version} [{CATEGORY_ZH[a.category]}{rule}{demo}] {a.title}  "
            f"{a.valid_from}{until}  ({kinds})")  # fmt: skip
