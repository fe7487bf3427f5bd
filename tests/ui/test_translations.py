"""Chinese is the default UI: every string the code marks for translation has a Chinese text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def test_zh_cn_is_complete() -> None:
    root = ET.parse(I18N / "console_zh_CN.ts").getroot()
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in root.iter("context")
        for message in context.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "obsolete")
        or not (t.text or "").strip()
    ]
    assert missing == [], "untranslated (run make i18n-update, then translate):\n" + "\n".join(
        missing
    )


def test_both_languages_carry_the_same_sources() -> None:
    def sources(name: str) -> set[tuple[str, str]]:
        root = ET.parse(I18N / name).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    assert sources("console_zh_CN.ts") == sources("console_en.ts")


def test_every_string_in_the_code_is_in_the_ts_sources(tmp_path: Path) -> None:
    """A string added to the code but not extracted would show in English on a Chinese seat."""
    import shutil
    import subprocess
    import sys

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    code = sorted(str(p) for p in (I18N.parents[1] / "console").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *code, "-ts", str(fresh)], check=True, capture_output=True)

    def sources(path: Path) -> set[str]:
        return {m.findtext("source") or "" for m in ET.parse(path).getroot().iter("message")}

    assert sources(fresh) - sources(I18N / "console_zh_CN.ts") == set()
