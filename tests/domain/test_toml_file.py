"""The one reader of the site's TOML folders: name order, a BOM allowed, and every mistake
named FILE:LINE in the kind's own error and words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.domain.toml_file import Misplaced, TomlFileError, TomlFiles


class SiteError(TomlFileError):
    pass


class AtKey(Misplaced):
    def __init__(self, key: str) -> None:
        super().__init__(f"{key} is wrong")
        self.key = key

    def line(self, text: str) -> int:
        return next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith(self.key))


FILES = TomlFiles(SiteError, "test files")
STRICT = TomlFiles(SiteError, "test files", syntax="bad TOML", no_line=None, bad_byte_line=True)


def test_files_are_read_in_name_order_with_or_without_a_bom(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_text('x = "b"\n', encoding="utf-8-sig")
    (tmp_path / "a.toml").write_text('x = "a"\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("not read", encoding="utf-8")
    for files in (FILES, STRICT):
        read = [
            (Path(name).name, files.parse(text, name, dict)) for name, text in files.texts(tmp_path)
        ]
        assert read == [("a.toml", {"x": "a"}), ("b.toml", {"x": "b"})]


def test_a_check_finds_its_own_line(tmp_path: Path) -> None:
    def check(data: dict[str, Any]) -> None:
        raise AtKey("colour")

    with pytest.raises(SiteError) as caught:
        FILES.parse('size = 1\n\ncolour = "red"\n', "site.toml", check)
    assert str(caught.value) == "site.toml:3: colour is wrong"
    assert (caught.value.path, caught.value.line, caught.value.why) == (
        "site.toml",
        3,
        "colour is wrong",
    )


def test_syntax_errors_take_tomllib_line_and_the_kind_words() -> None:
    with pytest.raises(SiteError, match=r"^f\.toml:2: not valid TOML: "):
        FILES.parse("a = 1\nb = \n", "f.toml", dict)
    with pytest.raises(SiteError, match=r"^f\.toml:2: bad TOML: "):
        STRICT.parse("a = 1\nb = \n", "f.toml", dict)


def test_a_missing_folder_and_a_file_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"missing:1: no such folder of test files$"):
        list(FILES.texts(tmp_path / "missing"))
    with pytest.raises(SiteError, match=r"missing: no such folder of test files$"):
        list(STRICT.texts(tmp_path / "missing"))
    (tmp_path / "latin.toml").write_bytes(b'a = 1\nb = "\xe9"\n')
    with pytest.raises(SiteError, match=r"latin\.toml:1: cannot be read: "):
        list(FILES.texts(tmp_path))
    with pytest.raises(SiteError, match=r"latin\.toml:2: not UTF-8 text \(invalid continuation"):
        list(STRICT.texts(tmp_path))
