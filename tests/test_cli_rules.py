"""``python -m console rules import|list`` and ``suggest``: the demo files import, a bad file
is one line naming file and line, and suggest prints what the form would show."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli_partners import FOREIGN, console

ROOT = Path(__file__).resolve().parents[1]


def test_rules_import_list_and_suggest(tmp_path: Path) -> None:
    files = [str(p) for p in sorted((ROOT / "db" / "consultation").glob("*.toml"))]
    imported = console("rules", "import", *files)
    assert imported.returncode == 0, imported.stderr
    assert "5 rule versions added" in imported.stdout and "26 list items added" in imported.stdout
    listed = json.loads(console("rules", "list", "--json").stdout)
    assert listed["versions_stored"] == 5 and len(listed["items"]) == 26
    shown = console("suggest", "--text", "工人讨薪堵路")
    assert shown.returncode == 0 and "规则 R-017" in shown.stdout and "转110" in shown.stdout
    body = json.loads(
        console("suggest", "--kind", "C-TS", "--text", "楼上装修噪音", "--json").stdout
    )
    assert body["advice"]["department"] == "210100-CG" and body["history"] is None
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "R-9"\nkinds = ["C-NOPE"]\n', encoding="utf-8")
    refused = console("rules", "import", str(bad))
    assert refused.returncode == 2 and f"{bad}:3: unknown kind 'C-NOPE'" in refused.stderr
    assert not any(f in refused.stderr for f in FOREIGN)


def test_rules_report_before_and_after_each_rule() -> None:
    import os

    from console.store.setup import init_db
    from tests.agenda_data import plant

    db, _ = init_db(os.environ["CONSOLE_DB"])
    try:
        plant(db)
    finally:
        db.dispose()
    done = console("rules", "report", "--today", "2026-08-15", "--months", "3")
    assert done.returncode == 0, done.stderr
    assert "R-001 v1 since 2026-07-01" in done.stdout
    assert "before 1.0/month (3 in 3), after 1.0/month (2 in 2)" in done.stdout
    assert "2026-04 0 · 2026-05 0 · 2026-06 3 · 2026-07 1 · 2026-08 1" in done.stdout
    body = json.loads(console("rules", "report", "--json", "--today", "2026-08-15").stdout)
    [rule] = body["rules"]
    assert (rule["before_total"], rule["after_total"], rule["after"]) == (
        4,
        2,
        {"2026-07": 1, "2026-08": 1},
    )
