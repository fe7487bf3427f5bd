"""``python -m console knowledge import|list|search``: the demo files import once (again: nothing
added), a bad file is one line naming file and line, search prints what the pane would show,
and a citation shows in ``report --json``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli_partners import FOREIGN, console


def test_knowledge_import_list_and_search(tmp_path: Path) -> None:
    imported = console("knowledge", "import")
    assert imported.returncode == 0, imported.stderr
    assert "22 article versions added (0 already stored)" in imported.stdout
    again = console("knowledge", "import")
    assert "0 article versions added (22 already stored)" in again.stdout
    listed = json.loads(console("knowledge", "list", "--json").stdout)
    ids = [a["id"] for a in listed["articles"]]
    assert "K-003" in ids and all(a["demo"] for a in listed["articles"])
    found = json.loads(
        console(
            "knowledge", "search", "--kind", "C-ZX", "--text", "公积金怎么提取", "--json"
        ).stdout
    )
    assert found["articles"][0]["id"] == "K-003"
    shown = console("knowledge", "search", "--kind", "C-TS", "--text", "楼上装修噪音")
    assert shown.returncode == 0 and "会商规则 R-001" in shown.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "site.toml").write_text(
        '[[article]]\nid = "K-1"\ntitle = "t"\nbody = "b"\ncategory = "policy"\n'
        "valid_from = 2026-01-01\n",
        encoding="utf-8",
    )
    refused = console("knowledge", "import", str(bad))
    assert refused.returncode == 2
    assert f"{bad / 'site.toml'}:2: article id 'K-1' is not like K-001; nothing" in refused.stderr
    assert not any(f in refused.stderr for f in FOREIGN)
    report = json.loads(console("report", "--json").stdout)
    assert report["knowledge"] == []  # nothing cited yet
